import { readFileSync } from 'fs';
import { join } from 'path';
import * as catalog from '../../src/catalog';
import * as applicationModel from '../../src/local-server/model/applications';
import * as provisioningModel from '../../src/local-server/model/application-provisioning';
import * as ssoModel from '../../src/local-server/model/application-sso';
import * as authorizationModel from '../../src/local-server/model/authorizations';
import * as passwordModel from '../../src/local-server/model/password-policy';
import * as generator from '../../scripts/lib/catalog';

const ROOT = join(__dirname, '..', '..');
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');
const compact = (): generator.CompactDescription => JSON.parse(read(generator.PATHS.compact));
const overlay = (): generator.Overlay => JSON.parse(read(generator.PATHS.overlay));

/** A copy of the overlay with `change` applied (the committed one stays untouched). */
function overlayWith(change: (o: { -readonly [K in keyof generator.Overlay]: unknown }) => void) {
  const o = overlay();
  change(o as never);
  return o;
}

describe('generated catalog', () => {
  it.each(Object.entries(generator.renderCatalog(compact(), overlay())))(
    '%s is exactly what the committed sources give (run `npm run catalog` after editing them)',
    (rel, text) => {
      expect(read(rel) === text ? 'identical' : `${rel} differs from its sources`).toBe('identical');
    },
  );

  it('stores the compact description in the layout the generator writes', () => {
    expect(generator.renderJson(compact())).toBe(read(generator.PATHS.compact));
  });

  it('describes the API version the client signs for', () => {
    expect([compact().product, compact().version]).toEqual([catalog.API_PRODUCT, catalog.API_VERSION]);
  });

  it('exports exactly the selected operations, in the order of the selection', () => {
    const names = generator.selectedNames(overlay());
    expect(Object.keys(catalog.OPERATIONS)).toEqual(names);
    expect([
      ...catalog.SEED_OPERATIONS,
      ...catalog.EXTRA_OPERATIONS,
      ...catalog.CUSTOM_FIELD_FAMILY,
      ...catalog.IDENTITY_PROVIDER_FAMILY,
      ...catalog.NETWORK_ZONE_FAMILY,
      ...catalog.CONDITIONAL_ACCESS_FAMILY,
    ]).toEqual(names);
  });

  it('marks as writing every operation not listed read-only, and only those', () => {
    const readOnly = new Set(overlay().readOnly);
    const writing = Object.entries(catalog.OPERATIONS).filter(([, spec]) => spec.writes);
    expect(writing.length).toBe(Object.keys(catalog.OPERATIONS).length - readOnly.size);
    expect(writing.filter(([name]) => readOnly.has(name))).toEqual([]);
    expect(catalog.OPERATIONS.CreateUser.writes).toBe(true);
    expect(catalog.OPERATIONS.ObtainApplicationClientSecret.writes).toBe(false);
  });

  it('flags ClientToken exactly on the operations that have the parameter', () => {
    for (const [name, spec] of Object.entries(catalog.OPERATIONS)) {
      const has = spec.request.some((p) => p.name === 'ClientToken');
      expect(`${name}: ${spec.clientToken}`).toBe(`${name}: ${has}`);
    }
    expect(catalog.OPERATIONS.CreateUser.clientToken).toBe(true);
  });

  it('declares the paging styles of the list operations', () => {
    expect(catalog.OPERATIONS.ListUsers.pagination).toEqual(['page', 'token']);
    expect(catalog.OPERATIONS.ListGroups.pagination).toEqual(['page']);
    expect(catalog.OPERATIONS.ListApplicationClientSecrets.pagination).toBeUndefined();
    expect(catalog.OPERATIONS.GetUser.pagination).toBeUndefined();
  });
});

describe('catalog sources are checked for agreement', () => {
  const problems = (o: generator.Overlay, c = compact()) => generator.problemsOf(c, o);

  it('finds none in the committed sources', () => {
    expect(problems(overlay())).toEqual([]);
  });

  it('refuses a selected operation missing from the compact description', () => {
    const o = overlayWith((x) => {
      (x.selection as { operations: string[] }[])[1].operations.push('CreateNetworkAccessEndpoint');
    });
    expect(problems(o)).toEqual([
      expect.stringContaining('CreateNetworkAccessEndpoint is selected but not in'),
    ]);
    expect(() => generator.renderCatalog(compact(), o)).toThrow(/--from <api.json>/);
  });

  it('refuses a ClientToken flag that disagrees with the parameters', () => {
    const o = overlayWith((x) => {
      x.clientToken = [
        ...(x.clientToken as string[]).filter((n) => n !== 'SetApplicationSsoConfig'),
        'DeleteUser',
      ];
    });
    expect(problems(o)).toEqual([
      'SetApplicationSsoConfig takes a ClientToken: list it in clientToken.',
      'DeleteUser is listed in clientToken but has no ClientToken parameter.',
    ]);
  });

  it('refuses a list operation without its pagination, or with a style it lacks parameters for', () => {
    const o = overlayWith((x) => {
      const pagination = { ...(x.pagination as Record<string, string[]>) };
      delete pagination.ListGroups;
      pagination.ListInstances = ['page', 'token'];
      x.pagination = pagination;
    });
    expect(problems(o)).toEqual([
      'ListInstances: pagination token needs NextToken and MaxResults.',
      'ListGroups has paging parameters: declare its pagination.',
    ]);
  });

  it('refuses enum parameters that do not exist or are not strings, and repeated values', () => {
    const o = overlayWith((x) => {
      x.enums = {
        Good: { const: 'GOOD', doc: 'd', values: ['a'], params: ['ListUsers.UserSourceType'] },
        Bad: {
          const: 'BAD',
          doc: 'd',
          values: ['a', 'a'],
          params: [
            'ListUsers.NoSuch',
            'CreateApplication.ApplicationOwner',
            'SetApplicationSsoConfig.OidcSsoConfig.GrantTypes[]',
          ],
        },
      };
    });
    expect(problems(o)).toEqual([
      'enum Bad repeats a value.',
      'enum Bad: no request parameter ListUsers.NoSuch.',
      'enum Bad: CreateApplication.ApplicationOwner is not a string.',
    ]);
  });
});

describe('extracting the compact description from an API description', () => {
  // A two-operation description in the shape of Alibaba's file (names and types only matter).
  const api = {
    product: 'Eiam',
    version: '2021-12-01',
    operations: {
      GetThing: {
        request: [
          { name: 'InstanceId', type: 'string', required: true, description: 'ignored' },
          {
            name: 'Tags',
            type: 'array',
            items: { type: 'object', properties: [{ name: 'Key', type: 'string' }] },
          },
        ],
        response: [{ name: 'Count', type: 'integer', example: '1' }],
      },
    },
    extraOperations: { SetThing: { request: [{ name: 'On', type: 'boolean' }], response: [] } },
  };

  it('keeps names, types and required flags and nothing else', () => {
    expect(generator.extractCompact(api, ['SetThing', 'GetThing'])).toEqual({
      product: 'Eiam',
      version: '2021-12-01',
      operations: {
        SetThing: { request: { On: 'boolean' }, response: {} },
        GetThing: {
          request: { 'InstanceId!': 'string', Tags: [{ Key: 'string' }] },
          response: { Count: 'integer' },
        },
      },
    });
  });

  it('suggests enums from value bullets in descriptions, naming the overlay enum that covers each', () => {
    const described = {
      operations: {
        SetThing: {
          request: [
            {
              name: 'Mode',
              type: 'string',
              description: 'The mode. Valid values:\n- fast: quick.\n- safe: slow.',
            },
            { name: 'Note', type: 'string', description: 'Free text.' },
            { name: 'Flags', type: 'array', items: { type: 'string', description: 'Flag:\n- a\n- b' } },
          ],
          response: [],
        },
      },
    };
    const o = {
      ...overlay(),
      selection: [{ const: 'T', doc: 'T.', operations: ['SetThing'] }],
      enums: { Mode: { const: 'MODES', doc: 'd', values: ['fast', 'safe'], params: ['SetThing.Mode'] } },
    };
    expect(generator.enumCandidates(described, o)).toEqual([
      { param: 'SetThing.Mode', values: ['fast', 'safe'], enum: 'Mode' },
      { param: 'SetThing.Flags[]', values: ['a', 'b'], enum: undefined },
    ]);
  });

  it('names the operations the description lacks', () => {
    expect(() => generator.extractCompact(api, ['GetThing', 'Nope'])).toThrow(
      'Not in the API description: Nope',
    );
  });

  it('renders an added operation into all three files', () => {
    const c = generator.extractCompact(api, ['GetThing', 'SetThing']);
    const o: generator.Overlay = {
      selection: [{ const: 'THINGS', doc: 'Things.', operations: ['GetThing', 'SetThing'] }],
      readOnly: ['GetThing'],
      clientToken: [],
      pagination: {},
      enums: {
        Switch: {
          const: 'SWITCHES',
          doc: 'On or off.',
          values: ['on', 'off'],
          params: ['GetThing.Tags[].Key'],
        },
      },
    };
    const files = generator.renderCatalog(c, o);
    const ops = files[generator.PATHS.operations];
    expect(ops).toContain("export const THINGS = ['GetThing', 'SetThing'] as const;");
    expect(ops).toMatch(/GetThing: \{\n {4}writes: false,\n {4}clientToken: false,\n {4}request: \[/);
    expect(ops).toMatch(/SetThing: \{\n {4}writes: true,/);
    const types = files[generator.PATHS.types];
    expect(types).toContain(
      'export interface GetThingRequest {\n  InstanceId: string;\n  Tags?: {\n    Key?: string;\n  }[];\n}',
    );
    expect(types).toContain('export interface SetThingResponse {}');
    expect(files[generator.PATHS.enums]).toContain("export const SWITCHES = ['on', 'off'] as const;");
  });
});

describe('catalog enums', () => {
  // The local server's own value lists until the model imports the catalog's (same values, same order).
  it.each([
    ['SSO_TYPES', applicationModel.SSO_TYPES],
    ['AUTHORIZATION_TYPES', applicationModel.AUTHORIZATION_TYPES],
    ['APPLICATION_IDENTITY_TYPES', applicationModel.APPLICATION_IDENTITY_TYPES],
    ['APPLICATION_SOURCE_TYPES', applicationModel.APPLICATION_SOURCE_TYPES],
    ['DEVELOPER_API_SCOPES', applicationModel.DEVELOPER_API_SCOPES],
    ['TOGGLES', applicationModel.TOGGLES],
    ['INIT_LOGIN_TYPES', ssoModel.INIT_LOGIN_TYPES],
    ['SAML_NAME_ID_FORMATS', ssoModel.SAML_NAME_ID_FORMATS],
    ['SAML_SIGNATURE_ALGORITHMS', ssoModel.SAML_SIGNATURE_ALGORITHMS],
    ['OIDC_GRANT_TYPES', ssoModel.OIDC_GRANT_TYPES],
    ['OIDC_GRANT_SCOPES', ssoModel.OIDC_GRANT_SCOPES],
    ['PKCE_CHALLENGE_METHODS', ssoModel.PKCE_CHALLENGE_METHODS],
    ['PROVISION_PROTOCOL_TYPES', provisioningModel.PROVISION_PROTOCOL_TYPES],
    ['SCIM_AUTHN_MODES', provisioningModel.SCIM_AUTHN_MODES],
    ['SCIM_GRANT_TYPES', provisioningModel.SCIM_GRANT_TYPES],
    ['SCIM_AUTHN_METHODS', provisioningModel.SCIM_AUTHN_METHODS],
    ['SCIM_PROVISIONING_ACTIONS', provisioningModel.SCIM_PROVISIONING_ACTIONS],
    ['SCIM_FULL_PUSH_SCOPES', provisioningModel.SCIM_FULL_PUSH_SCOPES],
    ['PASSWORD_CHECK_TYPES', passwordModel.PASSWORD_CHECK_TYPES],
    ['QUERY_MODES', authorizationModel.QUERY_MODES],
  ] as const)('%s holds the values the local server accepts today', (name, modelValues) => {
    expect((catalog as unknown as Record<string, readonly string[]>)[name]).toEqual([...modelValues]);
  });

  it('spells each value list once: no two enums of the catalog are the same list', () => {
    const lists = Object.values(overlay().enums).map((e) => JSON.stringify(e.values));
    expect(lists.length - new Set(lists).size).toBe(0);
  });
});

/**
 * `Application`: an SSO application of an EIAM instance, with its SSO configuration, Developer
 * API switch and scopes, and account provisioning.
 *
 * Lifecycle: CreateApplication, then the declared settings in follow-up calls
 * (UpdateApplicationAuthorizationType, SetApplicationSsoConfig, Enable/DisableApplicationApiInvoke,
 * SetApplicationGrantScope, SetApplicationProvisioningConfig, SetApplicationProvisioningScope,
 * Enable/DisableApplicationProvisioning, Enable/DisableApplication). Read: GetApplication,
 * GetApplicationSsoConfig, GetApplicationGrantScope, GetApplicationProvisioningConfig,
 * GetApplicationProvisioningScope. Update in place: UpdateApplicationInfo (name, logo, owner —
 * a rename never replaces, which would issue a new client id), UpdateApplicationDescription and
 * the follow-up calls above. Delete: DeleteApplication.
 *
 * Id: `<instanceId>/<applicationId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import { DEVELOPER_API_SCOPES, MAX_APPLICATION_NAME } from '../catalog/rules';
import * as applicationProviderModule from './providers/application';
import {
  OIDC_SSO_CONFIG_FIELDS,
  PROVISIONING_CONFIG_FIELDS,
  restoreMaskedSecrets,
  SAML_SSO_CONFIG_FIELDS,
  type ApplicationOwner,
  type ApplicationOwnerArgs,
  type OidcSsoConfig,
  type OidcSsoConfigArgs,
  type ProvisioningConfig,
  type ProvisioningConfigArgs,
  type ProvisioningScope,
  type ProvisioningScopeArgs,
  type SamlSsoConfig,
  type SamlSsoConfigArgs,
} from './application-config';
import { deleteTolerantly } from './tolerant-delete';
import { fromWire, toWire } from '../wire';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  createOrAdopt,
  intentKeyOf,
  defineProvider,
  field,
  fieldTable,
  followUp,
  idPart,
  joinId,
  matchesDeclared,
  parseId,
  typed,
  typeToken,
  unlessNotFound,
  type FollowUpOf,
  type IdKind,
  type InputChecker,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';
import {
  APPLICATION_IDENTITY_TYPES,
  APPLICATION_SOURCE_TYPES,
  AUTHORIZATION_TYPES,
  INIT_LOGIN_TYPES,
  SSO_TYPES,
  type ApplicationIdentityType,
  type ApplicationSourceType,
  type AuthorizationType,
  type InitLoginType,
  type SsoType,
} from './enums';

/** `applicationSourceType` of an application made from a template. */
export const SOURCE_TEMPLATE = APPLICATION_SOURCE_TYPES[0] satisfies `${string}:template`;
/** `applicationSourceType` of an application made on a standard protocol (the default). */
export const SOURCE_STANDARD = APPLICATION_SOURCE_TYPES[1] satisfies `${string}:standard`;

/** Arguments of an {@link Application}. Unset optional inputs are not managed. */
export interface ApplicationArgs {
  /** Instance the application belongs to. Changing it replaces the application. */
  readonly instanceId: pulumi.Input<string>;
  /** Display name. Renamed in place (UpdateApplicationInfo); the client id stays. */
  readonly applicationName: pulumi.Input<string>;
  /** SSO protocol, `saml2` or `oidc`. Fixed at creation: changing it replaces the application. */
  readonly ssoType: pulumi.Input<SsoType>;
  /**
   * `urn:alibaba:idaas:app:source:standard` (default) or `urn:alibaba:idaas:app:source:template`.
   * Changing it replaces the application.
   */
  readonly applicationSourceType?: pulumi.Input<ApplicationSourceType>;
  /** Template id; required with (and only with) the template source type. Changing it replaces. */
  readonly applicationTemplateId?: pulumi.Input<string>;
  /** `application` (service default) or `agent`. Changing it replaces the application. */
  readonly applicationIdentityType?: pulumi.Input<ApplicationIdentityType>;
  /** Description; `''` clears it (UpdateApplicationDescription). */
  readonly description?: pulumi.Input<string>;
  /** Logo URL; `''` clears it (UpdateApplicationInfo). */
  readonly logoUrl?: pulumi.Input<string>;
  /** Owning users and groups (UpdateApplicationInfo); each declared list is a set. */
  readonly applicationOwner?: pulumi.Input<ApplicationOwnerArgs>;
  /** Whether the application is enabled (Enable/DisableApplication). */
  readonly enabled?: pulumi.Input<boolean>;
  /** `authorize_required` or `default_all` (UpdateApplicationAuthorizationType). */
  readonly authorizationType?: pulumi.Input<AuthorizationType>;
  /** Whether the Developer API is on (Enable/DisableApplicationApiInvoke). */
  readonly apiInvokeEnabled?: pulumi.Input<boolean>;
  /** Developer API scopes, a set (SetApplicationGrantScope), e.g. `urn:alibaba:idaas:scope:user:read_all`. */
  readonly grantScopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** `only_app_init_sso` or `idaas_or_app_init_sso` (SetApplicationSsoConfig). */
  readonly initLoginType?: pulumi.Input<InitLoginType>;
  /**
   * URL that starts the sign-in; required for a `saml2` application with `only_app_init_sso`
   * and for an `oidc` application with `idaas_or_app_init_sso`.
   */
  readonly initLoginUrl?: pulumi.Input<string>;
  /** SAML settings; only for `ssoType: "saml2"`. Only declared fields are compared. */
  readonly samlSsoConfig?: pulumi.Input<SamlSsoConfigArgs>;
  /** OIDC settings; only for `ssoType: "oidc"`. Only declared fields are compared. */
  readonly oidcSsoConfig?: pulumi.Input<OidcSsoConfigArgs>;
  /** Whether account provisioning is on (Enable/DisableApplicationProvisioning); needs a configuration. */
  readonly provisioningEnabled?: pulumi.Input<boolean>;
  /** Provisioning protocol and its settings (SetApplicationProvisioningConfig). Output is secret. */
  readonly provisioningConfig?: pulumi.Input<ProvisioningConfigArgs>;
  /** Organizational units and groups provisioned (SetApplicationProvisioningScope). */
  readonly provisioningScope?: pulumi.Input<ProvisioningScopeArgs>;
}

/** Protocol endpoints of an application, as GetApplicationSsoConfig reports them. */
export interface ApplicationEndpoints {
  /** OIDC issuer. */
  oidcIssuer?: string;
  /** OIDC JWKS endpoint. */
  oidcJwksEndpoint?: string;
  /** OIDC RP-initiated logout endpoint. */
  oidcLogoutEndpoint?: string;
  /** OAuth 2.0 authorization endpoint. */
  oauth2AuthorizationEndpoint?: string;
  /** OAuth 2.0 token endpoint. */
  oauth2TokenEndpoint?: string;
  /** OIDC userinfo endpoint. */
  oauth2UserinfoEndpoint?: string;
  /** OAuth 2.0 token revocation endpoint. */
  oauth2RevokeEndpoint?: string;
  /** OAuth 2.0 device authorization endpoint. */
  oauth2DeviceAuthorizationEndpoint?: string;
  /** SAML metadata URL. */
  samlMetaEndpoint?: string;
  /** SAML SSO endpoint (receives AuthnRequests). */
  samlSsoEndpoint?: string;
  /** SAML entity id of EIAM as identity provider. */
  samlIdpEntityId?: string;
}

type WireBag = Readonly<Record<string, unknown>>;
type SamlSsoInputs = InputsOf<typeof SAML_SSO_CONFIG_FIELDS>;
type OidcSsoInputs = InputsOf<typeof OIDC_SSO_CONFIG_FIELDS>;
type ProvisioningInputs = InputsOf<typeof PROVISIONING_CONFIG_FIELDS>;

/** A status member (`enabled` / `disabled`) read as a boolean. */
const isEnabled = (raw: unknown): boolean | undefined => (raw === undefined ? undefined : raw === 'enabled');

/** A list the service leaves out when empty. */
const orEmpty = (raw: unknown) => (raw as string[] | undefined) ?? [];
/** An id list of an owner or a scope, at most 100 ids. */
const idList = (kind: IdKind) => field.idSet(kind, { maxItems: 100, fromWire: orEmpty });

/** The members of `applicationOwner` (UpdateApplicationInfo replaces both lists). */
const OWNER_FIELDS = fieldTable({
  inputs: {
    userIds: idList('user'),
    groupIds: idList('group'),
  },
});

/** The members of `provisioningScope` (SetApplicationProvisioningScope replaces both lists). */
const PROVISIONING_SCOPE_FIELDS = fieldTable({
  inputs: {
    organizationalUnitIds: idList('organizationalUnit'),
    groupIds: idList('group'),
  },
});

/** A block whose declared members only are compared with the live ones. */
const DECLARED = { equals: matchesDeclared } as const;

/** A non-empty SSO block, camel-cased (`undefined` when the service reports none). */
function ssoBlock(raw: unknown): Record<string, unknown> | undefined {
  const block = raw ? (fromWire(raw) as Record<string, unknown>) : undefined;
  return block !== undefined && Object.keys(block).length > 0 ? block : undefined;
}

/** The provisioning configuration the service reports (its secrets masked), once it has a protocol. */
function provisioningConfigOf(raw: unknown): ProvisioningInputs | undefined {
  const view = (raw ?? {}) as WireBag;
  if (!view.ProvisionProtocolType) return undefined;
  const members = [
    'ProvisionProtocolType',
    'ProvisionPassword',
    'NetworkAccessEndpointId',
    'CallbackProvisioningConfig',
    'ScimProvisioningConfig',
  ];
  return fromWire(Object.fromEntries(members.map((m) => [m, view[m]]))) as ProvisioningInputs;
}

/** A protocol endpoint of GetApplicationSsoConfig (`member` of `ProtocolEndpointDomain`). */
const endpoint = (member: string) => field.string({ read: `Sso.ProtocolEndpointDomain.${member}` });

/** A URL input where `''` clears the value (checked by the table's `rules`). */
const CLEARABLE_URL = { kind: 'text', check: false } as const;

/**
 * Every field of an application, once. The five Get calls are read as one item: the
 * application's members at the top, GetApplicationSsoConfig's under `Sso`, the grant scope
 * under `GrantScope`, the provisioning configuration and scope under `Provisioning` and
 * `ProvisioningScope`. Settings applied by their own calls after CreateApplication have
 * `wire: false` where their call's parameters are not the field's wire name.
 */
export const APPLICATION_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    applicationName: field.string({ required: true, maxLength: MAX_APPLICATION_NAME }),
    ssoType: field.enum(SSO_TYPES, { required: true, action: 'replace' }),
    applicationSourceType: field.enum(APPLICATION_SOURCE_TYPES, { action: 'replace' }),
    applicationTemplateId: field.string({ minLength: 1, action: 'replace' }),
    applicationIdentityType: field.enum(APPLICATION_IDENTITY_TYPES, { action: 'replace' }),
    description: field.string({ kind: 'text' }),
    logoUrl: field.string(CLEARABLE_URL),
    applicationOwner: field.block(typed<ApplicationOwner>(), OWNER_FIELDS, DECLARED),
    enabled: field.boolean({ wire: false, read: 'Status', fromWire: isEnabled }),
    authorizationType: field.enum(AUTHORIZATION_TYPES),
    apiInvokeEnabled: field.boolean({ wire: false, read: 'ApiInvokeStatus', fromWire: isEnabled }),
    grantScopes: field.stringSet({
      oneOf: DEVELOPER_API_SCOPES,
      read: 'GrantScope.GrantScopes',
      fromWire: orEmpty,
    }),
    initLoginType: field.enum(INIT_LOGIN_TYPES, { read: 'Sso.InitLoginType' }),
    initLoginUrl: field.string({ ...CLEARABLE_URL, read: 'Sso.InitLoginUrl' }),
    samlSsoConfig: field.block(typed<SamlSsoInputs>(), SAML_SSO_CONFIG_FIELDS, {
      ...DECLARED,
      read: 'Sso.SamlSsoConfig',
      fromWire: (raw) => ssoBlock(raw) as SamlSsoInputs | undefined,
    }),
    oidcSsoConfig: field.block(typed<OidcSsoInputs>(), OIDC_SSO_CONFIG_FIELDS, {
      ...DECLARED,
      read: 'Sso.OidcSsoConfig',
      // `AllowedPublicClient` arrives as a string.
      fromWire: (raw) => {
        const oidc = ssoBlock(raw);
        if (oidc && typeof oidc.allowedPublicClient === 'string')
          oidc.allowedPublicClient = oidc.allowedPublicClient === 'true';
        return oidc as OidcSsoInputs | undefined;
      },
    }),
    provisioningEnabled: field.boolean({ wire: false, read: 'Provisioning.Status', fromWire: isEnabled }),
    provisioningConfig: field.block(typed<ProvisioningInputs>(), PROVISIONING_CONFIG_FIELDS, {
      ...DECLARED,
      wire: false,
      read: 'Provisioning',
      fromWire: provisioningConfigOf,
    }),
    provisioningScope: field.block(typed<ProvisioningScope>(), PROVISIONING_SCOPE_FIELDS, {
      ...DECLARED,
      wire: false,
      read: 'ProvisioningScope',
    }),
  },
  outputs: {
    /** Application id (`app_…`). */
    applicationId: field.string({ required: true }),
    /** OAuth client id. */
    clientId: field.string(),
    /** `enabled` or `disabled`. */
    status: field.string(),
    /** Developer API status. */
    apiInvokeStatus: field.string(),
    /** SSO status. */
    ssoStatus: field.string({ read: 'Sso.SsoStatus' }),
    /** Provisioning status. */
    provisioningStatus: field.string({ read: 'Provisioning.Status' }),
    /** Public keys that verify provisioning callbacks. */
    provisionJwksEndpoint: field.string({ read: 'Provisioning.ProvisionJwksEndpoint' }),
    /** Creation time, epoch ms. */
    createTime: field.integer(),
    /** Last update time, epoch ms. */
    updateTime: field.integer(),
    oidcIssuer: endpoint('OidcIssuer'),
    oidcJwksEndpoint: endpoint('OidcJwksEndpoint'),
    oidcLogoutEndpoint: endpoint('OidcLogoutEndpoint'),
    oauth2AuthorizationEndpoint: endpoint('Oauth2AuthorizationEndpoint'),
    oauth2TokenEndpoint: endpoint('Oauth2TokenEndpoint'),
    oauth2UserinfoEndpoint: endpoint('Oauth2UserinfoEndpoint'),
    oauth2RevokeEndpoint: endpoint('Oauth2RevokeEndpoint'),
    oauth2DeviceAuthorizationEndpoint: endpoint('Oauth2DeviceAuthorizationEndpoint'),
    samlMetaEndpoint: endpoint('SamlMetaEndpoint'),
    samlSsoEndpoint: endpoint('SamlSsoEndpoint'),
    /** EIAM's SAML entity id, from the SAML block. */
    samlIdpEntityId: field.string({ read: 'Sso.SamlSsoConfig.IdPEntityId' }),
  },
  rules: checkApplicationRules,
});
argsMatchTable<ApplicationArgs, typeof APPLICATION_FIELDS>();

/** Checked inputs of an application, as the provider receives them. */
export type ApplicationInputs = InputsOf<typeof APPLICATION_FIELDS>;
/** Outputs of an application: every input with its live value, plus what the service computes. */
export type ApplicationOutputs = OutputsOf<typeof APPLICATION_FIELDS>;

/** What a change to each input means. Nested blocks compare only their declared fields. */
export const APPLICATION_DIFF = APPLICATION_FIELDS.diffTable;

/** Inputs CreateApplication itself sets; the rest are follow-up steps. */
const CREATE_FIELDS = [
  'instanceId',
  'applicationName',
  'ssoType',
  'applicationSourceType',
  'applicationTemplateId',
  'applicationIdentityType',
  'description',
  'logoUrl',
  'applicationOwner',
] as const;
const ID_PARTS = ['instanceId', 'applicationId'] as const;

/** The application an operation targets. */
interface Target {
  readonly InstanceId: string;
  readonly ApplicationId: string;
}

/** The rules across an application's fields (the table's `rules`; the fields' own run first). */
function checkApplicationRules(c: InputChecker, news: Readonly<Record<string, unknown>>): void {
  if (news.logoUrl !== '') c.url('logoUrl');
  if (news.initLoginUrl !== '') c.url('initLoginUrl');

  const source = news.applicationSourceType ?? SOURCE_STANDARD;
  if (source === SOURCE_TEMPLATE && !c.present('applicationTemplateId')) {
    c.fail(
      'applicationTemplateId',
      `applicationTemplateId is required when applicationSourceType is ${SOURCE_TEMPLATE}`,
    );
  }
  if (source === SOURCE_STANDARD && c.present('applicationTemplateId')) {
    c.fail(
      'applicationTemplateId',
      `applicationTemplateId applies only when applicationSourceType is ${SOURCE_TEMPLATE}`,
    );
  }

  const ssoType = news.ssoType;
  if (ssoType === 'oidc' && c.present('samlSsoConfig')) {
    c.fail(
      'samlSsoConfig',
      'samlSsoConfig applies only to saml2 applications; this one has ssoType oidc (use oidcSsoConfig)',
    );
  }
  if (ssoType === 'saml2' && c.present('oidcSsoConfig')) {
    c.fail(
      'oidcSsoConfig',
      'oidcSsoConfig applies only to oidc applications; this one has ssoType saml2 (use samlSsoConfig)',
    );
  }
  if ((ssoType === 'saml2' || ssoType === 'oidc') && typeof news.initLoginType === 'string') {
    const needsUrl = ssoType === 'saml2' ? 'only_app_init_sso' : 'idaas_or_app_init_sso';
    if (news.initLoginType === needsUrl && (news.initLoginUrl === undefined || news.initLoginUrl === '')) {
      c.fail(
        'initLoginUrl',
        `initLoginUrl is required when a ${ssoType} application uses initLoginType ${needsUrl}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/**
 * The live outputs of an application, or `undefined` when it is gone. `knownProvisioning` is the
 * provisioning configuration the provider last sent, used to restore the secrets the service
 * masks.
 */
export async function readApplication(
  ctx: ProviderContext,
  instanceId: string,
  applicationId: string,
  knownProvisioning?: unknown,
): Promise<ApplicationOutputs | undefined> {
  const target: Target = { InstanceId: instanceId, ApplicationId: applicationId };
  const [app, sso, grantScope, provisioning, provisioningScope] = await Promise.all([
    unlessNotFound(ctx.client.call('GetApplication', target)),
    unlessNotFound(ctx.client.call('GetApplicationSsoConfig', target)),
    unlessNotFound(ctx.client.call('GetApplicationGrantScope', target)),
    unlessNotFound(ctx.client.call('GetApplicationProvisioningConfig', target)),
    unlessNotFound(ctx.client.call('GetApplicationProvisioningScope', target)),
  ]);
  const a = app?.Application;
  if (!a || !sso || !grantScope || !provisioning || !provisioningScope) return undefined;
  const item = {
    ...a,
    Sso: sso.ApplicationSsoConfig,
    GrantScope: grantScope.ApplicationGrantScope,
    Provisioning: provisioning.ApplicationProvisioningConfig,
    ProvisioningScope: provisioningScope.ApplicationProvisioningScope,
  };
  const outs = APPLICATION_FIELDS.read(item, { instanceId, applicationId });
  if (outs.provisioningConfig)
    outs.provisioningConfig = restoreMaskedSecrets(outs.provisioningConfig, knownProvisioning);
  return outs;
}

// ---------------------------------------------------------------------------------------------
// Applying settings
// ---------------------------------------------------------------------------------------------

/** The switches: the calls that turn each on and off, and what they switch (for step names). */
const SWITCHES = {
  enabled: ['EnableApplication', 'DisableApplication', 'the application'],
  apiInvokeEnabled: ['EnableApplicationApiInvoke', 'DisableApplicationApiInvoke', 'the Developer API'],
  provisioningEnabled: ['EnableApplicationProvisioning', 'DisableApplicationProvisioning', 'provisioning'],
} as const;

/**
 * Applies the settings named in `changed` with the values of `news`, in an order the service
 * accepts: enabling first and disabling last, provisioning configured before it is switched on.
 * `olds` (old outputs; the fresh application on create) fill the parts of the owner and the
 * provisioning scope that the program does not manage, because the service replaces both whole.
 * Each call runs as a named `step` (see {@link stepsOf}).
 */
async function applySettings(
  ctx: ProviderContext,
  target: Target,
  news: ApplicationInputs,
  olds: Partial<ApplicationOutputs>,
  changed: ReadonlySet<string>,
  step: Step,
): Promise<void> {
  const client = ctx.client;
  const has = (field: keyof ApplicationInputs) => changed.has(field) && news[field] !== undefined;
  const send = <K extends keyof ApplicationInputs>(...only: K[]) =>
    APPLICATION_FIELDS.request(news, { only });
  const turn = async (name: keyof typeof SWITCHES, on: boolean) => {
    if (!has(name) || news[name] !== on) return;
    const [enable, disable, what] = SWITCHES[name];
    await step(`${on ? 'enabling' : 'disabling'} ${what}`, () => client.call(on ? enable : disable, target));
  };

  await turn('enabled', true);
  if (has('applicationName') || has('logoUrl') || has('applicationOwner')) {
    const owner = has('applicationOwner')
      ? { ...olds.applicationOwner, ...news.applicationOwner }
      : undefined;
    if (owner && !owner.userIds?.length && !owner.groupIds?.length) {
      // Empty lists are not encoded at all on the wire, so "no owners" cannot be expressed.
      await step('updating the application info', () =>
        Promise.reject(
          new Error(
            'the API cannot remove every owner of an application; keep at least one owner or stop declaring applicationOwner',
          ),
        ),
      );
    }
    await step('updating the application info', () =>
      client.call('UpdateApplicationInfo', {
        ...target,
        ApplicationName: has('applicationName') ? news.applicationName : undefined,
        LogoUrl: has('logoUrl') ? news.logoUrl : undefined,
        ApplicationOwner: owner
          ? { UserIds: owner.userIds ?? [], GroupIds: owner.groupIds ?? [] }
          : undefined,
      }),
    );
  }
  if (has('description')) {
    await step('updating the description', () =>
      client.call('UpdateApplicationDescription', { ...target, ...send('description') }),
    );
  }
  if (has('authorizationType')) {
    await step('setting the authorization type', () =>
      client.call('UpdateApplicationAuthorizationType', {
        ...target,
        AuthorizationType: news.authorizationType ?? '',
      }),
    );
  }
  if (has('initLoginType') || has('initLoginUrl') || has('samlSsoConfig') || has('oidcSsoConfig')) {
    await step('setting the SSO configuration', () =>
      client.call('SetApplicationSsoConfig', {
        ...target,
        ...send('initLoginType', 'initLoginUrl', 'samlSsoConfig', 'oidcSsoConfig'),
      }),
    );
  }
  await turn('apiInvokeEnabled', true);
  if (has('grantScopes')) {
    await step('setting the Developer API scopes', () =>
      client.call('SetApplicationGrantScope', { ...target, ...send('grantScopes') }),
    );
  }
  await turn('apiInvokeEnabled', false);
  await turn('provisioningEnabled', false);
  if (has('provisioningConfig')) {
    const config = toWire(news.provisioningConfig!);
    await step('setting the provisioning configuration', () =>
      client.call('SetApplicationProvisioningConfig', {
        ...target,
        ...config,
        ProvisionProtocolType: config.ProvisionProtocolType ?? '',
      }),
    );
  }
  if (has('provisioningScope')) {
    const scope = { ...olds.provisioningScope, ...news.provisioningScope };
    await step('setting the provisioning scope', () =>
      client.call('SetApplicationProvisioningScope', {
        ...target,
        OrganizationalUnitIds: scope.organizationalUnitIds ?? [],
        GroupIds: scope.groupIds ?? [],
      }),
    );
  }
  await turn('provisioningEnabled', true);
  await turn('enabled', false);
}

/** Runs one named step of a create or an update (see {@link stepsOf}). */
type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * The steps of a create or an update of the application `id`: each runs through
 * {@link followUp}, and a failure records the application with its LIVE outputs (else
 * `fallback`), so the next `pulumi up` sees what is still missing and applies it.
 */
function stepsOf(
  ctx: ProviderContext,
  id: string,
  target: Target,
  fallback: Partial<ApplicationOutputs>,
  known: unknown,
  after: FollowUpOf,
): Step {
  const record = async (): Promise<Record<string, unknown>> => {
    const live = await readApplication(ctx, target.InstanceId, target.ApplicationId, known).catch(
      () => undefined,
    );
    return { ...(live ?? fallback) };
  };
  return (name, work) => followUp('Application', id, record, name, work, after);
}

// ---------------------------------------------------------------------------------------------
// The provider
// ---------------------------------------------------------------------------------------------

/** The application provider's implementation (called through {@link applicationProvider}). */
export const applicationImplementation = defineProvider({
  kind: 'Application',
  table: APPLICATION_FIELDS,
  recordedOutput: 'applicationId',
  idParts: ID_PARTS,

  async create(ctx, inputs) {
    const name = inputs.applicationName;
    const { id: applicationId } = await createOrAdopt({
      what: `Application '${name}' in instance ${inputs.instanceId}`,
      intentKey: intentKeyOf(
        ctx.settings,
        `Application '${name}' in instance ${inputs.instanceId}` + ' ' + String(inputs.ssoType),
      ),
      // Names are not unique: only an application that appeared since the first attempt is adopted.
      uniqueKey: false,
      create: async () =>
        (
          await ctx.client.call('CreateApplication', {
            ...APPLICATION_FIELDS.request(inputs, { only: CREATE_FIELDS, create: true }),
            ApplicationSourceType: inputs.applicationSourceType ?? SOURCE_STANDARD,
          })
        ).ApplicationId ?? '',
      find: async () =>
        (
          await ctx.client.listAll('ListApplications', {
            InstanceId: inputs.instanceId,
            ApplicationName: name,
          })
        )
          .filter((a) => a.ApplicationName === name && a.SsoType === inputs.ssoType)
          .map((a) => a.ApplicationId ?? ''),
    });
    const id = joinId(inputs.instanceId, applicationId);
    const target: Target = { InstanceId: inputs.instanceId, ApplicationId: applicationId };
    // What exists for sure after CreateApplication alone; recorded if even the read-back fails.
    const created: Partial<ApplicationOutputs> = {
      instanceId: inputs.instanceId,
      applicationId,
      applicationName: inputs.applicationName,
      ssoType: inputs.ssoType,
    };
    const followUps = new Set(
      Object.keys(APPLICATION_FIELDS.inputs).filter((f) => !(CREATE_FIELDS as readonly string[]).includes(f)),
    );
    const step = stepsOf(ctx, id, target, created, inputs.provisioningConfig, 'created');
    await step('a follow-up step', () =>
      applySettings(ctx, target, inputs, { applicationOwner: inputs.applicationOwner }, followUps, step),
    );
    const outs = await step('reading it back', async () => {
      const live = await readApplication(ctx, inputs.instanceId, applicationId, inputs.provisioningConfig);
      if (!live) throw new Error('the application was not found');
      return live;
    });
    return { id, outs };
  },

  async read(ctx, id, props) {
    const { instanceId, applicationId } = parseId('Application', id, ID_PARTS);
    assertDeclaredMatches('Application', id, 'instanceId', props.instanceId, instanceId);
    const live = await readApplication(ctx, instanceId, applicationId, props.provisioningConfig);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, applicationId } = parseId('Application', id, ID_PARTS);
    const target: Target = { InstanceId: instanceId, ApplicationId: applicationId };
    const changed = new Set(APPLICATION_FIELDS.changes(olds, news).map((c) => c.property));
    const known = news.provisioningConfig ?? olds.provisioningConfig;
    const step = stepsOf(ctx, id, target, olds, known, 'updated');
    await step('a follow-up step', () => applySettings(ctx, target, news, olds, changed, step));
    const outs = await readApplication(ctx, instanceId, applicationId, known);
    if (!outs) throw new Error(`Application ${id} disappeared during the update`);
    return { outs };
  },

  async delete(ctx, id) {
    const { instanceId, applicationId } = parseId('Application', id, ID_PARTS);
    const target: Target = { InstanceId: instanceId, ApplicationId: applicationId };
    await deleteTolerantly(
      () => ctx.client.call('DeleteApplication', target),
      () => ctx.client.call('DisableApplication', target),
    );
  },
});

/** Where the application's inputs hold secrets: wrapped in `pulumi.secret` by the constructor. */
export const SECRET_INPUT_PATHS = APPLICATION_FIELDS.secretInputs;

/** The serializable provider of {@link Application} (its provider module, stored as a `require`). */
export const applicationProvider: pulumi.dynamic.ResourceProvider = applicationProviderModule;

/**
 * An SSO application of an EIAM instance.
 *
 * ```ts
 * const app = new eiam.Application('portal', {
 *   instanceId: instance.instanceId,
 *   applicationName: 'Portal',
 *   ssoType: 'oidc',
 *   oidcSsoConfig: { grantTypes: ['authorization_code'], redirectUris: ['https://portal.example.com/cb'] },
 * });
 * export const issuer = app.oidcIssuer;
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/app_xxx' }`.
 */
export class Application extends EiamResource {
  /**
   * Outputs marked secret as a whole: none. The keys and tokens inside `provisioningConfig` are
   * made secret leaf by leaf (see {@link SECRET_INPUT_PATHS}); the rest of it stays readable.
   */
  static readonly secretOutputs: readonly string[] = APPLICATION_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Application id (`app_…`). */
  declare readonly applicationId: pulumi.Output<string>;
  /** OAuth client id (stays the same across renames). */
  declare readonly clientId: pulumi.Output<string>;
  /** Display name. */
  declare readonly applicationName: pulumi.Output<string>;
  /** SSO protocol. */
  declare readonly ssoType: pulumi.Output<string>;
  /** Source type. */
  declare readonly applicationSourceType: pulumi.Output<string>;
  /** Template id (template applications only). */
  declare readonly applicationTemplateId: pulumi.Output<string | undefined>;
  /** Identity type. */
  declare readonly applicationIdentityType: pulumi.Output<string>;
  /** Description. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Logo URL. */
  declare readonly logoUrl: pulumi.Output<string | undefined>;
  /** Owners. */
  declare readonly applicationOwner: pulumi.Output<ApplicationOwner>;
  /** `enabled` or `disabled`. */
  declare readonly status: pulumi.Output<string>;
  /** Whether the application is enabled. */
  declare readonly enabled: pulumi.Output<boolean>;
  /** Authorization type. */
  declare readonly authorizationType: pulumi.Output<string>;
  /** Developer API status. */
  declare readonly apiInvokeStatus: pulumi.Output<string>;
  /** Whether the Developer API is on. */
  declare readonly apiInvokeEnabled: pulumi.Output<boolean>;
  /** Developer API scopes. */
  declare readonly grantScopes: pulumi.Output<string[]>;
  /** SSO initiation mode. */
  declare readonly initLoginType: pulumi.Output<string>;
  /** SSO initiation URL. */
  declare readonly initLoginUrl: pulumi.Output<string | undefined>;
  /** SSO status. */
  declare readonly ssoStatus: pulumi.Output<string>;
  /** Live SAML settings, service defaults included (saml2 applications). */
  declare readonly samlSsoConfig: pulumi.Output<SamlSsoConfig | undefined>;
  /** Live OIDC settings, service defaults included (oidc applications). */
  declare readonly oidcSsoConfig: pulumi.Output<OidcSsoConfig | undefined>;
  /** OIDC issuer. */
  declare readonly oidcIssuer: pulumi.Output<string | undefined>;
  /** OIDC JWKS endpoint. */
  declare readonly oidcJwksEndpoint: pulumi.Output<string | undefined>;
  /** OIDC logout endpoint. */
  declare readonly oidcLogoutEndpoint: pulumi.Output<string | undefined>;
  /** OAuth 2.0 authorization endpoint. */
  declare readonly oauth2AuthorizationEndpoint: pulumi.Output<string | undefined>;
  /** OAuth 2.0 token endpoint. */
  declare readonly oauth2TokenEndpoint: pulumi.Output<string | undefined>;
  /** OIDC userinfo endpoint. */
  declare readonly oauth2UserinfoEndpoint: pulumi.Output<string | undefined>;
  /** OAuth 2.0 revocation endpoint. */
  declare readonly oauth2RevokeEndpoint: pulumi.Output<string | undefined>;
  /** OAuth 2.0 device authorization endpoint. */
  declare readonly oauth2DeviceAuthorizationEndpoint: pulumi.Output<string | undefined>;
  /** SAML metadata URL. */
  declare readonly samlMetaEndpoint: pulumi.Output<string | undefined>;
  /** SAML SSO endpoint. */
  declare readonly samlSsoEndpoint: pulumi.Output<string | undefined>;
  /** SAML entity id of EIAM as identity provider. */
  declare readonly samlIdpEntityId: pulumi.Output<string | undefined>;
  /** Provisioning status. */
  declare readonly provisioningStatus: pulumi.Output<string>;
  /** Whether provisioning is on. */
  declare readonly provisioningEnabled: pulumi.Output<boolean>;
  /** Live provisioning configuration (secret). */
  declare readonly provisioningConfig: pulumi.Output<ProvisioningConfig | undefined>;
  /** Provisioning callback verification keys. */
  declare readonly provisionJwksEndpoint: pulumi.Output<string | undefined>;
  /** Provisioning scope. */
  declare readonly provisioningScope: pulumi.Output<ProvisioningScope>;
  /** Creation time, epoch ms. */
  declare readonly createTime: pulumi.Output<number>;
  /** Last update time, epoch ms. */
  declare readonly updateTime: pulumi.Output<number>;

  /** Declares an application. */
  constructor(name: string, args: ApplicationArgs, opts?: pulumi.CustomResourceOptions) {
    super(applicationProvider, 'Application', APPLICATION_FIELDS, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.applicationId = idPart(this.id, 1);
  }
}

classMatchesTable<Application, typeof APPLICATION_FIELDS>();

/** The type token of {@link Application}. */
export const APPLICATION_TYPE = typeToken('Application');

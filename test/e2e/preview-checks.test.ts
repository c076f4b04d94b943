/**
 * Bad inputs fail `pulumi preview` with the real engine: one invalid resource per rule family is
 * previewed, and the engine's output names the resource, the field's path and the rule, carries no
 * secret value, and the server receives no call at all. The
 * whole table of invalid inputs runs against each provider's `check` in
 * test/resources/invalid-inputs.test.ts; this is the engine's view of a meaningful subset.
 */
import type { SpecResource } from './directory-spec';
import {
  createProgram,
  prepareToolchain,
  SETUP_TIMEOUT_MS,
  specProgramFiles,
  Stack,
  startServer,
  STEP_TIMEOUT_MS,
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';

const I = 'idaas_preview1';
const LONG_PASSWORD = `Preview-Secret-${'q'.repeat(70)}`;

/** [resource, the line the engine must print for it]. */
const BAD: ReadonlyArray<readonly [SpecResource, RegExp]> = [
  [
    { type: 'Group', name: 'typo', args: { instanceId: I, groupName: 'g', grupDescription: 'x' } },
    /eiam:Group resource 'typo' has a problem: unknown property grupDescription; known: /,
  ],
  [
    {
      type: 'User',
      name: 'string-for-list',
      args: { instanceId: I, username: 'u1', organizationalUnitIds: 'ou_abc' },
    },
    /eiam:User resource 'string-for-list': property organizationalUnitIds value \{ou_abc\} has a problem: organizationalUnitIds must be a list of strings/,
  ],
  [
    {
      type: 'User',
      name: 'long-password',
      args: { instanceId: I, username: 'u2', password: { $secret: LONG_PASSWORD } },
    },
    /eiam:User resource 'long-password' has a problem: password must be at most 64 characters long/,
  ],
  [
    {
      type: 'GroupMembership',
      name: 'wrong-kind',
      args: { instanceId: I, groupId: 'group_abc', userId: 'ou_abc' },
    },
    /eiam:GroupMembership resource 'wrong-kind': property userId value \{ou_abc\} has a problem: userId must be a user id .*; the value is an organizational unit id/,
  ],
  [
    {
      type: 'Application',
      name: 'fragment',
      args: {
        instanceId: I,
        applicationName: 'A',
        ssoType: 'oidc',
        oidcSsoConfig: { redirectUris: ['https://a.example.com/cb#x'], responseTypes: ['token'] },
      },
    },
    /eiam:Application resource 'fragment': property oidcSsoConfig.redirectUris\[0\] value \{<nil>\} has a problem: oidcSsoConfig.redirectUris\[0\] must not contain a fragment/,
  ],
  [
    {
      type: 'Application',
      name: 'attributes',
      args: {
        instanceId: I,
        applicationName: 'B',
        ssoType: 'saml2',
        samlSsoConfig: {
          spEntityId: 'https://b.example.com',
          spSsoAcsUrl: 'https://b.example.com/acs',
          signatureAlgorithm: 'MD5',
          attributeStatements: [
            { attributeName: 'a', attributeValueExpression: 'user.a' },
            { attributeName: 'b', attributeValueExpression: 'user.b' },
            { attributeValueExpression: 'user.c' },
          ],
        },
      },
    },
    /samlSsoConfig.attributeStatements\[2\].attributeName is required/,
  ],
  [
    {
      type: 'PasswordPolicy',
      name: 'history',
      args: { instanceId: I, passwordHistory: { passwordHistoryStatus: 'enabled' } },
    },
    /eiam:PasswordPolicy resource 'history'.*passwordHistory.passwordHistoryMaxRetention is required when passwordHistoryStatus is enabled/,
  ],
  [
    {
      type: 'ClientSecret',
      name: 'past',
      args: { instanceId: I, applicationId: 'app_abc', expirationTime: 1_000 },
    },
    /eiam:ClientSecret resource 'past': property expirationTime value \{1000\} has a problem: expirationTime must be an epoch time in milliseconds between one day and three years from now/,
  ],
];

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;

beforeAll(async () => {
  tc = await prepareToolchain();
  fx = await startServer();
  program = await createProgram(tc, 'preview-checks', specProgramFiles());
  stack = await Stack.init(tc, program, 'preview-checks');
  await stack.configureProvider(fx.server);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await stack?.remove().catch(() => undefined);
  await fx?.stop();
  program?.remove();
});

// The engine stops a preview at the first resource whose check fails, so one preview each.
test.each(BAD.map(([resource, line]) => [resource.name, resource, line] as const))(
  'a preview of %s fails naming its field path and rule, with no secret and no write',
  async (_name, resource, line) => {
    fx.server.resetCounters();
    stack.writeSpec({ resources: [resource] });
    const preview = await stack.run(['preview', '--diff']);
    expect(preview.code).not.toBe(0);
    expect({
      matched: line.test(preview.output),
      output: line.test(preview.output) ? '' : preview.output.slice(-3000),
    }).toEqual({
      matched: true,
      output: '',
    });
    expect(preview.output).not.toContain(LONG_PASSWORD);
    expect(preview.output).not.toMatch(/TypeError|is not a function/);
    expect(Object.entries(fx.server.counters()).filter(([, c]) => c.calls > 0)).toEqual([]);
  },
  STEP_TIMEOUT_MS,
);

test(
  'an import of a group that does not exist fails saying so, not that imports are unsupported',
  async () => {
    fx.server.resetCounters();
    const id = `${I}/group_nothere`;
    stack.writeSpec({
      resources: [{ type: 'Group', name: 'ghost', args: { instanceId: I, groupName: 'ghost' }, import: id }],
    });
    const preview = await stack.run(['preview']);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain(`Cannot import Group ${id}: it does not exist.`);
    expect(preview.output).not.toContain('does not support importing');
    expect(fx.writes()).toEqual({});
  },
  STEP_TIMEOUT_MS,
);

/**
 * Runs an example program under `pulumi.runtime.setMocks`: every registration is recorded with
 * its inputs and requested secret outputs, the mock engine answers with plausible ids and
 * outputs (composite EIAM ids, as the real providers make them), and the recorded inputs can be
 * run through the real providers' `check`, so an example cannot declare something the provider
 * would refuse.
 *
 * Each test file must call `jest.mock('pulumi-alicloud-eiam', …)` itself (jest hoists it) so the
 * examples' `import … from 'pulumi-alicloud-eiam'` loads the sources.
 */
import * as pulumi from '@pulumi/pulumi';

/** One resource registration seen by the mock engine. */
export interface Registration {
  /** Type token. */
  readonly type: string;
  /** Logical name. */
  readonly name: string;
  /** Resolved inputs (secrets unwrapped). */
  readonly inputs: Record<string, unknown>;
  /** What the registration asked the engine to keep secret. */
  secretOutputs: string[];
}

/** The registrations of the program, by logical name. */
export type Registrations = Map<string, Registration>;

const PREFIX: Record<string, string> = {
  OrganizationalUnit: 'ou',
  User: 'user',
  Group: 'group',
  Application: 'app',
  IdentityProvider: 'idp',
  NetworkZone: 'network',
  ConditionalAccessPolicy: 'cap',
};

/** Outputs a real deployment would report for a registration. */
function respond(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): { id: string; state: Record<string, unknown> } {
  const kind = type.split(':').pop() ?? '';
  const instanceId = String(inputs.instanceId ?? '');
  const suffix = name.replace(/[^a-z0-9]/gi, '').toLowerCase();
  if (type === 'random:index/randomPassword:RandomPassword') {
    return { id: name, state: { ...inputs, result: `Mock-${suffix}-Pw1!Pw2!` } };
  }
  switch (kind) {
    case 'Instance':
      return { id: 'idaas_mock', state: { ...inputs, instanceId: 'idaas_mock', status: 'running' } };
    case 'OrganizationalUnit':
    case 'User':
    case 'Group':
    case 'IdentityProvider':
    case 'NetworkZone':
    case 'ConditionalAccessPolicy': {
      const objectId = `${PREFIX[kind]}_${suffix}`;
      const idKey = `${kind.charAt(0).toLowerCase()}${kind.slice(1)}Id`;
      return { id: `${instanceId}/${objectId}`, state: { ...inputs, [idKey]: objectId } };
    }
    case 'Application': {
      const applicationId = `app_${suffix}`;
      const base = `https://eiam.example/v2/${instanceId}/${applicationId}`;
      return {
        id: `${instanceId}/${applicationId}`,
        state: {
          ...inputs,
          applicationId,
          clientId: applicationId,
          oidcIssuer: `${base}/oidc`,
          oidcJwksEndpoint: `${base}/oidc/jwks`,
          oauth2AuthorizationEndpoint: `${base}/oauth2/authorize`,
          oauth2TokenEndpoint: `${base}/oauth2/token`,
          oauth2UserinfoEndpoint: `${base}/oauth2/userinfo`,
          samlMetaEndpoint: `${base}/saml2/meta`,
          samlSsoEndpoint: `${base}/saml2/sso`,
        },
      };
    }
    case 'CustomField':
      return { id: `${instanceId}/ufd_${suffix}`, state: { ...inputs, fieldId: `ufd_${suffix}` } };
    case 'ClientSecret':
      return {
        id: `${instanceId}/${inputs.applicationId}/sci_${suffix}`,
        state: {
          ...inputs,
          secretId: `sci_${suffix}`,
          clientSecret: `mock-client-secret-${suffix}`,
          status: 'enabled',
        },
      };
    default:
      return { id: `${instanceId}/${kind}/${suffix}`, state: { ...inputs } };
  }
}

const SECRET_SIG = '4dabf18193072939515e22adb298388d';
const SECRET_VALUE = '1b47061264138c4ac30d75fd1eb44270';

/** Inputs as a dynamic provider receives them: secret markers removed, values kept. */
function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG] === SECRET_VALUE) return unwrapSecrets(obj.value);
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

/** Installs the mocks and stack config; returns the (filling) registration map. */
export function installMocks(options: {
  readonly project: string;
  readonly config?: Readonly<Record<string, string>>;
  readonly secretConfig?: Readonly<Record<string, string>>;
}): Registrations {
  const registrations: Registrations = new Map();
  const secretOutputsByName = new Map<string, string[]>();
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...options.config, ...options.secretConfig })) {
    config[k.includes(':') ? k : `${options.project}:${k}`] = v;
  }
  const secretKeys = Object.keys(options.secretConfig ?? {}).map((k) =>
    k.includes(':') ? k : `${options.project}:${k}`,
  );
  pulumi.runtime.setAllConfig(config, secretKeys);
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        const secretOutputs = secretOutputsByName.get(args.name) ?? [];
        const inputs = unwrapSecrets(args.inputs) as Record<string, unknown>;
        registrations.set(args.name, { type: args.type, name: args.name, inputs, secretOutputs });
        const response = respond(args.type, args.name, inputs);
        // Do what the engine does with additionalSecretOutputs (the mock monitor does not).
        for (const key of secretOutputs) {
          if (response.state[key] !== undefined) response.state[key] = pulumi.secret(response.state[key]);
        }
        return response;
      },
      call(args) {
        return args.inputs;
      },
    },
    options.project,
    'test',
    false,
  );
  // The mock API does not pass additionalSecretOutputs on; record them at the monitor.
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(
      req: { getName(): string; getAdditionalsecretoutputsList(): string[] },
      cb: unknown,
    ): unknown;
  };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    secretOutputsByName.set(req.getName(), req.getAdditionalsecretoutputsList());
    const existing = registrations.get(req.getName());
    if (existing) existing.secretOutputs = req.getAdditionalsecretoutputsList();
    return register(req, cb);
  };
  return registrations;
}

/** The value of an output (waits for it). */
export function value(output: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    (pulumi.output(output) as pulumi.Output<unknown>).apply((v) => resolve(v));
  });
}

/** Whether an output is secret. */
export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as unknown as { isSecret: Promise<boolean> }).isSecret;
}

/**
 * Waits until the program's registrations have settled (no new ones for a moment). Slow under
 * jest: the sources are not under `node_modules`, so Pulumi serializes each resource type's
 * provider by value, walking the whole source graph (seconds per type, minutes on a loaded
 * machine); an installed package is serialized as one `require`.
 */
export async function settle(
  registrations: Registrations,
  quietMs = 300,
  timeoutMs = 240_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, quietMs));
    if (registrations.size === last) return;
    last = registrations.size;
  }
  throw new Error('the program kept registering resources');
}

/**
 * Runs every EIAM registration's inputs through its provider's `check` (the same code the
 * engine runs before a preview); returns the failures by resource name.
 */
export async function checkFailures(registrations: Registrations): Promise<Record<string, unknown[]>> {
  const resources = jest.requireActual('../../src/resources') as Record<string, unknown>;
  const out: Record<string, unknown[]> = {};
  for (const r of registrations.values()) {
    const kind = r.type.startsWith('pulumi-nodejs:dynamic/eiam:') ? (r.type.split(':').pop() ?? '') : '';
    if (!kind) continue;
    const implName = `${kind.charAt(0).toLowerCase()}${kind.slice(1)}Implementation`;
    const impl = resources[implName] as
      { check(olds: object, news: object): Promise<{ failures?: unknown[] }> } | undefined;
    if (!impl) throw new Error(`no ${implName} exported by src/resources`);
    const inputs = Object.fromEntries(Object.entries(r.inputs).filter(([k]) => k !== '__provider'));
    const res = await impl.check({}, inputs);
    if (res.failures?.length) out[r.name] = res.failures;
  }
  return out;
}

/**
 * Provider settings: `eiam:*` first, `alicloud:*` as the fallback, and a configuration check at
 * `configure` (preview) time that names the keys it looked for and never a value.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineProvider, makeProviderShell, PROVIDER_SETTINGS_KEY } from '../../src/resources/provider-kit';
import { checkSettings, configFromMap, readSettings } from '../../src/settings';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'eiam-settings-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

test('alicloud:* stack config is the fallback after eiam:*', () => {
  expect(
    readSettings(
      configFromMap({
        'alicloud:accessKey': 'ALI_ID',
        'alicloud:secretKey': 'ALI_SECRET',
        'alicloud:securityToken': 'ALI_TOKEN',
        'alicloud:region': 'cn-beijing',
        'alicloud:profile': 'ali',
      }),
    ),
  ).toEqual({
    accessKeyId: 'ALI_ID',
    accessKeySecret: 'ALI_SECRET',
    securityToken: 'ALI_TOKEN',
    region: 'cn-beijing',
    profile: 'ali',
  });
  expect(
    readSettings(
      configFromMap({
        'eiam:region': 'cn-shanghai',
        'alicloud:region': 'cn-beijing',
        'eiam:accessKeyId': 'EIAM_ID',
        'eiam:accessKeySecret': 'EIAM_SECRET',
        'alicloud:accessKey': 'ALI_ID',
        'alicloud:secretKey': 'ALI_SECRET',
        'alicloud:securityToken': 'ALI_TOKEN',
      }),
    ),
  ).toEqual({ region: 'cn-shanghai', accessKeyId: 'EIAM_ID', accessKeySecret: 'EIAM_SECRET' });
});

test('a key pair is never mixed from the two namespaces', () => {
  const settings = readSettings(
    configFromMap({ 'eiam:accessKeyId': 'EIAM_ID', 'alicloud:secretKey': 'ALI_SECRET' }),
  );
  expect(settings).toEqual({ accessKeyId: 'EIAM_ID' });
  expect(() => checkSettings(settings, { env: {}, homeDir: home })).toThrow(
    'The stack config sets only half of a key pair: the AccessKey secret is missing. Set both eiam:accessKeyId and eiam:accessKeySecret (or alicloud:accessKey and alicloud:secretKey).',
  );
});

test('no credential anywhere: the message lists the keys and places looked for, no value', () => {
  let message = '';
  try {
    checkSettings(
      { endpoint: 'http://127.0.0.1:8848', region: 'cn-hangzhou' },
      { env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'HALF_SECRET_VALUE' }, homeDir: home },
    );
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message).toMatch(/^No Alibaba Cloud credentials are configured for pulumi-alicloud-eiam/);
  for (const key of [
    'eiam:accessKeyId',
    'eiam:accessKeySecret',
    'alicloud:accessKey',
    'alicloud:secretKey',
    'eiam:profile',
    'ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET (ALIBABA_CLOUD_ACCESS_KEY_ID missing)',
    'ALICLOUD_ACCESS_KEY',
    'ALIBABA_CLOUD_CREDENTIALS_URI',
    join(home, '.aliyun', 'config.json'),
  ]) {
    expect(message).toContain(key);
  }
  expect(message).not.toContain('HALF_SECRET_VALUE');
});

test('any configured source passes without a network call; bad endpoint or signature version fails', () => {
  const opts = { env: {}, homeDir: home };
  expect(checkSettings({ accessKeyId: 'a', accessKeySecret: 'b' }, opts)).toEqual({
    accessKeyId: 'a',
    accessKeySecret: 'b',
  });
  expect(() => checkSettings({ profile: 'p' }, opts)).not.toThrow();
  expect(() =>
    checkSettings({}, { ...opts, env: { ALIBABA_CLOUD_CREDENTIALS_URI: 'http://127.0.0.1:1/c' } }),
  ).not.toThrow();
  mkdirSync(join(home, '.aliyun'));
  writeFileSync(join(home, '.aliyun', 'config.json'), '{"profiles":[]}');
  expect(() => checkSettings({}, opts)).not.toThrow();
  expect(() =>
    checkSettings({ accessKeyId: 'a', accessKeySecret: 'b', signatureVersion: 'v2' }, opts),
  ).toThrow('eiam:signatureVersion must be one of v3, rpc');
  expect(() =>
    checkSettings({ accessKeyId: 'a', accessKeySecret: 'b', endpoint: '127.0.0.1:8848' }, opts),
  ).toThrow(/eiam:endpoint must be an http\(s\) URL/);
});

test("a provider's configure (run before the preview's first check) fails on a missing credential", async () => {
  const impl = defineProvider({
    kind: 'Thing',
    check: (_o, news) => ({ inputs: news }),
    diff: () => ({}),
    create: async () => ({ id: 'x', outs: {} }),
    read: async () => ({}),
    update: async () => ({ outs: {} }),
    delete: async () => {},
  });
  const shell = makeProviderShell({ impl }, 'impl');
  const saved = { ...process.env };
  const HOME = process.env.HOME;
  try {
    for (const k of Object.keys(process.env)) if (/^(ALIBABA_CLOUD|ALICLOUD)_/.test(k)) delete process.env[k];
    process.env.HOME = home;
    await expect(
      shell.configure!({ config: configFromMap({ 'eiam:endpoint': 'http://127.0.0.1:8848' }) }),
    ).rejects.toThrow(/No Alibaba Cloud credentials are configured/);
    await expect(
      shell.configure!({
        config: configFromMap({ 'alicloud:accessKey': 'id', 'alicloud:secretKey': 'secret' }),
      }),
    ).resolves.toBeUndefined();
  } finally {
    process.env.HOME = HOME;
    Object.assign(process.env, saved);
    delete (globalThis as Record<string, unknown>)[PROVIDER_SETTINGS_KEY];
  }
});

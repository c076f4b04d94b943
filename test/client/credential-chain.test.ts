/**
 * The default credential chain (`@alicloud/credentials`) with every mode that can run on one
 * machine: a credentials URI and an STS endpoint served on loopback (RAM role assumption from an
 * aliyun CLI profile, OIDC role assumption from the environment), the shared credentials file,
 * and the keys it yields used for real signed calls against the local server.
 * Nothing here reaches a cloud or metadata address: the ECS role is only ever tried when named.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as tls from 'node:tls';
import { join } from 'node:path';
import {
  EiamClient,
  EiamCredentialsError,
  findCredentialSource,
  resolveCredentials,
  TEMPORARY_CREDENTIALS_TTL_MS,
} from '../../src/client';
import { startTestServer, stopTestServers } from '../local-server/http/support';

const TEMP = {
  AccessKeyId: 'STS.TEMP_ID',
  AccessKeySecret: 'TEMP_SECRET_VALUE',
  SecurityToken: 'TEMP_TOKEN',
};

let home: string;
let certDir: string;
let sts: https.Server;
let stsHost: string;
const stsCalls: { action: string; form: URLSearchParams; query: URLSearchParams }[] = [];
let uriServer: http.Server;
let uriBase: string;
let uriReply: { status: number; body: string } = { status: 200, body: '' };
let uriHits = 0;
let defaultCAs: string[];

function listen(server: http.Server | https.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'eiam-sts-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  // An STS-shaped endpoint: AssumeRole (signed with the source keys) and AssumeRoleWithOIDC.
  sts = https.createServer(
    { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) },
    (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const query = new URL(req.url ?? '/', 'https://sts').searchParams;
        const form = new URLSearchParams(body);
        stsCalls.push({ action: query.get('Action') ?? '', form, query });
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            RequestId: 'sts-1',
            Credentials: {
              ...TEMP,
              Expiration: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
            },
          }),
        );
      });
    },
  );
  stsHost = await listen(sts);
  uriServer = http.createServer((_req, res) => {
    uriHits++;
    res.statusCode = uriReply.status;
    res.setHeader('content-type', 'application/json');
    res.end(uriReply.body);
  });
  uriBase = `http://${await listen(uriServer)}`;
  // The STS stand-in has a self-signed certificate: trust exactly that one, in this process, for
  // this file (verification stays on).
  defaultCAs = tls.getCACertificates('default');
  tls.setDefaultCACertificates([...defaultCAs, readFileSync(join(certDir, 'cert.pem'), 'utf8')]);
});

afterAll(async () => {
  tls.setDefaultCACertificates(defaultCAs);
  await new Promise((r) => sts.close(r));
  await new Promise((r) => uriServer.close(r));
  rmSync(certDir, { recursive: true, force: true });
  await stopTestServers();
});

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'eiam-chain-'));
  stsCalls.length = 0;
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function writeCliConfig(config: unknown): void {
  mkdirSync(join(home, '.aliyun'), { recursive: true });
  writeFileSync(join(home, '.aliyun', 'config.json'), JSON.stringify(config));
}

const expiresSoon = () => new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');

test('a credentials URI on loopback gives temporary keys, which sign real calls', async () => {
  uriReply = { status: 200, body: JSON.stringify({ Code: 'Success', ...TEMP, Expiration: expiresSoon() }) };
  const env = { ALIBABA_CLOUD_CREDENTIALS_URI: `${uriBase}/creds` };
  expect(findCredentialSource({ env, homeDir: home }).found).toBe(
    'credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)',
  );
  const resolved = await resolveCredentials({ env, homeDir: home, now: () => 1000 });
  expect(resolved).toEqual({
    accessKeyId: TEMP.AccessKeyId,
    accessKeySecret: TEMP.AccessKeySecret,
    securityToken: TEMP.SecurityToken,
    region: 'cn-hangzhou',
    source: 'credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)',
    refreshAfter: 1000 + TEMPORARY_CREDENTIALS_TTL_MS,
  });
  const server = await startTestServer({
    accessKeyId: TEMP.AccessKeyId,
    accessKeySecret: TEMP.AccessKeySecret,
  });
  const client = new EiamClient({ endpoint: server.endpoint, env, homeDir: home });
  try {
    const res = await client.call('ListInstances', {});
    expect(res.Instances).toEqual([]);
  } finally {
    client.close();
  }
});

test('the client fetches temporary credentials again once they are due, not before', async () => {
  uriReply = { status: 200, body: JSON.stringify({ Code: 'Success', ...TEMP, Expiration: expiresSoon() }) };
  let now = Date.now();
  const clock = () => new Date(now);
  const server = await startTestServer({
    accessKeyId: TEMP.AccessKeyId,
    accessKeySecret: TEMP.AccessKeySecret,
    clock: () => now,
  });
  const client = new EiamClient({
    endpoint: server.endpoint,
    env: { ALIBABA_CLOUD_CREDENTIALS_URI: `${uriBase}/creds` },
    homeDir: home,
    clock,
  });
  try {
    uriHits = 0;
    await client.call('ListInstances', {});
    now += TEMPORARY_CREDENTIALS_TTL_MS - 1000;
    await client.call('ListInstances', {});
    expect(uriHits).toBe(1);
    now += 2000;
    await client.call('ListInstances', {});
    expect(uriHits).toBe(2);
  } finally {
    client.close();
  }
});

test('a failing credentials URI is an error that quotes neither its answer nor a secret', async () => {
  uriReply = { status: 500, body: JSON.stringify({ Code: 'Boom', AccessKeySecret: 'LEAKED_SECRET' }) };
  const env = { ALIBABA_CLOUD_CREDENTIALS_URI: `${uriBase}/creds` };
  const err = await resolveCredentials({ env, homeDir: home }).catch((e: Error) => e);
  expect(err).toBeInstanceOf(EiamCredentialsError);
  expect((err as Error).message).toMatch(
    /^credentials URI \(ALIBABA_CLOUD_CREDENTIALS_URI\): cannot get credentials/,
  );
  expect((err as Error).message).not.toContain('LEAKED_SECRET');
  uriReply = { status: 200, body: `{"AccessKeyId": "X", "AccessKeySecret": "LEAKED_SECRET"` };
  const bad = await resolveCredentials({ env, homeDir: home }).catch((e: Error) => e);
  expect((bad as Error).message).not.toContain('LEAKED_SECRET');
});

test('an aliyun CLI profile of mode RamRoleArn assumes the role at an STS endpoint', async () => {
  writeCliConfig({
    current: 'role',
    profiles: [
      {
        name: 'role',
        mode: 'RamRoleArn',
        access_key_id: 'SOURCE_ID',
        access_key_secret: 'SOURCE_SECRET',
        ram_role_arn: 'acs:ram::123456789012:role/eiam-admin',
        ram_session_name: 'eiam-test',
        sts_endpoint: stsHost,
        region_id: 'cn-shanghai',
      },
    ],
  });
  expect(findCredentialSource({ env: {}, homeDir: home }).found).toBe(
    `aliyun CLI config file ${join(home, '.aliyun', 'config.json')}`,
  );
  const resolved = await resolveCredentials({ env: {}, homeDir: home });
  expect(resolved).toMatchObject({
    accessKeyId: TEMP.AccessKeyId,
    securityToken: TEMP.SecurityToken,
    region: 'cn-shanghai',
    source: expect.stringContaining('mode RamRoleArn'),
  });
  expect(resolved.refreshAfter).toBeGreaterThan(Date.now());
  expect(stsCalls).toHaveLength(1);
  expect(stsCalls[0].action).toBe('AssumeRole');
  expect(stsCalls[0].query.get('AccessKeyId')).toBe('SOURCE_ID');
  expect(stsCalls[0].form.get('RoleArn')).toBe('acs:ram::123456789012:role/eiam-admin');
  expect(stsCalls[0].form.get('RoleSessionName')).toBe('eiam-test');
});

test('OIDC role assumption (RRSA) from the environment, with the STS endpoint overridden', async () => {
  const tokenFile = join(home, 'oidc-token');
  writeFileSync(tokenFile, 'oidc.jwt.token');
  const env = {
    ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::123456789012:role/rrsa',
    ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::123456789012:oidc-provider/ack',
    ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
    ALIBABA_CLOUD_STS_ENDPOINT: stsHost,
  };
  const resolved = await resolveCredentials({ env, homeDir: home });
  expect(resolved).toMatchObject({
    accessKeyId: TEMP.AccessKeyId,
    source: 'OIDC role assumption (ALIBABA_CLOUD_ROLE_ARN)',
  });
  expect(stsCalls.map((c) => c.action)).toEqual(['AssumeRoleWithOIDC']);
  expect(stsCalls[0].form.get('OIDCToken')).toBe('oidc.jwt.token');
  expect(stsCalls[0].form.get('OIDCProviderArn')).toBe(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN);
  const partial = findCredentialSource({ env: { ALIBABA_CLOUD_ROLE_ARN: 'x' }, homeDir: home });
  expect(partial.found).toBeUndefined();
  expect(partial.looked.join('\n')).toContain('only ALIBABA_CLOUD_ROLE_ARN');
});

test('the shared credentials file (access_key), after environment keys and the CLI file', async () => {
  mkdirSync(join(home, '.alibabacloud'));
  writeFileSync(
    join(home, '.alibabacloud', 'credentials'),
    '[default]\ntype = access_key\naccess_key_id = INI_ID\naccess_key_secret = INI_SECRET\n',
  );
  await expect(resolveCredentials({ env: {}, homeDir: home })).resolves.toMatchObject({
    accessKeyId: 'INI_ID',
    accessKeySecret: 'INI_SECRET',
    source: expect.stringContaining('credentials file'),
  });
  await expect(
    resolveCredentials({
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'E', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'S' },
      homeDir: home,
    }),
  ).resolves.toMatchObject({ accessKeyId: 'E' });
});

test('with nothing configured, the chain lists every source it looked at and probes no metadata service', async () => {
  const report = findCredentialSource({ env: {}, homeDir: home });
  expect(report.found).toBeUndefined();
  const started = Date.now();
  const err = await resolveCredentials({ env: {}, homeDir: home }).catch((e: Error) => e);
  expect(Date.now() - started).toBeLessThan(2000); // no connection attempt to wait for
  const message = (err as Error).message;
  for (const line of report.looked.slice(2)) expect(message).toContain(line);
  expect(message).toContain('ALIBABA_CLOUD_ECS_METADATA');
  expect(message).toContain('ALIBABA_CLOUD_CREDENTIALS_URI');
  expect(() => findCredentialSource({ accessKeyId: 'ONLY', env: {}, homeDir: home })).toThrow(
    /only accessKeyId/,
  );
});

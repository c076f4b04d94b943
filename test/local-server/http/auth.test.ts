import { randomUUID } from 'node:crypto';
import type { LocalServer } from '../../../src/local-server';
import { callApi, echoHandlers, rawRequest, signedRequest, startTestServer } from './support';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const MINUTE = 60_000;

describe('local server authentication', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startTestServer({ clock: () => NOW, handlers: echoHandlers() });
  });
  afterAll(() => server.stop());

  const at = (offsetMs: number) => ({ date: new Date(NOW + offsetMs) });

  it.each(['v3', 'rpc'] as const)('accepts a correctly signed %s request', async (scheme) => {
    const reply = await callApi(server, 'ListRegions', {}, { scheme, ...at(0) });
    expect(reply.status).toBe(200);
    expect(reply.json.RequestId).toEqual(expect.any(String));
  });

  it.each(['v3', 'rpc'] as const)(
    'accepts a signed %s GET request with parameters in the query',
    async (scheme) => {
      const reply = await callApi(
        server,
        'GetUser',
        { InstanceId: 'idaas_x', UserId: 'user_y' },
        { scheme, method: 'GET', ...at(0) },
      );
      expect(reply.status).toBe(200);
      expect(reply.json.Echo).toEqual({ InstanceId: 'idaas_x', UserId: 'user_y' });
    },
  );

  it('rejects an unsigned request with MissingSignature 400', async () => {
    const reply = await rawRequest(server, { path: '/?Action=ListRegions&Version=2021-12-01' });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ Code: 'MissingSignature', RequestId: expect.any(String) });
  });

  it.each(['v3', 'rpc'] as const)(
    'rejects a %s request signed with the wrong secret: SignatureDoesNotMatch 400',
    async (scheme) => {
      const reply = await callApi(server, 'ListRegions', {}, { scheme, accessKeySecret: 'wrong', ...at(0) });
      expect(reply.status).toBe(400);
      expect(reply.json.Code).toBe('SignatureDoesNotMatch');
    },
  );

  it.each(['v3', 'rpc'] as const)(
    'rejects an unknown AccessKey ID (%s): InvalidAccessKeyId.NotFound 404',
    async (scheme) => {
      const reply = await callApi(
        server,
        'ListRegions',
        {},
        { scheme, accessKeyId: 'LTAI5tSomebodyElse', ...at(0) },
      );
      expect(reply.status).toBe(404);
      expect(reply.json.Code).toBe('InvalidAccessKeyId.NotFound');
    },
  );

  it.each(['v3', 'rpc'] as const)('rejects a replayed %s nonce: SignatureNonceUsed 400', async (scheme) => {
    const nonce = randomUUID();
    const request = signedRequest(server, 'ListRegions', {}, { scheme, nonce, ...at(0) });
    expect((await rawRequest(server, request)).status).toBe(200);
    const replay = await rawRequest(server, request);
    expect(replay.status).toBe(400);
    expect(replay.json.Code).toBe('SignatureNonceUsed');
  });

  it('does not burn a nonce on a request whose signature is wrong', async () => {
    const nonce = randomUUID();
    const forged = await callApi(server, 'ListRegions', {}, { nonce, accessKeySecret: 'wrong', ...at(0) });
    expect(forged.json.Code).toBe('SignatureDoesNotMatch');
    const genuine = await callApi(server, 'ListRegions', {}, { nonce, ...at(0) });
    expect(genuine.status).toBe(200);
  });

  it.each([
    ['v3', -16 * MINUTE],
    ['v3', 16 * MINUTE],
    ['rpc', -16 * MINUTE],
    ['rpc', 16 * MINUTE],
  ] as const)('rejects a %s timestamp %d ms away: InvalidTimeStamp.Expired 400', async (scheme, offset) => {
    const reply = await callApi(server, 'ListRegions', {}, { scheme, ...at(offset) });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('InvalidTimeStamp.Expired');
  });

  it.each(['v3', 'rpc'] as const)('accepts a %s timestamp 14 minutes off either way', async (scheme) => {
    expect((await callApi(server, 'ListRegions', {}, { scheme, ...at(-14 * MINUTE) })).status).toBe(200);
    expect((await callApi(server, 'ListRegions', {}, { scheme, ...at(14 * MINUTE) })).status).toBe(200);
  });

  it('rejects a malformed timestamp: InvalidTimeStamp.Format 400', async () => {
    const request = signedRequest(server, 'ListRegions', {}, at(0));
    const headers = { ...request.headers, 'x-acs-date': '2024/05/01 12:00:00' };
    const reply = await rawRequest(server, { ...request, headers });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('InvalidTimeStamp.Format');
  });

  it('rejects a malformed V3 Authorization header: IncompleteSignature 400', async () => {
    const request = signedRequest(server, 'ListRegions', {}, at(0));
    const headers = { ...request.headers, authorization: 'ACS3-HMAC-SHA256 Credential=x' };
    const reply = await rawRequest(server, { ...request, headers });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('IncompleteSignature');
  });

  it('rejects a V3 request whose body was changed after signing', async () => {
    const request = signedRequest(server, 'GetUser', { InstanceId: 'a', UserId: 'b' }, at(0));
    const reply = await rawRequest(server, { ...request, body: 'InstanceId=a&UserId=c' });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('SignatureDoesNotMatch');
  });

  it.each(['v3', 'rpc'] as const)('accepts any STS token (%s) when it is signed', async (scheme) => {
    const reply = await callApi(
      server,
      'ListRegions',
      {},
      { scheme, securityToken: 'CAIS-any-token', ...at(0) },
    );
    expect(reply.status).toBe(200);
  });

  it('rejects a V3 STS token sent outside the signature', async () => {
    const request = signedRequest(server, 'ListRegions', {}, at(0));
    const headers = { ...request.headers, 'x-acs-security-token': 'CAIS-unsigned' };
    const reply = await rawRequest(server, { ...request, headers });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('IncompleteSignature');
  });

  it('rejects an unknown action (InvalidAction.NotFound 404) and a wrong version (InvalidVersion 400)', async () => {
    const unknown = await callApi(server, 'DescribeInstances', {}, at(0));
    expect(unknown.status).toBe(404);
    expect(unknown.json.Code).toBe('InvalidAction.NotFound');
    const version = await callApi(server, 'ListRegions', {}, { version: '2019-01-01', ...at(0) });
    expect(version.status).toBe(400);
    expect(version.json.Code).toBe('InvalidVersion');
  });
});

/**
 * Alibaba's own SDK (@alicloud/openapi-client) sends requests to a real loopback server, which
 * verifies them with this package's verifier: the server side accepts what official clients
 * produce, for both signature schemes, with parameters in the query string (as generated
 * SDKs place them) and in the form body.
 */
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import { flatten } from '../../src/client';
import { verifyRequest, type VerifyResult } from '../../src/local-server/http/auth/verify';
import { Prng, randomObject } from './support/prng';
import { sendJson, startServer, type TestServer } from './support/server';

const KEYS = { AKID: 'secret/with+chars', STSID: 'tmp-secret' };
const TOKEN = 'CAIS-token+/=';

describe('requests from @alicloud/openapi-client verify on the server side', () => {
  let server: TestServer;
  const results: VerifyResult[] = [];

  beforeAll(async () => {
    server = await startServer((received, res) => {
      const result = verifyRequest(
        {
          method: received.method,
          path: received.path,
          query: received.query,
          headers: received.headers,
          body: received.body,
        },
        (id) => (id === 'STSID' ? { accessKeySecret: KEYS.STSID, securityToken: TOKEN } : KEYS[id as 'AKID']),
      );
      results.push(result);
      sendJson(
        res,
        result.ok ? 200 : 400,
        result.ok ? { RequestId: 'ok' } : { Code: result.code, Message: result.message },
      );
    });
  });
  afterAll(() => server.close());

  const flavours = [
    { name: 'signature V3', signatureAlgorithm: undefined, version: 'v3' },
    { name: 'RPC signature', signatureAlgorithm: 'v2', version: 'rpc' },
  ] as const;

  for (const flavour of flavours) {
    it(`accepts 40 random ${flavour.name} requests and recovers the parameters`, async () => {
      const rng = new Prng(flavour.version === 'v3' ? 99 : 98);
      for (let i = 0; i < 40; i++) {
        const sts = i % 4 === 0;
        const client = new OpenApiClient(
          new Config({
            accessKeyId: sts ? 'STSID' : 'AKID',
            accessKeySecret: sts ? KEYS.STSID : KEYS.AKID,
            securityToken: sts ? TOKEN : undefined,
            endpoint: server.url.replace('http://', ''),
            protocol: 'HTTP',
            signatureAlgorithm: flavour.signatureAlgorithm,
          }),
        );
        const queryParams = randomObject(rng, 3, 5);
        const bodyParams = i % 2 === 0 ? randomObject(rng, 2, 4) : undefined;
        const params = new Params({
          action: 'ListUsers',
          version: '2021-12-01',
          protocol: 'HTTP',
          pathname: '/',
          method: 'POST',
          authType: 'AK',
          style: 'RPC',
          reqBodyType: 'formData',
          bodyType: 'json',
        });
        const request = new OpenApiRequest({
          query: OpenApiUtil.query(queryParams),
          body: bodyParams,
        });
        // The SDK only reads optional fields of its runtime options; an empty object is what it defaults to.
        await client.callApi(params, request, {} as Parameters<OpenApiClient['callApi']>[2]);
        const result = results[results.length - 1];
        expect(result).toMatchObject({
          ok: true,
          signatureVersion: flavour.version,
          accessKeyId: sts ? 'STSID' : 'AKID',
          action: 'ListUsers',
          version: '2021-12-01',
        });
        if (result.ok) {
          expect(result.params).toEqual({ ...flatten(queryParams), ...flatten(bodyParams ?? {}) });
        }
      }
    });
  }
});

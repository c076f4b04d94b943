/**
 * Alibaba Cloud's own SDK (`@alicloud/openapi-client`) against the local server over real HTTP:
 * both signature flavours it produces (V3 by default, the classic RPC signature with
 * `signatureAlgorithm: 'v2'`), with and without an STS token, nested parameters, and an error
 * response the SDK must surface with its code.
 */
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import type { LocalServer } from '../../../src/local-server';
import { EiamError } from '../../../src/local-server/model/errors';
import { echoHandlers, startTestServer } from './support';

const flavours = [
  { name: 'signature V3', signatureAlgorithm: undefined },
  { name: 'classic RPC signature', signatureAlgorithm: 'v2' },
] as const;

describe('the local server with the official Alibaba Cloud SDK', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startTestServer({
      handlers: echoHandlers({
        GetUser: () => {
          throw new EiamError('EntityNotExists.User', 'The specified User does not exist.', 404);
        },
      }),
    });
  });
  afterAll(() => server.stop());

  function client(signatureAlgorithm: string | undefined, securityToken?: string): OpenApiClient {
    return new OpenApiClient(
      new Config({
        accessKeyId: server.accessKeyId,
        accessKeySecret: server.accessKeySecret,
        securityToken,
        endpoint: `127.0.0.1:${server.port}`,
        protocol: 'http',
        signatureAlgorithm,
      }),
    );
  }

  function params(action: string): Params {
    return new Params({
      action,
      version: '2021-12-01',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      bodyType: 'json',
      reqBodyType: 'formData',
    });
  }

  const runtime = new RuntimeOptions({ autoretry: false });

  for (const flavour of flavours) {
    it(`${flavour.name}: ListRegions answers 200 with a RequestId`, async () => {
      const res = await client(flavour.signatureAlgorithm).callApi(
        params('ListRegions'),
        new OpenApiRequest({}),
        runtime,
      );
      expect(res.statusCode).toBe(200);
      expect(res.body.RequestId).toEqual(expect.any(String));
      expect(res.headers['x-acs-request-id']).toBe(res.body.RequestId);
    });

    it(`${flavour.name}: nested parameters in query and body arrive typed`, async () => {
      const request = new OpenApiRequest({
        query: { InstanceId: 'idaas_abc' },
        body: {
          PrimaryOrganizationalUnitId: 'ou_1',
          Username: 'alice & bob',
          DisplayName: '中文 名字 *()~',
          EmailVerified: true,
          CustomFields: [{ FieldName: 'dept', FieldValue: 'R&D' }],
          OrganizationalUnitIds: ['ou_1', 'ou_2'],
        },
      });
      const res = await client(flavour.signatureAlgorithm, 'CAIS-sts+token/=').callApi(
        params('CreateUser'),
        request,
        runtime,
      );
      expect(res.statusCode).toBe(200);
      expect(res.body.Echo).toEqual({
        InstanceId: 'idaas_abc',
        PrimaryOrganizationalUnitId: 'ou_1',
        Username: 'alice & bob',
        DisplayName: '中文 名字 *()~',
        EmailVerified: true,
        CustomFields: [{ FieldName: 'dept', FieldValue: 'R&D' }],
        OrganizationalUnitIds: ['ou_1', 'ou_2'],
      });
    });

    it(`${flavour.name}: a domain error reaches the SDK with its code and status`, async () => {
      const request = new OpenApiRequest({ query: { InstanceId: 'idaas_abc', UserId: 'user_missing' } });
      await expect(
        client(flavour.signatureAlgorithm).callApi(params('GetUser'), request, runtime),
      ).rejects.toMatchObject({
        code: 'EntityNotExists.User',
        statusCode: 404,
      });
    });

    it(`${flavour.name}: a wrong secret is refused with SignatureDoesNotMatch`, async () => {
      const bad = new OpenApiClient(
        new Config({
          accessKeyId: server.accessKeyId,
          accessKeySecret: 'not-the-secret',
          endpoint: `127.0.0.1:${server.port}`,
          protocol: 'http',
          signatureAlgorithm: flavour.signatureAlgorithm,
        }),
      );
      await expect(bad.callApi(params('ListRegions'), new OpenApiRequest({}), runtime)).rejects.toMatchObject(
        {
          code: 'SignatureDoesNotMatch',
          statusCode: 400,
        },
      );
    });
  }
});

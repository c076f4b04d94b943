import OpenApiUtil from '@alicloud/openapi-util';
import {
  canonicalQueryString,
  computeRpcSignature,
  flatten,
  formEncode,
  hashPayload,
  parseFormEncoded,
  parseV3Authorization,
  percentDecode,
  percentEncode,
  rpcStringToSign,
  signRpc,
  signV3,
  type ReceivedRequest,
} from '../../src/client';
import { verifyRequest, type KnownAccessKey } from '../../src/local-server/http/auth/verify';
import { Prng, randomObject, randomString } from './support/prng';

type TeaRequest = Parameters<typeof OpenApiUtil.getAuthorization>[0];

const ALGORITHM = 'ACS3-HMAC-SHA256';
const CASES = 250;

function randomCredentials(rng: Prng): {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
} {
  return {
    accessKeyId: `LTAI${rng.int(100000, 999999)}`,
    accessKeySecret: `secret-${rng.int(0, 1e9)}${rng.pick(['', '+/=', '~*'])}`,
    securityToken: rng.chance(0.3) ? `CAIS${randomString(rng, 4)}token` : undefined,
  };
}

function randomDate(rng: Prng): Date {
  return new Date(Date.UTC(2020, 0, 1) + rng.int(0, 5 * 365 * 86400) * 1000);
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  const copy = { ...headers };
  delete copy.authorization;
  return copy;
}

describe('percent-encoding', () => {
  it('leaves only RFC 3986 unreserved characters unescaped', () => {
    expect(percentEncode('aZ09-_.~')).toBe('aZ09-_.~');
    expect(percentEncode(' *+/&=%')).toBe('%20%2A%2B%2F%26%3D%25');
    expect(percentEncode("!'()")).toBe('%21%27%28%29');
    expect(percentEncode('中é😀')).toBe('%E4%B8%AD%C3%A9%F0%9F%98%80');
  });

  it('agrees with the SDK encoder and decodes back on random strings', () => {
    const rng = new Prng(7);
    for (let i = 0; i < 500; i++) {
      const s = randomString(rng, 20);
      expect(percentEncode(s)).toBe(OpenApiUtil.getEncodeParam(s));
      expect(percentDecode(percentEncode(s))).toBe(s);
    }
  });
});

describe('flattening agrees with openapi-util query()', () => {
  it('on 300 random nested requests', () => {
    const rng = new Prng(11);
    for (let i = 0; i < 300; i++) {
      const params = randomObject(rng, 3, 6);
      expect(flatten(params)).toEqual(OpenApiUtil.query(params));
    }
  });

  it('names arrays Name.N, objects Name.Field, arrays of objects Name.N.Field', () => {
    expect(
      flatten({
        UserIds: ['u1', 'u2'],
        Owner: { OwnerType: 'user', OwnerId: 7 },
        CustomFields: [{ FieldName: 'dept', FieldValue: 'R&D' }, null, { FieldName: 'x', Enabled: false }],
        Nested: { List: [[1, 2], { Deep: true }] },
        Skipped: undefined,
        Gone: null,
      }),
    ).toEqual({
      'UserIds.1': 'u1',
      'UserIds.2': 'u2',
      'Owner.OwnerType': 'user',
      'Owner.OwnerId': '7',
      'CustomFields.1.FieldName': 'dept',
      'CustomFields.1.FieldValue': 'R&D',
      'CustomFields.3.FieldName': 'x',
      'CustomFields.3.Enabled': 'false',
      'Nested.List.1.1': '1',
      'Nested.List.1.2': '2',
      'Nested.List.2.Deep': 'true',
    });
  });
});

describe('signature V3 (ACS3-HMAC-SHA256)', () => {
  it(`matches openapi-util getAuthorization on ${CASES} random requests`, () => {
    const rng = new Prng(2021);
    for (let i = 0; i < CASES; i++) {
      const credentials = randomCredentials(rng);
      const query = rng.chance(0.5) ? flatten(randomObject(rng, 2, 5)) : {};
      const bodyParams = flatten(randomObject(rng, 3, 6));
      const body = formEncode(bodyParams);
      const host = rng.pick([
        'eiam.cn-hangzhou.aliyuncs.com',
        '127.0.0.1:8848',
        'eiam.ap-southeast-1.aliyuncs.com',
      ]);
      const signed = signV3({
        host,
        action: rng.pick(['CreateUser', 'ListUsers', 'SetApplicationSsoConfig']),
        version: '2021-12-01',
        query,
        body,
        contentType: 'application/x-www-form-urlencoded',
        credentials,
        date: randomDate(rng),
        nonce: `nonce-${rng.int(0, 1e9)}`,
        extraHeaders: rng.chance(0.3) ? { 'X-Acs-Custom': `  padded ${rng.int(0, 9)}  ` } : undefined,
      });
      const headers = withoutAuthorization(signed.headers);
      const payloadHash = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(body), ALGORITHM));
      expect(headers['x-acs-content-sha256']).toBe(payloadHash);
      const request = { method: 'POST', pathname: '/', query, headers } as unknown as TeaRequest;
      const expected = OpenApiUtil.getAuthorization(
        request,
        ALGORITHM,
        payloadHash,
        credentials.accessKeyId,
        credentials.accessKeySecret,
      );
      expect(signed.headers.authorization).toBe(expected);
      if (credentials.securityToken) expect(headers['x-acs-security-token']).toBe(credentials.securityToken);
    }
  });

  it('reproduces a pinned vector (fixed date and nonce)', () => {
    const body = formEncode(
      flatten({
        InstanceId: 'idaas_abc123',
        Username: 'alice',
        DisplayName: 'Alice Smith',
        OrganizationalUnitIds: ['ou_1', 'ou_2'],
      }),
    );
    const signed = signV3({
      host: 'eiam.cn-hangzhou.aliyuncs.com',
      action: 'CreateUser',
      version: '2021-12-01',
      body,
      contentType: 'application/x-www-form-urlencoded',
      credentials: { accessKeyId: 'LTAI5tExampleKeyId', accessKeySecret: 'ExampleSecret0123456789' },
      date: new Date('2024-05-01T08:30:00.000Z'),
      nonce: '3f1c1b8e-7a6d-4c1f-9f0e-2d8a1b2c3d4e',
    });
    expect(body).toBe(
      'InstanceId=idaas_abc123&Username=alice&DisplayName=Alice%20Smith&OrganizationalUnitIds.1=ou_1&OrganizationalUnitIds.2=ou_2',
    );
    expect(signed.headers['x-acs-date']).toBe('2024-05-01T08:30:00Z');
    expect(signed.headers.authorization).toBe(V3_VECTOR);
  });

  it('writes and parses the Authorization header', () => {
    const parsed = parseV3Authorization(
      'ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host;x-acs-date,Signature=abc123',
    );
    expect(parsed).toEqual({
      algorithm: ALGORITHM,
      accessKeyId: 'AKID',
      signedHeaders: ['host', 'x-acs-date'],
      signature: 'abc123',
    });
    expect(parseV3Authorization('HMAC-SHA1 Credential=AKID')).toBeUndefined();
    expect(parseV3Authorization('ACS3-HMAC-SHA256 Credential=AKID,Signature=x')).toBeUndefined();
  });

  it('sorts and encodes the canonical query string', () => {
    expect(canonicalQueryString({ b: 'x y', a: '*~', 'A.1': '/' })).toBe('A.1=%2F&a=%2A~&b=x%20y');
  });
});

describe('RPC signature (HMAC-SHA1)', () => {
  it(`matches openapi-util getRPCSignature on ${CASES} random requests`, () => {
    const rng = new Prng(1201);
    for (let i = 0; i < CASES; i++) {
      const credentials = randomCredentials(rng);
      const params = flatten(randomObject(rng, 3, 6));
      const signed = signRpc({
        action: 'CreateUser',
        version: '2021-12-01',
        params,
        credentials,
        date: randomDate(rng),
        nonce: `nonce-${rng.int(0, 1e9)}`,
      });
      const signedParams: Record<string, string> = { ...signed.commonParams, ...params };
      delete signedParams.Signature;
      expect(signed.signature).toBe(
        OpenApiUtil.getRPCSignature(signedParams, 'POST', credentials.accessKeySecret),
      );
      expect(computeRpcSignature('POST', signedParams, credentials.accessKeySecret)).toBe(signed.signature);
      expect(signed.commonParams.SecurityToken).toBe(credentials.securityToken);
    }
  });

  it('reproduces a pinned vector (fixed date and nonce)', () => {
    const signed = signRpc({
      action: 'CreateUser',
      version: '2021-12-01',
      params: flatten({ InstanceId: 'idaas_abc123', Username: 'alice', DisplayName: 'Alice Smith' }),
      credentials: { accessKeyId: 'LTAI5tExampleKeyId', accessKeySecret: 'ExampleSecret0123456789' },
      date: new Date('2024-05-01T08:30:00.000Z'),
      nonce: '3f1c1b8e-7a6d-4c1f-9f0e-2d8a1b2c3d4e',
    });
    expect(signed.commonParams).toMatchObject({
      Format: 'JSON',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      Timestamp: '2024-05-01T08:30:00Z',
    });
    expect(rpcStringToSign('POST', { Action: 'A', Timestamp: '2024-05-01T08:30:00Z' })).toBe(
      'POST&%2F&Action%3DA%26Timestamp%3D2024-05-01T08%253A30%253A00Z',
    );
    expect(signed.signature).toBe(RPC_VECTOR);
  });
});

describe('verifyRequest', () => {
  const keys: Record<string, KnownAccessKey> = {
    AKID: { accessKeySecret: 'shh' },
    STSID: { accessKeySecret: 'tmp', securityToken: 'tok' },
  };
  const lookup = (id: string) => keys[id];
  const date = new Date('2025-01-02T03:04:05Z');

  function v3Request(accessKeyId: string, securityToken?: string): ReceivedRequest {
    const body = formEncode({ InstanceId: 'i-1', Password: 'p a+s*s' });
    const signed = signV3({
      host: '127.0.0.1:9',
      action: 'CreateUser',
      version: '2021-12-01',
      query: { Extra: 'q v' },
      body,
      contentType: 'application/x-www-form-urlencoded',
      credentials: { accessKeyId, accessKeySecret: keys[accessKeyId]?.accessKeySecret ?? 'x', securityToken },
      date,
      nonce: 'n1',
    });
    return {
      method: 'POST',
      path: '/',
      query: { Extra: 'q v' },
      headers: signed.headers,
      body: Buffer.from(body),
    };
  }

  function rpcRequest(): ReceivedRequest {
    const params = { InstanceId: 'i-1', 'UserIds.1': 'u 1' };
    const signed = signRpc({
      action: 'ListUsers',
      version: '2021-12-01',
      params,
      credentials: { accessKeyId: 'AKID', accessKeySecret: 'shh' },
      date,
      nonce: 'n2',
    });
    return {
      method: 'POST',
      path: '/',
      query: parseFormEncoded(formEncode(signed.commonParams)),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formEncode(params),
    };
  }

  it('accepts a V3 request and reports the action and flat parameters', () => {
    const result = verifyRequest(v3Request('AKID'), lookup, { now: date });
    expect(result).toMatchObject({
      ok: true,
      signatureVersion: 'v3',
      accessKeyId: 'AKID',
      action: 'CreateUser',
      version: '2021-12-01',
      nonce: 'n1',
      params: { Extra: 'q v', InstanceId: 'i-1', Password: 'p a+s*s' },
    });
  });

  it('accepts an RPC request and strips the common parameters', () => {
    const result = verifyRequest(rpcRequest(), lookup);
    expect(result).toMatchObject({ ok: true, signatureVersion: 'rpc', action: 'ListUsers', nonce: 'n2' });
    expect(result.ok && result.params).toEqual({ InstanceId: 'i-1', 'UserIds.1': 'u 1' });
  });

  it('rejects tampering, unknown keys, stale timestamps and missing tokens', () => {
    const good = v3Request('AKID');
    expect(verifyRequest({ ...good, body: Buffer.from('InstanceId=i-2') }, lookup)).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
    expect(verifyRequest({ ...good, query: { Extra: 'other' } }, lookup)).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(verifyRequest(v3Request('NOPE'), lookup)).toMatchObject({ code: 'InvalidAccessKeyId.NotFound' });
    expect(verifyRequest(good, lookup, { now: new Date('2025-01-02T04:00:00Z') })).toMatchObject({
      code: 'InvalidTimeStamp.Expired',
    });
    expect(verifyRequest(v3Request('STSID'), lookup)).toMatchObject({
      code: 'InvalidSecurityToken.MismatchWithAccessKey',
    });
    expect(verifyRequest(v3Request('STSID', 'tok'), lookup)).toMatchObject({
      ok: true,
      securityToken: 'tok',
    });
    const rpc = rpcRequest();
    expect(verifyRequest({ ...rpc, body: 'InstanceId=i-1&UserIds.1=u%202' }, lookup)).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(verifyRequest({ ...rpc, query: {} }, lookup)).toMatchObject({ code: 'MissingSignature' });
    expect(
      verifyRequest({ ...rpc, query: { ...rpc.query, SignatureMethod: 'HMAC-SHA256' } }, lookup),
    ).toMatchObject({
      code: 'IncompleteSignature',
    });
  });

  it('needs the essential headers to be signed', () => {
    const good = v3Request('AKID');
    const auth = String(good.headers.authorization).replace('x-acs-date;', '');
    expect(
      verifyRequest({ ...good, headers: { ...good.headers, authorization: auth } }, lookup),
    ).toMatchObject({
      code: 'IncompleteSignature',
    });
  });

  it('hashes payloads as hex sha256', () => {
    expect(hashPayload('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

// Values computed once with @alicloud/openapi-util for the inputs above.
const V3_VECTOR =
  'ACS3-HMAC-SHA256 Credential=LTAI5tExampleKeyId,' +
  'SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,' +
  'Signature=88b49c2d804ffbf6134a26c1fd8a3b97b168d509801ecbd8c8a6700878a1f5be';
const RPC_VECTOR = 'KHRPaprj5OYZ46npYyavcB2CFeY=';

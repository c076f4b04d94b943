import {
  EiamApiError,
  EiamClient,
  EiamRequestValidationError,
  EiamTransportError,
  isNotFound,
  isThrottling,
  unflatten,
  type EiamClientOptions,
} from '../../src/client';
import { verifyRequest } from '../../src/local-server/http/auth/verify';
import { OPERATIONS } from '../../src/catalog';
import { sendJson, startServer, type Handler, type TestServer } from './support/server';

const AK = 'AKIDTEST';
const SECRET = 'client-secret-never-logged';

let server: TestServer;
let handler: Handler;
const clients: EiamClient[] = [];

beforeEach(async () => {
  handler = (_r, res) => sendJson(res, 200, { RequestId: 'default' });
  server = await startServer((received, res, req) => handler(received, res, req));
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await server.close();
});

function client(options: EiamClientOptions = {}): EiamClient {
  const c = new EiamClient({
    endpoint: server.url,
    accessKeyId: AK,
    accessKeySecret: SECRET,
    env: {},
    retry: { baseDelayMs: 2, maxDelayMs: 10 },
    ...options,
  });
  clients.push(c);
  return c;
}

describe('EiamClient over HTTP', () => {
  it.each(['v3', 'rpc'] as const)(
    'sends %s-signed requests the server verifies, with nested params intact',
    async (version) => {
      const seen: unknown[] = [];
      handler = (received, res) => {
        const result = verifyRequest(
          {
            method: received.method,
            path: received.path,
            query: received.query,
            headers: received.headers,
            body: received.body,
          },
          (id) => (id === AK ? { accessKeySecret: SECRET, securityToken: 'sts-token' } : undefined),
          { now: new Date() },
        );
        if (!result.ok) return sendJson(res, 400, { Code: result.code, Message: result.message });
        seen.push({
          action: result.action,
          params: unflatten(result.params, OPERATIONS[result.action as 'CreateApplication'].request),
        });
        sendJson(res, 200, { RequestId: 'r-1', ApplicationId: 'app_1' });
      };
      const c = client({ signatureVersion: version, securityToken: 'sts-token' });
      const response = await c.call('CreateApplication', {
        InstanceId: 'idaas_1',
        ApplicationName: 'My app & co *~',
        ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
        SsoType: 'saml2',
        ApplicationOwner: { UserIds: ['u 1', 'u*2'], GroupIds: ['g~1'] },
        CustomFields: [{ FieldName: '部门', FieldValue: 'R&D / 50%' }],
      });
      expect(response).toEqual({ RequestId: 'r-1', ApplicationId: 'app_1' });
      expect(seen).toEqual([
        {
          action: 'CreateApplication',
          params: {
            InstanceId: 'idaas_1',
            ApplicationName: 'My app & co *~',
            ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
            SsoType: 'saml2',
            ApplicationOwner: { UserIds: ['u 1', 'u*2'], GroupIds: ['g~1'] },
            CustomFields: [{ FieldName: '部门', FieldValue: 'R&D / 50%' }],
          },
        },
      ]);
      const sent = server.requests[0];
      if (version === 'v3') {
        expect(sent.rawQuery).toBe('');
        expect(sent.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=AKIDTEST,/);
      } else {
        expect(Object.keys(sent.query).sort()).toEqual([
          'AccessKeyId',
          'Action',
          'Format',
          'SecurityToken',
          'Signature',
          'SignatureMethod',
          'SignatureNonce',
          'SignatureVersion',
          'Timestamp',
          'Version',
        ]);
        expect(sent.body.toString()).toContain('InstanceId=idaas_1');
      }
    },
  );

  it('refuses a request missing a required parameter before any HTTP', async () => {
    const c = client();
    await expect(c.call('GetUser', { InstanceId: 'i' } as never)).rejects.toThrow(
      new EiamRequestValidationError('GetUser', ['UserId']),
    );
    await expect(c.call('GetUser', { InstanceId: 'i' } as never)).rejects.toThrow(
      'EIAM GetUser: missing required parameter UserId',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('turns a service error into a readable EiamApiError', async () => {
    handler = (_r, res) =>
      sendJson(res, 400, {
        Code: 'EntityAlreadyExists.User',
        Message: 'The username already exists',
        RequestId: 'REQ-42',
        HostId: 'eiam.cn-hangzhou.aliyuncs.com',
        Recommend: 'https://api.aliyun.com/troubleshoot?q=EntityAlreadyExists.User',
      });
    const err = await client()
      .call('CreateUser', {
        InstanceId: 'i',
        Username: 'bob',
        DisplayName: 'Bob',
        PrimaryOrganizationalUnitId: 'ou',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EiamApiError);
    expect((err as EiamApiError).message).toBe(
      'EIAM CreateUser failed: EntityAlreadyExists.User: The username already exists (RequestId: REQ-42)',
    );
    expect(err).toMatchObject({
      code: 'EntityAlreadyExists.User',
      httpStatus: 400,
      requestId: 'REQ-42',
      attempts: 1,
    });
    expect((err as EiamApiError).recommend).toContain('troubleshoot');
  });

  it('treats a 200 body that carries Code as an error, and classifies not-found', async () => {
    handler = (_r, res) =>
      sendJson(res, 200, { Code: 'EntityNotExists.User', Message: 'no such user', RequestId: 'x' });
    const err = await client()
      .call('GetUser', { InstanceId: 'i', UserId: 'u' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EiamApiError);
    expect(isNotFound(err)).toBe(true);
  });
});

describe('retries', () => {
  it('retries throttling until success, even for a call without ClientToken', async () => {
    let n = 0;
    handler = (_r, res) => {
      n++;
      if (n === 1) return sendJson(res, 429, { Code: 'Throttling', Message: 'slow down' });
      if (n === 2) return sendJson(res, 400, { Code: 'Throttling.User', Message: 'slow down' });
      sendJson(res, 200, { RequestId: 'ok', ApplicationId: 'a' });
    };
    const lines: string[] = [];
    const response = await client({ logger: (l) => lines.push(l) }).call('CreateApplication', {
      InstanceId: 'i',
      ApplicationName: 'n',
      ApplicationSourceType: 's',
      SsoType: 'oidc',
    });
    expect(response).toMatchObject({ ApplicationId: 'a' });
    expect(server.requests).toHaveLength(3);
    expect(lines).toEqual([
      expect.stringMatching(/action=CreateApplication requestId=ok status=200 code=- attempts=3 /),
    ]);
  });

  it('gives up on repeated 5xx after maxAttempts', async () => {
    handler = (_r, res) =>
      sendJson(res, 503, { Code: 'ServiceUnavailable', Message: 'down', RequestId: 'r5' });
    const err = await client({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } })
      .call('GetInstance', { InstanceId: 'i' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EiamApiError);
    expect(err).toMatchObject({ code: 'ServiceUnavailable', httpStatus: 503, attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it('stops retrying when the elapsed-time budget would be exceeded', async () => {
    handler = (_r, res) => sendJson(res, 500, { Code: 'InternalError', Message: 'boom' });
    const err = await client({
      retry: { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 1000, maxElapsedMs: 50 },
      random: () => 0.99,
    })
      .call('GetInstance', { InstanceId: 'i' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a non-idempotent call without ClientToken', async () => {
    handler = (_r, res) => sendJson(res, 500, { Code: 'InternalError', Message: 'boom' });
    const err = await client()
      .call('CreateGroup', { InstanceId: 'i', GroupName: 'g' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'InternalError', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('adds a ClientToken where the operation takes one, keeps it across retries, and so retries', async () => {
    let n = 0;
    handler = (_r, res) =>
      ++n === 1
        ? sendJson(res, 500, { Code: 'InternalError', Message: 'x' })
        : sendJson(res, 200, { UserId: 'u' });
    await expect(
      client().call('CreateUser', {
        InstanceId: 'i',
        Username: 'u',
        DisplayName: 'U',
        PrimaryOrganizationalUnitId: 'ou',
      }),
    ).resolves.toEqual({ UserId: 'u' });
    const tokens = server.requests.map((r) => r.params.ClientToken);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens[1]).toBe(tokens[0]);
  });

  it('keeps a ClientToken the caller passes', async () => {
    await client().call('CreateUser', {
      InstanceId: 'i',
      Username: 'u',
      DisplayName: 'U',
      PrimaryOrganizationalUnitId: 'ou',
      ClientToken: 'mine',
    });
    expect(server.requests[0].params.ClientToken).toBe('mine');
  });

  it('retries a read when the connection drops mid-request', async () => {
    let n = 0;
    handler = (_r, res, req) => {
      if (++n === 1) req.socket.destroy();
      else sendJson(res, 200, { User: { UserId: 'u' } });
    };
    const lines: string[] = [];
    await expect(
      client({ logger: (l) => lines.push(l) }).call('GetUser', { InstanceId: 'i', UserId: 'u' }),
    ).resolves.toEqual({
      User: { UserId: 'u' },
    });
    expect(server.requests).toHaveLength(2);
    expect(lines[0]).toContain('attempts=2');
  });

  it('does not repeat a mutation whose connection dropped mid-request', async () => {
    handler = (_r, _res, req) => {
      req.socket.destroy();
    };
    const err = await client()
      .call('CreateGroup', { InstanceId: 'i', GroupName: 'g' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EiamTransportError);
    expect(err).toMatchObject({
      kind: 'connection',
      attempts: 1,
      action: 'CreateGroup',
      endpoint: server.url,
    });
    expect((err as Error).message).toContain(`EIAM CreateGroup request to ${server.url} failed`);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a refused connection naming endpoint and action', async () => {
    const url = server.url;
    await server.close();
    const err = await client({ endpoint: url, retry: { maxAttempts: 2, baseDelayMs: 1 } })
      .call('ListRegions', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EiamTransportError);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', attempts: 2 });
    expect((err as Error).message).toBe(
      `EIAM ListRegions request to ${url} failed: connection refused (ECONNREFUSED)`,
    );
    server = await startServer((r, res, req) => handler(r, res, req));
  });
});

describe('timeouts', () => {
  it('aborts a slow response with a clear error', async () => {
    handler = (_r, res) => {
      setTimeout(() => sendJson(res, 200, {}), 2000).unref();
    };
    const started = Date.now();
    const err = await client({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1 } })
      .call('GetInstance', { InstanceId: 'i' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EiamTransportError);
    expect(err).toMatchObject({ kind: 'timeout', code: 'ETIMEDOUT', attempts: 2 });
    expect((err as Error).message).toBe(
      `EIAM GetInstance request to ${server.url} failed: no response within 100 ms (ETIMEDOUT)`,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.requests).toHaveLength(2);
  });
});

describe('concurrency', () => {
  it('never has more than maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    handler = (_r, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        sendJson(res, 200, { RequestId: 'c' });
      }, 30);
    };
    const c = client({ maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => c.call('GetInstance', { InstanceId: `i${i}` })));
    expect(server.requests).toHaveLength(12);
    expect(peak).toBe(3);
  });
});

describe('keep-alive', () => {
  it('reuses one connection for sequential calls', async () => {
    const sockets = new Set<unknown>();
    handler = (_r, res, req) => {
      sockets.add(req.socket);
      sendJson(res, 200, { RequestId: 'k' });
    };
    const c = client();
    for (let i = 0; i < 5; i++) await c.call('GetInstance', { InstanceId: 'i' });
    expect(server.requests).toHaveLength(5);
    expect(sockets.size).toBe(1);
  });
});

describe('pagination', () => {
  it('walks PageNumber/PageSize listings until TotalCount', async () => {
    const groups = Array.from({ length: 7 }, (_, i) => ({ GroupId: `g${i}` }));
    handler = (received, res) => {
      const page = Number(received.params.PageNumber);
      const size = Number(received.params.PageSize);
      sendJson(res, 200, { TotalCount: groups.length, Groups: groups.slice((page - 1) * size, page * size) });
    };
    const items = await client().listAll('ListGroups', { InstanceId: 'i', PageSize: 3 });
    expect(items).toEqual(groups);
    expect(server.requests.map((r) => r.params.PageNumber)).toEqual(['1', '2', '3']);
  });

  it('walks NextToken/MaxResults listings until no token comes back', async () => {
    const users = Array.from({ length: 5 }, (_, i) => ({ UserId: `u${i}` }));
    handler = (received, res) => {
      const start = received.params.NextToken ? Number(received.params.NextToken) : 0;
      const max = Number(received.params.MaxResults);
      const next = start + max < users.length ? String(start + max) : undefined;
      sendJson(res, 200, { Users: users.slice(start, start + max), NextToken: next, MaxResults: max });
    };
    const seen: string[] = [];
    for await (const user of client().paginate('ListUsers', { InstanceId: 'i', MaxResults: 2 }))
      seen.push(user.UserId ?? '');
    expect(seen).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect(server.requests.map((r) => r.params.NextToken)).toEqual([undefined, '2', '4']);
    expect(server.requests.every((r) => r.params.PageNumber === undefined)).toBe(true);
  });

  it('returns the single page of an unpaginated listing', async () => {
    handler = (_r, res) => sendJson(res, 200, { Regions: [{ RegionId: 'cn-hangzhou' }], RequestId: 'x' });
    await expect(client().listAll('ListRegions', {})).resolves.toEqual([{ RegionId: 'cn-hangzhou' }]);
  });
});

describe('secrets stay out of logs and errors', () => {
  it('logs one line per call without parameters or keys', async () => {
    const password = 'Pa55w0rd!-do-not-print';
    let n = 0;
    handler = (_r, res) =>
      ++n === 1
        ? sendJson(res, 400, {
            Code: 'InvalidParameter.Password',
            Message: 'Password is too weak',
            RequestId: 'R1',
          })
        : sendJson(res, 200, { RequestId: 'R2' });
    const lines: string[] = [];
    const c = client({
      logger: (l) => lines.push(l),
      securityToken: 'sts-secret-token',
      signatureVersion: 'rpc',
    });
    const err = await c
      .call('UpdateUserPassword', { InstanceId: 'i', UserId: 'u', Password: password })
      .catch((e: unknown) => e as Error);
    await c.call('UpdateUserPassword', { InstanceId: 'i', UserId: 'u', Password: password });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /action=UpdateUserPassword requestId=R1 status=400 code=InvalidParameter.Password attempts=1/,
    );
    expect(lines[1]).toMatch(/action=UpdateUserPassword requestId=R2 status=200 code=- attempts=1/);
    const text = [...lines, (err as Error).message, (err as Error).stack, JSON.stringify(err)].join('\n');
    for (const secret of [password, SECRET, 'sts-secret-token']) expect(text).not.toContain(secret);
    expect(server.requests[0].params.Password).toBe(password);
  });

  it('keeps secrets out of transport errors too', async () => {
    handler = (_r, _res, req) => {
      req.socket.destroy();
    };
    const err = (await client({ signatureVersion: 'rpc', securityToken: 'sts-secret-token' })
      .call('UpdateUserPassword', { InstanceId: 'i', UserId: 'u', Password: 'hunter2-secret' })
      .catch((e: unknown) => e)) as EiamTransportError;
    const text = [
      err.message,
      err.stack,
      JSON.stringify(err),
      String(err.cause),
      JSON.stringify(err.cause),
    ].join('\n');
    for (const secret of ['hunter2-secret', SECRET, 'sts-secret-token']) expect(text).not.toContain(secret);
  });

  it('writes debug lines to stderr when EIAM_DEBUG is set', async () => {
    const chunks: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      await client({ env: { EIAM_DEBUG: '1' } }).call('ListRegions', {});
    } finally {
      spy.mockRestore();
    }
    expect(chunks.join('')).toMatch(/^\[eiam\] action=ListRegions requestId=default status=200 /);
  });
});

describe('lifecycle', () => {
  it('constructs without credentials and fails on first call with a credentials error', async () => {
    const c = new EiamClient({ endpoint: server.url, env: {}, homeDir: '/nonexistent-home-for-test' });
    clients.push(c);
    await expect(c.call('ListRegions', {})).rejects.toThrow(/No Alibaba Cloud credentials found/);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses calls after close()', async () => {
    const c = client();
    await c.call('ListRegions', {});
    c.close();
    await expect(c.call('ListRegions', {})).rejects.toThrow(/closed/);
  });

  it('classifies throttling errors', () => {
    const e = new EiamApiError({ action: 'A', code: 'Throttling.Api', message: 'm', httpStatus: 400 });
    expect(isThrottling(e)).toBe(true);
  });
});

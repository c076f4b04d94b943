/** Response shape, request log, counters, control paths and shutdown of the local server. */
import http from 'node:http';
import type { LocalServer } from '../../../src/local-server';
import { EiamError } from '../../../src/local-server/model/errors';
import { callApi, echoHandlers, rawRequest, startTestServer, stopTestServers } from './support';

describe('local server responses and bookkeeping', () => {
  let server: LocalServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      log: (line) => lines.push(line),
      handlers: echoHandlers({
        GetUser: () => {
          throw new EiamError('EntityNotExists.User', 'The specified User does not exist.', 404);
        },
        DeleteUser: () => {
          throw new TypeError('a bug in a handler');
        },
      }),
    });
  });
  beforeEach(() => {
    lines.length = 0;
    server.resetCounters();
  });
  afterAll(() => server.stop());

  it('answers success as JSON with RequestId in the body and in x-acs-request-id', async () => {
    const reply = await callApi(server, 'ListRegions');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(reply.json.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(reply.headers['x-acs-request-id']).toBe(reply.json.RequestId);
  });

  it('renders a domain error as {RequestId, HostId, Code, Message, Recommend} with its status', async () => {
    const reply = await callApi(server, 'GetUser', { InstanceId: 'i', UserId: 'u' });
    expect(reply.status).toBe(404);
    expect(Object.keys(reply.json).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
    expect(reply.json).toMatchObject({
      Code: 'EntityNotExists.User',
      HostId: `${server.host}:${server.port}`,
      RequestId: reply.headers['x-acs-request-id'],
    });
    expect(reply.json.Recommend).toContain('EntityNotExists.User');
  });

  it('turns an unexpected exception into InternalError 500 and logs it, without leaking it', async () => {
    const reply = await callApi(server, 'DeleteUser', { InstanceId: 'i', UserId: 'u' });
    expect(reply.status).toBe(500);
    expect(reply.json.Code).toBe('InternalError');
    expect(reply.text).not.toContain('a bug in a handler');
    expect(lines.some((l) => l.includes('a bug in a handler') && l.includes(reply.json.RequestId))).toBe(
      true,
    );
  });

  it('logs one line per call with action, status, code, duration and request id, never parameters or keys', async () => {
    const ok = await callApi(server, 'CreateInstance', { Description: 'secret-looking-value' });
    const bad = await callApi(server, 'ListRegions', {}, { accessKeySecret: 'wrong-secret-value' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\S+ CreateInstance 200 - \\d+ms ${ok.json.RequestId}$`));
    expect(lines[1]).toMatch(
      new RegExp(`^\\S+ ListRegions 400 SignatureDoesNotMatch \\d+ms ${bad.json.RequestId}$`),
    );
    const all = lines.join('\n');
    for (const secret of [
      'secret-looking-value',
      'wrong-secret-value',
      server.accessKeySecret,
      server.accessKeyId,
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('counts calls and errors per action, in-process and over GET /_local/counters', async () => {
    await callApi(server, 'ListRegions');
    await callApi(server, 'ListRegions');
    await callApi(server, 'GetUser', { InstanceId: 'i', UserId: 'u' });
    await callApi(server, 'NoSuchAction');
    const expected = {
      ListRegions: { calls: 2, errors: {}, dropped: 0 },
      GetUser: { calls: 1, errors: { 'EntityNotExists.User': 1 }, dropped: 0 },
      '(none)': { calls: 1, errors: { 'InvalidAction.NotFound': 1 }, dropped: 0 },
    };
    expect(server.counters()).toEqual(expected);
    const overHttp = await rawRequest(server, { method: 'GET', path: '/_local/counters' });
    expect(overHttp.json.Counters).toEqual(expected);
    await rawRequest(server, { method: 'POST', path: '/_local/counters/reset' });
    expect(server.counters()).toEqual({});
  });

  it('serves /_local/health and answers 404 to unknown control paths', async () => {
    expect((await rawRequest(server, { method: 'GET', path: '/_local/health' })).json.Status).toBe('ok');
    expect((await rawRequest(server, { method: 'GET', path: '/_local/nope' })).status).toBe(404);
  });
});

describe('local server shutdown', () => {
  afterEach(stopTestServers);

  it('stop() closes idle keep-alive connections at once', async () => {
    const server = await startTestServer({ handlers: echoHandlers() });
    const agent = new http.Agent({ keepAlive: true });
    expect((await callApi(server, 'ListRegions', {}, { agent })).status).toBe(200);
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
  });

  it('refuses to start on a port that is taken, with the listen error', async () => {
    const first = await startTestServer({ handlers: echoHandlers() });
    await expect(startTestServer({ port: first.port, handlers: echoHandlers() })).rejects.toThrow(
      /EADDRINUSE/,
    );
    await first.stop();
  });
});

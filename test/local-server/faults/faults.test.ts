/** Deterministic fault injection: same seed, same faults; rates honoured; faulted calls change nothing. */
import { FaultInjector, type FaultDecision, type LocalServer } from '../../../src/local-server';
import { callUntilAnswered, createInstance } from '../http/flows';
import { callApi, rawRequest, startTestServer, stopTestServers } from '../http/support';

function outcome(d: FaultDecision): string {
  return d.kind === 'error' ? d.error.code : d.kind;
}

/** Outcome of one HTTP call as a client sees it: the error code, `ok`, or `dropped`. */
async function observe(server: LocalServer): Promise<string> {
  try {
    const reply = await callApi(server, 'ListRegions');
    return reply.status === 200 ? 'ok' : (reply.json.Code as string);
  } catch {
    return 'dropped';
  }
}

const MIXED = { throttleRate: 0.2, errorRate: 0.1, dropRate: 0.1 };

describe('FaultInjector', () => {
  it('draws the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const injector = new FaultInjector({ seed, ...MIXED, latencyJitterMs: 100 });
      return Array.from({ length: 200 }, () => injector.decide()).map((d) => `${outcome(d)}@${d.delayMs}`);
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('honours the rates over many calls', () => {
    const injector = new FaultInjector({ seed: 7, ...MIXED });
    const counts: Record<string, number> = {};
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const o = outcome(injector.decide());
      counts[o] = (counts[o] ?? 0) + 1;
    }
    expect(counts['Throttling.User'] / n).toBeCloseTo(0.2, 1);
    expect(((counts.ServiceUnavailable ?? 0) + (counts.InternalError ?? 0)) / n).toBeCloseTo(0.1, 1);
    expect(counts.drop / n).toBeCloseTo(0.1, 1);
    expect(counts.none / n).toBeCloseTo(0.6, 1);
  });

  it('rejects rates outside [0, 1] or summing above 1', () => {
    expect(() => new FaultInjector({ throttleRate: 1.5 })).toThrow(RangeError);
    expect(() => new FaultInjector({ throttleRate: 0.6, errorRate: 0.6 })).toThrow(RangeError);
    expect(() => new FaultInjector({ latencyMs: -1 })).toThrow(RangeError);
  });
});

describe('local server with fault injection', () => {
  afterEach(stopTestServers);

  it('gives two servers with the same seed the same sequence of faults', async () => {
    const run = async () => {
      const server = await startTestServer({ faults: { seed: 5, ...MIXED } });
      const seen: string[] = [];
      for (let i = 0; i < 60; i++) seen.push(await observe(server));
      await server.stop();
      return seen;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(
      new Set(['ok', 'Throttling.User', 'dropped', 'ServiceUnavailable', 'InternalError']),
    );
  });

  it('answers throttling with Throttling.User 400 and server errors with 500/503, roughly at the rates asked', async () => {
    const server = await startTestServer({ faults: { seed: 11, ...MIXED } });
    const statuses: Record<string, number> = {};
    const n = 400;
    for (let i = 0; i < n; i++) {
      let key: string;
      try {
        const reply = await callApi(server, 'ListRegions');
        key = reply.status === 200 ? 'ok' : `${reply.status} ${reply.json.Code}`;
      } catch {
        key = 'dropped';
      }
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    expect(Object.keys(statuses).sort()).toEqual([
      '400 Throttling.User',
      '500 InternalError',
      '503 ServiceUnavailable',
      'dropped',
      'ok',
    ]);
    expect(statuses['400 Throttling.User'] / n).toBeGreaterThan(0.12);
    expect(statuses['400 Throttling.User'] / n).toBeLessThan(0.28);
    expect(statuses.dropped / n).toBeGreaterThan(0.05);
    expect(statuses.dropped / n).toBeLessThan(0.15);
    expect(server.counters().ListRegions.dropped).toBe(statuses.dropped);
    await server.stop();
  });

  it('never lets a faulted mutating call change state', async () => {
    const server = await startTestServer({ faults: { seed: 3, ...MIXED } });
    const { instanceId, rootOuId } = await createInstance(server);
    const acknowledged: string[] = [];
    for (let i = 0; i < 80; i++) {
      try {
        const reply = await callApi(server, 'CreateUser', {
          InstanceId: instanceId,
          PrimaryOrganizationalUnitId: rootOuId,
          Username: `user${i}`,
        });
        if (reply.status === 200) acknowledged.push(reply.json.UserId as string);
      } catch {
        // Dropped: the call never reached the service.
      }
    }
    expect(acknowledged.length).toBeGreaterThan(30);
    expect(acknowledged.length).toBeLessThan(80);
    const list = await callUntilAnswered(server, 'ListUsers', { InstanceId: instanceId, PageSize: 100 });
    expect(list.json.TotalCount).toBe(acknowledged.length);
    expect((list.json.Users as Array<{ UserId: string }>).map((u) => u.UserId).sort()).toEqual(
      [...acknowledged].sort(),
    );
    await server.stop();
  });

  it('adds the configured latency and never faults the /_local paths', async () => {
    const server = await startTestServer({ faults: { seed: 1, throttleRate: 1, latencyMs: 60 } });
    const started = performance.now();
    const reply = await callApi(server, 'ListRegions');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(reply.json.Code).toBe('Throttling.User');
    for (let i = 0; i < 5; i++) {
      expect((await rawRequest(server, { method: 'GET', path: '/_local/health' })).status).toBe(200);
    }
    await server.stop();
  });
});

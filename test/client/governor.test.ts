/**
 * The request-rate governor: pure scheduling on an injected clock, and the client over real HTTP
 * (requests in flight bounded by the budget, not by a fixed cap; throttling slows the governor).
 */
import {
  DEFAULT_MAX_CONCURRENCY,
  EiamClient,
  parseRequestsPerSecond,
  RateGovernor,
  sharedGovernor,
  type EiamClientOptions,
} from '../../src/client';
import { sendJson, startServer, type Handler, type TestServer } from './support/server';

/** A manual clock: `sleep` records the wait and resolves at once, time moves only by `advance`. */
function manualClock() {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    sleep: async (ms: number) => {
      slept.push(ms);
    },
    slept,
  };
}

describe('RateGovernor scheduling', () => {
  it('lets a burst start at once, then spaces starts by 1/rate in FIFO order', () => {
    const clock = manualClock();
    const g = new RateGovernor({ requestsPerSecond: 10, burst: 3, now: clock.now, sleep: clock.sleep });
    const delays = Array.from({ length: 6 }, () => g.reserve());
    expect(delays).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('refills the burst over a quiet period, never beyond it', () => {
    const clock = manualClock();
    const g = new RateGovernor({ requestsPerSecond: 10, burst: 2, now: clock.now });
    g.reserve();
    g.reserve();
    clock.advance(10_000);
    expect([g.reserve(), g.reserve(), g.reserve()]).toEqual([0, 0, 100]);
  });

  it('holds the average rate over a long run of waiting callers', () => {
    const clock = manualClock();
    const g = new RateGovernor({ requestsPerSecond: 50, burst: 5, now: clock.now });
    const delays = Array.from({ length: 505 }, () => g.reserve());
    // 505 starts: 5 at once, then one per 20 ms for the remaining 500.
    expect(delays[504]).toBeCloseTo(500 * 20, 6);
  });

  it('halves the rate on a throttling answer and doubles it back after each quiet period', () => {
    const clock = manualClock();
    const g = new RateGovernor({ requestsPerSecond: 40, recoveryMs: 1_000, now: clock.now });
    g.throttled();
    expect(g.currentRate).toBe(20);
    clock.advance(1_000);
    g.throttled();
    expect(g.currentRate).toBe(10);
    clock.advance(999);
    expect(g.currentRate).toBe(10);
    clock.advance(1);
    expect(g.currentRate).toBe(20);
    clock.advance(5_000);
    expect(g.currentRate).toBe(40);
  });

  it('counts a burst of throttled answers as one signal', () => {
    const clock = manualClock();
    const g = new RateGovernor({ requestsPerSecond: 64, recoveryMs: 1_000, now: clock.now });
    for (let i = 0; i < 64; i++) g.throttled();
    expect(g.currentRate).toBe(32);
  });

  it('never goes below a quarter of the budget however long the service throttles', () => {
    const clock = manualClock();
    const g = new RateGovernor({ requestsPerSecond: 100, recoveryMs: 1_000, now: clock.now });
    for (let i = 0; i < 20; i++) {
      g.throttled();
      clock.advance(1_000);
      g.throttled();
    }
    expect(g.currentRate).toBe(25);
    expect(g.floorRate).toBe(25);
  });

  it('waits through the injected sleep', async () => {
    const clock = manualClock();
    const g = new RateGovernor({ requestsPerSecond: 4, burst: 1, now: clock.now, sleep: clock.sleep });
    await Promise.all([g.acquire(), g.acquire(), g.acquire()]);
    expect(clock.slept).toEqual([250, 500]);
  });
});

describe('budget settings', () => {
  it('parses positive numbers and rejects anything else, naming the setting', () => {
    expect(parseRequestsPerSecond('25', 'eiam:maxRequestsPerSecond')).toBe(25);
    expect(parseRequestsPerSecond(' 2.5 ', 'x')).toBe(2.5);
    expect(parseRequestsPerSecond('', 'x')).toBeUndefined();
    expect(parseRequestsPerSecond(undefined, 'x')).toBeUndefined();
    expect(() => parseRequestsPerSecond('fast', 'eiam:maxRequestsPerSecond')).toThrow(
      /eiam:maxRequestsPerSecond must be a number of requests per second/,
    );
    expect(() => parseRequestsPerSecond('0', 'x')).toThrow(/at least 0.1/);
  });

  it('shares one governor per budget across the process', () => {
    expect(sharedGovernor(123)).toBe(sharedGovernor(123));
    expect(sharedGovernor(123)).not.toBe(sharedGovernor(124));
    expect(sharedGovernor(123).budget).toBe(123);
  });

  it('refuses a client whose environment budget is not a number', () => {
    expect(() => new EiamClient({ env: { EIAM_MAX_REQUESTS_PER_SECOND: 'lots' } })).toThrow(
      /EIAM_MAX_REQUESTS_PER_SECOND must be a number/,
    );
  });
});

describe('the client under a governor, over HTTP', () => {
  let server: TestServer;
  let handler: Handler;
  const clients: EiamClient[] = [];

  beforeEach(async () => {
    handler = (_r, res) => sendJson(res, 200, { RequestId: 'ok' });
    server = await startServer((received, res, req) => handler(received, res, req));
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await server.close();
  });

  function client(options: EiamClientOptions): EiamClient {
    const c = new EiamClient({
      endpoint: server.url,
      accessKeyId: 'AKIDTEST',
      accessKeySecret: 'governed-secret',
      env: {},
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      ...options,
    });
    clients.push(c);
    return c;
  }

  it('has 64 calls in flight at once when the budget allows (no fixed cap of 8)', async () => {
    // The server answers nothing until 64 requests are open at the same time; a client capped
    // below 64 would leave them waiting until the fallback releases them, and the peak shows it.
    const waiting: Array<() => void> = [];
    let peak = 0;
    const release = () => waiting.splice(0).forEach((answer) => answer());
    const fallback = setTimeout(release, 10_000);
    handler = (_r, res) =>
      new Promise<void>((resolve) => {
        waiting.push(() => {
          sendJson(res, 200, { RequestId: 'held' });
          resolve();
        });
        peak = Math.max(peak, waiting.length);
        if (waiting.length >= 64) release();
      });
    const c = client({ governor: new RateGovernor({ requestsPerSecond: 10_000 }) });
    await Promise.all(
      Array.from({ length: 64 }, (_, i) => c.call('GetUser', { InstanceId: 'idaas_x', UserId: `user_${i}` })),
    );
    clearTimeout(fallback);
    expect(DEFAULT_MAX_CONCURRENCY).toBeGreaterThanOrEqual(64);
    expect(peak).toBe(64);
  });

  it('spaces request starts by the budget, every request included', async () => {
    const clock = manualClock();
    const governor = new RateGovernor({
      requestsPerSecond: 20,
      burst: 1,
      now: clock.now,
      sleep: clock.sleep,
    });
    const c = client({ governor });
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => c.call('GetUser', { InstanceId: 'idaas_x', UserId: `user_${i}` })),
    );
    expect(server.requests).toHaveLength(5);
    expect(clock.slept).toEqual([50, 100, 150, 200]);
  });

  it('slows the shared rate when the service throttles, and the retried call succeeds', async () => {
    const clock = manualClock();
    const governor = new RateGovernor({ requestsPerSecond: 50, now: clock.now, sleep: clock.sleep });
    let n = 0;
    handler = (_r, res) =>
      ++n === 1
        ? sendJson(res, 400, { Code: 'Throttling.User', Message: 'slow down' })
        : sendJson(res, 200, { RequestId: 'ok' });
    const c = client({ governor });
    await expect(c.call('GetUser', { InstanceId: 'idaas_x', UserId: 'user_1' })).resolves.toMatchObject({
      RequestId: 'ok',
    });
    expect(server.requests).toHaveLength(2);
    expect(governor.currentRate).toBe(25);
  });
});

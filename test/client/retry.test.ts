import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  EiamApiError,
  EiamTransportError,
  isAmbiguous,
  isIdempotentAction,
  isNeverExecuted,
  isNotFound,
  isRetryable,
  isThrottling,
  OPERATION_RETRY_RULES,
  resolveRetryPolicy,
  retryRuleOf,
  shouldRetry,
  withRetry,
  wrapTransportError,
} from '../../src/client';
import { OPERATIONS, type OperationName } from '../../src/catalog';

const apiError = (code: string, httpStatus = 400) =>
  new EiamApiError({ action: 'GetUser', code, message: 'm', httpStatus });
const netError = (code: string) =>
  wrapTransportError(Object.assign(new Error(code), { code }), 'GetUser', 'https://e');

describe('error classification', () => {
  it.each([
    ['EntityNotExists.User', 400, true],
    ['EntityNotExist.Group', 400, true],
    ['InvalidInstanceId.NotFound', 400, true],
    ['Whatever', 404, true],
    ['EntityAlreadyExists.User', 409, false],
  ])('isNotFound(%s, %i) = %s', (code, status, expected) => {
    expect(isNotFound(apiError(code, status))).toBe(expected);
  });

  it('recognises throttling, server faults and network failures as retryable', () => {
    expect(isThrottling(apiError('Throttling.User'))).toBe(true);
    expect(isThrottling(apiError('Other', 429))).toBe(true);
    for (const e of [
      apiError('Throttling'),
      apiError('Anything', 502),
      apiError('ServiceUnavailable', 400),
      apiError('InternalError', 400),
      netError('ECONNRESET'),
      netError('ECONNREFUSED'),
      netError('ETIMEDOUT'),
      netError('EPIPE'),
      netError('EAI_AGAIN'),
      wrapTransportError(new Error('aborted'), 'A', 'https://e', 100),
    ]) {
      expect({ e: e.message, retryable: isRetryable(e) }).toEqual({ e: e.message, retryable: true });
    }
    for (const e of [
      apiError('InvalidParameter'),
      apiError('Forbidden', 403),
      netError('ENOTFOUND'),
      new Error('x'),
    ]) {
      expect(isRetryable(e)).toBe(false);
    }
  });

  it('knows which failures prove the request never ran', () => {
    expect(isNeverExecuted(apiError('Throttling.Api'))).toBe(true);
    expect(isNeverExecuted(netError('ECONNREFUSED'))).toBe(true);
    expect(isNeverExecuted(netError('ECONNRESET'))).toBe(false);
    expect(isNeverExecuted(apiError('InternalError', 500))).toBe(false);
  });

  it('wraps a timeout with the endpoint and action', () => {
    const e = wrapTransportError(new Error('canceled'), 'ListUsers', 'http://127.0.0.1:1', 250);
    expect(e).toBeInstanceOf(EiamTransportError);
    expect(e.message).toBe(
      'EIAM ListUsers request to http://127.0.0.1:1 failed: no response within 250 ms (ETIMEDOUT)',
    );
  });
});

describe('retry rules per operation', () => {
  it('has one rule for every catalog operation, creates without a ClientToken marked once', () => {
    expect(Object.keys(OPERATION_RETRY_RULES).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const action of Object.keys(OPERATIONS) as OperationName[]) {
      const takesToken = OPERATIONS[action].request.some((p) => p.name === 'ClientToken');
      const rule = OPERATION_RETRY_RULES[action];
      if (takesToken) expect({ action, repeat: rule.repeat }).toEqual({ action, repeat: 'token' });
      if (/^(Get|List|Obtain)/.test(action))
        expect({ action, repeat: rule.repeat }).toEqual({ action, repeat: 'read' });
      if (/^Create/.test(action) && !takesToken) {
        expect({ action, repeat: rule.repeat, adopt: typeof rule.adoptBy }).toEqual({
          action,
          repeat: 'once',
          adopt: 'string',
        });
      }
    }
  });

  it('treats members, authorizations, settings and state switches as idempotent', () => {
    for (const a of [
      'GetUser',
      'DeleteUser',
      'AddUsersToGroup',
      'AuthorizeApplicationToGroups',
      'SetPasswordComplexityConfiguration',
      'UpdateUser',
      'EnableUser',
      'DisableApplication',
      'UnlockUser',
    ]) {
      expect({ a, idempotent: isIdempotentAction(a) }).toEqual({ a, idempotent: true });
    }
    for (const a of [
      'CreateGroup',
      'CreateOrganizationalUnit',
      'CreateApplication',
      'UpdateUserPassword',
      'NoSuchAction',
    ]) {
      expect({ a, idempotent: isIdempotentAction(a) }).toEqual({ a, idempotent: false });
    }
    expect(retryRuleOf('NoSuchAction')).toEqual({ repeat: 'once' });
  });

  it('retries 5xx and dropped connections only where a repeat is safe, throttling everywhere', () => {
    const fault = apiError('InternalError', 500);
    const dropped = netError('ECONNRESET');
    expect(shouldRetry(fault, 'GetUser', false)).toBe(true);
    expect(shouldRetry(dropped, 'ListUsers', false)).toBe(true);
    expect(shouldRetry(fault, 'AddUsersToGroup', false)).toBe(true);
    expect(shouldRetry(dropped, 'AuthorizeApplicationToUsers', false)).toBe(true);
    expect(shouldRetry(fault, 'DeleteUser', false)).toBe(true);
    expect(shouldRetry(fault, 'CreateGroup', false)).toBe(false);
    expect(shouldRetry(dropped, 'CreateOrganizationalUnit', false)).toBe(false);
    expect(shouldRetry(fault, 'CreateUser', true)).toBe(true);
    expect(shouldRetry(apiError('Throttling.User'), 'CreateGroup', false)).toBe(true);
    expect(shouldRetry(netError('ECONNREFUSED'), 'CreateApplication', false)).toBe(true);
    expect(shouldRetry(apiError('InvalidParameter'), 'GetUser', false)).toBe(false);
  });

  it('calls a failure ambiguous when the service may have acted on it', () => {
    expect(isAmbiguous(apiError('InternalError', 500))).toBe(true);
    expect(isAmbiguous(netError('ECONNRESET'))).toBe(true);
    expect(isAmbiguous(apiError('Throttling.User'))).toBe(false);
    expect(isAmbiguous(netError('ECONNREFUSED'))).toBe(false);
    expect(isAmbiguous(apiError('EntityAlreadyExists.Group.GroupName', 409))).toBe(false);
  });
});

describe('default policy', () => {
  it('rides out a burst of throttling: ten attempts within the time budget (fake clock)', async () => {
    let clock = 0;
    let calls = 0;
    const outcome = await withRetry(
      async () => {
        clock += 20;
        if (++calls < 10) throw apiError('Throttling.User');
        return 'ok';
      },
      {
        policy: resolveRetryPolicy(),
        canRetry: (e) => shouldRetry(e, 'CreateGroup', false),
        random: () => 0.999,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      },
    );
    expect(outcome).toEqual({ ok: true, value: 'ok', attempts: 10 });
    // Even at the largest jitter the whole burst stays inside the 60 s budget.
    expect(clock).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxElapsedMs);
    expect(clock).toBeGreaterThan(10_000);
  });
});

describe('backoff', () => {
  it('draws full jitter under an exponentially growing, capped ceiling', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(resolveRetryPolicy({ maxAttempts: 0, baseDelayMs: undefined })).toMatchObject({
      maxAttempts: 1,
      baseDelayMs: 200,
    });
  });

  it('sleeps the drawn delays and stops at maxAttempts', async () => {
    const slept: number[] = [];
    let calls = 0;
    const outcome = await withRetry(
      async () => {
        calls++;
        throw apiError('Throttling');
      },
      {
        policy: resolveRetryPolicy({ maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 1000 }),
        canRetry: isRetryable,
        random: () => 0.5,
        sleep: async (ms) => {
          slept.push(ms);
        },
      },
    );
    expect(outcome).toMatchObject({ ok: false, attempts: 4 });
    expect(calls).toBe(4);
    expect(slept).toEqual([5, 10, 20]);
  });

  it('stops when the next delay would overrun maxElapsedMs (fake clock)', async () => {
    let clock = 0;
    const outcome = await withRetry(
      async () => {
        clock += 1000;
        throw apiError('InternalError', 500);
      },
      {
        policy: resolveRetryPolicy({
          maxAttempts: 50,
          baseDelayMs: 4000,
          maxDelayMs: 4000,
          maxElapsedMs: 10_000,
        }),
        canRetry: isRetryable,
        random: () => 0.5,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      },
    );
    // 1s per attempt, 2s per sleep: attempts start at 0s, 3s, 6s, 9s; a fifth would start at 12s.
    expect(outcome).toMatchObject({ ok: false, attempts: 4 });
  });

  it('returns the value and attempt count on success', async () => {
    let n = 0;
    const outcome = await withRetry(async () => (++n < 3 ? Promise.reject(apiError('Throttling')) : 'done'), {
      policy: resolveRetryPolicy(),
      canRetry: isRetryable,
      sleep: async () => undefined,
    });
    expect(outcome).toEqual({ ok: true, value: 'done', attempts: 3 });
  });
});

/**
 * Every operation of the catalog (the seed list, the extras and each new family) against a
 * real local server over HTTP, through four clients: the project's `EiamClient` and Alibaba's
 * generic `@alicloud/openapi-client` (`callApi`, style RPC), each with signature V3 and with the
 * classic RPC signature. Each call gets fresh prerequisites, must succeed, must be parsed by the
 * client into a JSON object with a `RequestId` that matches the catalog's response shape, and
 * must have the effect its name promises (read back through the project's client). A few error
 * replies are checked through both clients too.
 */
import { OPERATIONS, type OperationName } from '../../src/catalog';
import { EiamApiError, EiamRequestValidationError } from '../../src/client';
import { startLocalServer, type LocalServer } from '../../src/local-server';
import { assertMatchesResponseSpec } from '../helpers/shape';
import { SCENARIOS, type Scenario } from './support/operation-scenarios';
import { RequestRecorder, signatureSchemeOf } from './support/request-recorder';
import { Setup, type InstanceFixture } from './support/setup';
import { WIRE_COMBOS, type WireClient, type WireCombo } from './support/wire-clients';

// Every selection group of the catalog (the seed list, the extras and each family), in its order.
const ALL_OPERATIONS: readonly OperationName[] = Object.keys(OPERATIONS) as OperationName[];

/** Fields of every error body the server sends. */
const ERROR_FIELDS = ['Code', 'HostId', 'Message', 'Recommend', 'RequestId'];

/** Awaits `call` and returns what it rejected with (fails when it resolves). */
async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (err) {
    return err;
  }
  throw new Error('the call succeeded, but an error was expected');
}

/**
 * Asserts that a call made through `combo` failed over HTTP with `code` and `status`, and that
 * the client surfaced the whole error body.
 */
function expectWireError(combo: WireCombo, err: unknown, code: string, status: number): void {
  if (combo.library === 'own') {
    expect(err).toBeInstanceOf(EiamApiError);
    expect(err).toMatchObject({
      code,
      httpStatus: status,
      serviceMessage: expect.any(String),
      requestId: expect.any(String),
      hostId: expect.any(String),
      recommend: expect.any(String),
    });
    return;
  }
  // The official SDK throws a ResponseError: `code`, `statusCode`, and `data` (the parsed body,
  // to which it adds `statusCode`).
  expect(err).toMatchObject({ code, statusCode: status });
  const data = (err as { data: Record<string, unknown> }).data;
  expect(Object.keys(data).sort()).toEqual([...ERROR_FIELDS, 'statusCode'].sort());
  expect(data).toMatchObject({
    Code: code,
    statusCode: status,
    Message: expect.any(String),
    RequestId: expect.any(String),
    HostId: expect.any(String),
    Recommend: expect.any(String),
  });
}

describe('every EIAM operation over real HTTP', () => {
  let server: LocalServer;
  let setup: Setup;
  let recorder: RequestRecorder;

  beforeAll(async () => {
    server = await startLocalServer({ port: 0, log: false, instanceCreationDelayMs: 0, seed: 'over-http' });
    setup = new Setup(server);
    recorder = new RequestRecorder(server.port);
    recorder.start();
  });
  afterAll(async () => {
    recorder?.stop();
    setup?.close();
    await server?.stop();
  });

  it('has exactly one scenario per catalog operation', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...ALL_OPERATIONS].sort());
    // Every operation the catalog describes, counted from the catalog itself.
    expect(ALL_OPERATIONS).toHaveLength(Object.keys(OPERATIONS).length);
  });

  describe.each(WIRE_COMBOS)('through the $name', (combo) => {
    let client: WireClient;
    beforeAll(() => {
      client = combo.connect(server);
    });
    afterAll(() => client.close());

    it.each(ALL_OPERATIONS)('%s succeeds, parses and takes effect', async (op) => {
      const prepared = await (SCENARIOS[op] as Scenario<OperationName>)(setup);
      server.resetCounters();
      recorder.take();

      const reply = await client.call(op, prepared.request as Record<string, unknown>);

      // Exactly one request went out, signed as the combination says, and it succeeded.
      expect(recorder.take().map(signatureSchemeOf)).toEqual([combo.signature]);
      expect(server.counters()[op]).toEqual({ calls: 1, errors: {}, dropped: 0 });
      if (reply.status !== undefined) expect(reply.status).toBe(200);
      expect(reply.body).toBeInstanceOf(Object);
      expect(Array.isArray(reply.body)).toBe(false);
      expect(reply.body.RequestId).toEqual(expect.any(String));
      if (reply.requestIdHeader !== undefined) expect(reply.requestIdHeader).toBe(reply.body.RequestId);
      assertMatchesResponseSpec(op, reply.body);
      await prepared.verify(reply.body as never);
    });

    describe('errors', () => {
      let inst: InstanceFixture;
      beforeAll(async () => {
        inst = await setup.instance();
      });

      it('an unknown entity is EntityNotExists.User with HTTP 404 and the full error body', async () => {
        const err = await rejectionOf(
          client.call('GetUser', { InstanceId: inst.instanceId, UserId: 'user_doesnotexist' }),
        );
        expectWireError(combo, err, 'EntityNotExists.User', 404);
      });

      it('an unknown instance is EntityNotExists.Instance with HTTP 404', async () => {
        const err = await rejectionOf(client.call('GetInstance', { InstanceId: 'idaas_doesnotexist' }));
        expectWireError(combo, err, 'EntityNotExists.Instance', 404);
      });

      it('a parameter a business rule requires is Missing* from the model', async () => {
        const err = await rejectionOf(
          client.call('CreateUser', {
            InstanceId: inst.instanceId,
            PrimaryOrganizationalUnitId: inst.rootOuId,
            Username: setup.unique('no-verified-flag'),
            Email: 'someone@example.com',
          }),
        );
        expectWireError(combo, err, 'MissingEmailVerified', 400);
      });

      it('a missing mandatory parameter is refused', async () => {
        server.resetCounters();
        const err = await rejectionOf(client.call('GetUser', { InstanceId: inst.instanceId }));
        if (combo.library === 'own') {
          // The project's client checks mandatory parameters before sending anything.
          expect(err).toBeInstanceOf(EiamRequestValidationError);
          expect(err).toMatchObject({ action: 'GetUser', missing: ['UserId'] });
          expect(server.counters()).toEqual({});
        } else {
          expectWireError(combo, err, 'MissingUserId', 400);
        }
      });

      it('an unknown action is refused', async () => {
        server.resetCounters();
        const err = await rejectionOf(client.call('DescribeNothing', {}));
        if (combo.library === 'own') {
          // The project's client only calls catalog operations: it refuses before sending.
          expect(err).toBeInstanceOf(Error);
          expect((err as Error).message).toBe('Unknown EIAM operation: DescribeNothing');
          expect(server.counters()).toEqual({});
        } else {
          expectWireError(combo, err, 'InvalidAction.NotFound', 404);
        }
      });
    });
  });
});

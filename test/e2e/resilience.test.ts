/**
 * Convergence under faults with the real engine: the resilience directory (about fifty objects)
 * against a local server that throttles 20% of the calls, answers 5% with a 5xx and drops 2% of
 * the connections, for several fault seeds. The FIRST `pulumi up` must succeed, and the server
 * must then hold exactly the declared objects (no duplicate, no orphan); a second `up` changes
 * nothing.
 */
import { EiamClient } from '../../src/client';
import { inventoryOf, resilienceSpec } from './resilience-spec';
import {
  createProgram,
  log,
  prepareToolchain,
  SETUP_TIMEOUT_MS,
  specProgramFiles,
  Stack,
  startServer,
  STEP_TIMEOUT_MS,
  type Program,
  type Toolchain,
} from './harness';

/** Fault seeds; each is one fresh server and stack. Kept to two so the suite stays lean. */
const SEEDS = [11, 23];
const FAULTS = { throttleRate: 0.2, errorRate: 0.05, dropRate: 0.02 };

let tc: Toolchain;
let program: Program;

beforeAll(async () => {
  tc = await prepareToolchain();
  program = await createProgram(tc, 'resilience', specProgramFiles());
}, SETUP_TIMEOUT_MS);
afterAll(() => program?.remove());

describe.each(SEEDS)('under 20%% throttling, 5%% 5xx and 2%% dropped connections (seed %i)', (seed) => {
  test(
    'the first pulumi up converges and the server holds exactly the declared objects',
    async () => {
      const fx = await startServer({ faults: { ...FAULTS, seed } });
      // Reads of the inspection client are retried like the provider's (same default policy).
      const inspector = new EiamClient({
        endpoint: fx.server.endpoint,
        region: 'cn-hangzhou',
        accessKeyId: fx.server.accessKeyId,
        accessKeySecret: fx.server.accessKeySecret,
        retry: { baseDelayMs: 5, maxDelayMs: 50 },
      });
      const stack = await Stack.init(tc, program, `faults-${seed}`);
      try {
        await stack.configureProvider(fx.server);
        const { spec, expected } = resilienceSpec();
        stack.writeSpec(spec);
        const up = await stack.run(['up', '--yes']);
        const faulted = Object.values(fx.server.counters()).reduce((n, c) => n + c.calls, 0);
        log(`seed ${seed}: first up exit ${up.code} in ${up.ms} ms, ${faulted} calls answered by the server`);
        expect({ exit: up.code, output: up.code === 0 ? '' : up.output.slice(-4000) }).toEqual({
          exit: 0,
          output: '',
        });
        const { instanceId } = (await stack.outputs()) as { instanceId: string };
        const instances = await inspector.listAll('ListInstances', {});
        expect(instances.map((i) => i.InstanceId)).toEqual([instanceId]);
        expect(await inventoryOf(inspector, instanceId)).toEqual(expected);
        const again = await stack.run(['preview', '--expect-no-changes']);
        expect({ exit: again.code, output: again.code === 0 ? '' : again.output.slice(-4000) }).toEqual({
          exit: 0,
          output: '',
        });
      } finally {
        inspector.close();
        await stack.remove().catch(() => undefined);
        await fx.stop();
      }
    },
    STEP_TIMEOUT_MS * 2,
  );
});

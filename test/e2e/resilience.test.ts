/**
 * The resilience directory (about fifty objects) with the real engine, in three kinds of trouble;
 * each time the server must end holding exactly the declared objects (no duplicate, no orphan):
 *
 * - faults: a server that throttles 20% of the calls, answers 5% with a 5xx and drops 2% of the
 *   connections (several seeds): the FIRST `pulumi up` succeeds, and a preview then shows nothing
 *   to do;
 * - lost answers: a loopback proxy drops the answer of one write in three after the server
 *   applied it: `pulumi up` converges;
 * - crashes: the whole `pulumi up` process group is killed with SIGKILL after a given number of
 *   writes; the documented recovery (`pulumi cancel` if locked, `EIAM_ADOPT_EXISTING=1 pulumi up`,
 *   `pulumi refresh --clear-pending-creates`) converges.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as toolchain from '../../scripts/lib/toolchain';
import { EiamClient } from '../../src/client';
import type { LocalServer } from '../../src/local-server';
import { startLostAnswerProxy } from '../helpers/lost-answer-proxy';
import { inventoryOf, resilienceSpec } from './resilience-spec';
import {
  createProgram,
  killProcessesUnder,
  log,
  prepareToolchain,
  PROJECT,
  SETUP_TIMEOUT_MS,
  specProgramFiles,
  Stack,
  startServer,
  STEP_TIMEOUT_MS,
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';

/** Fault seeds; each is one fresh server and stack. Kept to two so the suite stays lean. */
const SEEDS = [11, 23];
const FAULTS = { throttleRate: 0.2, errorRate: 0.05, dropRate: 0.02 };

let tc: Toolchain;
let program: Program;

/** A client for inspecting `server`, retrying reads as the provider does. */
function inspectorOf(server: LocalServer): EiamClient {
  return new EiamClient({
    endpoint: server.endpoint,
    region: 'cn-hangzhou',
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
  });
}

/** Writes the server answered so far (every action but Get/List/Obtain). */
function writesOf(fx: ServerFixture): number {
  return Object.entries(fx.server.counters())
    .filter(([action]) => !/^(Get|List|Obtain)/.test(action))
    .reduce((n, [, c]) => n + c.calls, 0);
}

/** Expects the server to hold exactly the declared directory of `stack`, and one instance. */
async function expectExactlyDeclared(fx: ServerFixture, stack: Stack): Promise<void> {
  const inspector = inspectorOf(fx.server);
  try {
    const { instanceId } = (await stack.outputs()) as { instanceId: string };
    const instances = await inspector.listAll('ListInstances', {});
    expect(instances.map((i) => i.InstanceId)).toEqual([instanceId]);
    expect(await inventoryOf(inspector, instanceId)).toEqual(resilienceSpec().expected);
  } finally {
    inspector.close();
  }
}

/**
 * Points `stack` at `endpoint` with one config call; the key pair comes from the environment
 * fallback (fewer pulumi commands per scenario keep the suite lean).
 */
async function configureLean(stack: Stack, server: LocalServer, endpoint = server.endpoint): Promise<void> {
  stack.extraEnv = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: server.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: server.accessKeySecret,
  };
  await stack.setConfig('eiam:endpoint', endpoint);
}

function exitAndTail(res: { code: number; output: string }): { exit: number; output: string } {
  return { exit: res.code, output: res.code === 0 ? '' : res.output.slice(-4000) };
}

beforeAll(async () => {
  tc = await prepareToolchain();
  program = await createProgram(tc, 'resilience', specProgramFiles());
}, SETUP_TIMEOUT_MS);
afterAll(() => {
  // The kills below leave the dead engine's provider processes behind; end them with the program.
  if (program) killProcessesUnder(program.root);
  program?.remove();
});

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
        await configureLean(stack, fx.server);
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

describe('answers lost after the server applied the write', () => {
  test(
    'the first answer of every create and one write answer in three lost: pulumi up converges, exactly the declared objects remain',
    async () => {
      const fx = await startServer();
      // The first answer of every kind of create is lost, and then one write answer in three.
      let writes = 0;
      const firstCreates = new Set<string>();
      const proxy = await startLostAnswerProxy(fx.server.endpoint, (action) => {
        if (/^(Get|List|Obtain)/.test(action)) return false;
        if (action.startsWith('Create') && !firstCreates.has(action)) {
          firstCreates.add(action);
          return true;
        }
        return ++writes % 3 === 0;
      });
      const stack = await Stack.init(tc, program, 'lost-answers');
      try {
        await configureLean(stack, fx.server, proxy.endpoint);
        stack.writeSpec(resilienceSpec().spec);
        const up = await stack.run(['up', '--yes', '--skip-preview']);
        log(
          `lost answers: up exit ${up.code} in ${up.ms} ms, ${proxy.lost.length} answers lost (${[...new Set(proxy.lost)].join(', ')})`,
        );
        expect(proxy.lost.length).toBeGreaterThan(10);
        expect([...new Set(proxy.lost.filter((a) => a.startsWith('Create')))].sort()).toEqual([
          'CreateApplication',
          'CreateApplicationClientSecret',
          'CreateGroup',
          'CreateInstance',
          'CreateOrganizationalUnit',
          'CreateUser',
        ]);
        expect(exitAndTail(up)).toEqual({ exit: 0, output: '' });
        await expectExactlyDeclared(fx, stack);
        proxy.setLose(() => false);
        expect(exitAndTail(await stack.run(['preview', '--expect-no-changes']))).toEqual({
          exit: 0,
          output: '',
        });
      } finally {
        await stack.remove().catch(() => undefined);
        await proxy.stop();
        await fx.stop();
      }
    },
    STEP_TIMEOUT_MS * 2,
  );
});

/** Kill points: after this many writes the whole `pulumi up` process group gets SIGKILL. */
const KILL_AFTER_WRITES = [1, 5, 30];

describe('the engine killed during pulumi up', () => {
  test.each(KILL_AFTER_WRITES)(
    'after %i writes: the documented recovery converges with no orphan and no duplicate',
    async (killAt) => {
      const fx = await startServer({ latencyMs: 10 });
      const stack = await Stack.init(tc, program, `crash-${killAt}`);
      try {
        await configureLean(stack, fx.server);
        stack.writeSpec(resilienceSpec().spec);
        const running = stack.run(['up', '--yes', '--skip-preview']);
        let killed = false;
        const watcher = setInterval(() => {
          if (!killed && writesOf(fx) >= killAt) {
            killed = true;
            toolchain.killChildren('SIGKILL');
          }
        }, 5);
        const first = await running.finally(() => clearInterval(watcher));
        expect({ killed, code: first.code === 0 ? 0 : 'failed' }).toEqual({ killed: true, code: 'failed' });
        const writesAtKill = writesOf(fx);

        // The recovery the README documents: `pulumi up`; `pulumi cancel` first if the stack is
        // locked; the backend's copies if the kill cut off one of its files.
        const steps: string[] = [];
        let up = await stack.run(['up', '--yes', '--skip-preview']);
        for (let round = 0; round < 3 && up.code !== 0; round++) {
          if (/currently locked/.test(up.output)) {
            steps.push('cancel');
            expect(exitAndTail(await stack.run(['cancel', '--yes']))).toEqual({ exit: 0, output: '' });
          } else if (/failed to load checkpoint/.test(up.output)) {
            // The kill cut off a file of the file backend: the state file's metadata sidecar
            // (`.attrs`) or the state file itself (`pulumi stack import` cannot help: it loads
            // the broken files first). The backend's copies from just before are put back.
            const file = path.join(stack.backendDir, '.pulumi', 'stacks', PROJECT, `${stack.name}.json`);
            for (const [broken, copy] of [
              [`${file}.attrs`, `${file}.bak.attrs`],
              [file, `${file}.bak`],
            ]) {
              if (fs.existsSync(broken) && fs.statSync(broken).size === 0 && fs.existsSync(copy)) {
                steps.push(`${path.basename(broken)} restored from ${path.basename(copy)}`);
                fs.copyFileSync(copy, broken);
              }
            }
          } else {
            break;
          }
          up = await stack.run(['up', '--yes', '--skip-preview']);
        }
        const plain =
          up.code === 0
            ? 'converged'
            : /EIAM_ADOPT_EXISTING=1 pulumi up/.test(up.output)
              ? 'named the command'
              : 'failed';
        if (up.code !== 0) {
          expect({ plain, output: plain === 'failed' ? up.output.slice(-4000) : '' }).toEqual({
            plain: 'named the command',
            output: '',
          });
          const env = stack.extraEnv;
          stack.extraEnv = { ...env, EIAM_ADOPT_EXISTING: '1' };
          up = await stack.run(['up', '--yes', '--skip-preview']);
          stack.extraEnv = env;
        }
        log(
          `crash after ${killAt} writes (${writesAtKill} at the kill): ${[...steps, `up ${plain}`].join(', ')}; ` +
            `in the end exit ${up.code}`,
        );
        expect(exitAndTail(up)).toEqual({ exit: 0, output: '' });
        const pending =
          (JSON.parse(await stack.exportText()) as { deployment?: { pending_operations?: unknown[] } })
            .deployment?.pending_operations?.length ?? 0;
        log(
          `crash after ${killAt} writes: ${pending} pending operation(s) left in the state until the refresh`,
        );
        expect(exitAndTail(await stack.run(['refresh', '--yes', '--clear-pending-creates']))).toEqual({
          exit: 0,
          output: '',
        });
        await expectExactlyDeclared(fx, stack);
      } finally {
        await stack.remove().catch(() => undefined);
        await fx.stop();
      }
    },
    STEP_TIMEOUT_MS * 3,
  );
});

/**
 * The state journal against every operation: each operation's scenario (the one the over-HTTP
 * test runs) is made against a server on a data directory that never compacts, so everything it
 * changed is only in the journal; a restart must rebuild exactly the same state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATIONS, type OperationName } from '../../../src/catalog';
import { EiamService } from '../../../src/local-server/model/service';
import { createInstance } from '../../../src/local-server/model/instances';
import { ENTITY_COLLECTIONS } from '../../../src/local-server/store/journal';
import { SCENARIOS, type Scenario } from '../support/operation-scenarios';
import { Setup } from '../support/setup';
import { startTestServer, stopTestServers } from '../http/support';

describe('the state journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eiam-journal-'));
  });
  afterEach(async () => {
    await stopTestServers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds the state every operation left, snapshot for snapshot', async () => {
    const options = { dataDir: dir, compactEvery: 100_000, seed: 'journal' };
    const first = await startTestServer(options);
    const setup = new Setup(first);
    for (const op of Object.keys(OPERATIONS) as OperationName[]) {
      const prepared = await (SCENARIOS[op] as Scenario<OperationName>)(setup);
      await setup.client.call(op, prepared.request as Record<string, unknown>);
    }
    // A write that fails is journaled too when it changed anything.
    const refused = setup.client.call('CreateGroup', { InstanceId: 'idaas_none', GroupName: 'g' });
    await expect(refused).rejects.toThrow(/EntityNotExists/);
    const before = first.snapshot();
    await first.stop();

    const second = await startTestServer(options);
    expect(second.recovery.applied).toBeGreaterThan(Object.keys(OPERATIONS).length);
    expect(second.snapshot()).toEqual(before);
  }, 30_000); // every operation's scenario, each write synced to disk

  it('journals every entity map of an instance entity by entity', () => {
    // A map left out would still be journaled, but whole, as one of the instance's own fields.
    const inst = createInstance(new EiamService({ seed: 1 }), {});
    const maps = Object.entries(inst)
      .filter(([key, value]) => value instanceof Map && key !== 'index')
      .map(([key]) => key);
    expect(maps.sort()).toEqual([...ENTITY_COLLECTIONS].sort());
  });
});

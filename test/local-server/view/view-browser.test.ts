/**
 * The directory view page in headless Chromium (Debian's `chromium`, driven by playwright-core):
 * it renders the unit tree, the accounts, groups, applications and the request log from a real
 * server, and a screenshot of the tree grows by a row when a unit is added.
 *
 * Set EIAM_KEEP_SCREENSHOTS=1 to keep the screenshots (their directory is printed).
 *
 * Needs /usr/bin/chromium (`.ci/run` installs it). Without it the suite is skipped on a
 * developer's machine and fails in CI.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EiamClient } from '../../../src/client';
import type { LocalServer } from '../../../src/local-server';
import { startTestServer, stopTestServers } from '../http/support';
import { makeSampleDirectory, type SampleDirectory } from './sample-directory';

const CHROMIUM = process.env.EIAM_CHROMIUM ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install chromium`);
}
const suite = available ? describe : describe.skip;
if (!available)
  process.stderr.write(`view-browser.test: skipped, no ${CHROMIUM} (apt-get install chromium)\n`);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

suite('directory view in Chromium', () => {
  let server: LocalServer;
  let sample: SampleDirectory;
  let browser: Browser;
  let page: Page;
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-view-'));

  beforeAll(async () => {
    server = await startTestServer();
    sample = await makeSampleDirectory(server);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The page must load nothing from anywhere else.
    await page.route(
      (url) => !url.href.startsWith(server.endpoint),
      (route) => route.abort(),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopTestServers();
    // EIAM_KEEP_SCREENSHOTS=1 keeps them to look at.
    if (!process.env.EIAM_KEEP_SCREENSHOTS) fs.rmSync(shots, { recursive: true, force: true });
  });

  async function open(): Promise<void> {
    await page.goto(server.viewUrl);
    await page.waitForSelector('body[data-loaded="true"]');
  }

  test('renders the unit tree, accounts, groups, applications and requests', async () => {
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.endpoint)) outside.push(r.url());
    });
    await open();
    const section = page.locator(`section[data-instance-id="${sample.instanceId}"]`);
    // Platform is nested inside Engineering, which hangs off the root.
    const platform = section.locator(
      `li[data-unit-id="${sample.units.engineering}"] > ul > li[data-unit-id="${sample.units.platform}"]`,
    );
    await expect(platform.locator('.unit').textContent()).resolves.toBe('Platform');
    const engineeringBox = await section
      .locator(`li[data-unit-id="${sample.units.engineering}"] > .unit`)
      .boundingBox();
    const platformBox = await platform.locator('> .unit').boundingBox();
    expect(platformBox!.x).toBeGreaterThan(engineeringBox!.x + 8);

    await expect(
      section.locator(`tr[data-user-id="${sample.users.alice}"] td`).first().textContent(),
    ).resolves.toBe('alice');
    await expect(section.locator(`tr[data-group-id="${sample.groupId}"]`).textContent()).resolves.toContain(
      'alice, bob',
    );
    const dashboard = section.locator(`[data-application-id="${sample.oidcApplicationId}"]`);
    await expect(dashboard.textContent()).resolves.toContain('https://dashboard.example.com/callback');
    await expect(dashboard.textContent()).resolves.toContain('groups');
    await expect(page.locator('#requests').textContent()).resolves.toContain('CreateApplicationClientSecret');
    const text = (await page.locator('body').textContent()) ?? '';
    for (const secret of sample.secrets) expect(text).not.toContain(secret);
    expect(outside).toEqual([]);

    await page.screenshot({ path: path.join(shots, 'view.png'), fullPage: true });
    if (process.env.EIAM_KEEP_SCREENSHOTS) {
      process.stderr.write(`view-browser.test: screenshots in ${shots}\n`);
    }
  }, 60_000);

  test('a screenshot of the tree grows by one row when a unit is added', async () => {
    await open();
    const tree = page.locator(`section[data-instance-id="${sample.instanceId}"] ul.tree`);
    const before = pngSize(await tree.screenshot({ path: path.join(shots, 'tree-before.png') }));
    expect(before.height).toBeGreaterThan(3 * 12); // root + three units, one line each

    const client = new EiamClient({
      endpoint: server.endpoint,
      accessKeyId: server.accessKeyId,
      accessKeySecret: server.accessKeySecret,
      region: 'cn-hangzhou',
    });
    try {
      await client.call('CreateOrganizationalUnit', {
        InstanceId: sample.instanceId,
        OrganizationalUnitName: 'Support',
        ParentId: sample.units.sales,
      });
    } finally {
      client.close();
    }
    await open();
    await expect(tree.textContent()).resolves.toContain('Support');
    const after = pngSize(await tree.screenshot({ path: path.join(shots, 'tree-after.png') }));
    const row = (before.height / 4) | 0;
    expect(after.height - before.height).toBeGreaterThanOrEqual(row - 4);
    expect(after.height - before.height).toBeLessThanOrEqual(row + 4);
  }, 60_000);
});

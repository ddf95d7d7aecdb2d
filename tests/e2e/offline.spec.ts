// offline.spec.ts — the offline cache (web/src/offline/, dist/sw.js): after one visit every page
// and widget works with the network gone, from a sub-path; a new build on the same origin is
// announced on the open page, and "Reload to update" loads it (no learner stuck on an old version).
// Served by tests/e2e/static-server.mjs from copies of dist/, so the test can swap in a new build.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sitePort } from './helpers';
// @ts-expect-error a plain .mjs module without types
import { serveStatic } from './static-server.mjs';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial' });

const dist = path.resolve(__dirname, '../../dist');
const port = sitePort + 2;
const prefix = '/school/lab/';
const root = `http://localhost:${port}${prefix}`;
let server: { setRoot(folder: string): void; close(): Promise<void> };
let work: string;

/** Every page of the built site (the plain embedding demo aside). */
const pages = [...readdirSync(dist).filter((f) => f.endsWith('.html') && f !== 'embed-demo.html'),
  ...readdirSync(path.join(dist, 'embed')).map((f) => `embed/${f}`)];

/** A copy of dist/ as a different build: its worker's version and the home page's text changed. */
function newBuild(folder: string): void {
  cpSync(dist, folder, { recursive: true });
  const sw = path.join(folder, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/"version":"([0-9a-f]+)"/, '"version":"0000000000000000"'));
  const home = path.join(folder, 'index.html');
  writeFileSync(home, readFileSync(home, 'utf8').replace('</head>', '<meta name="build" content="next">\n</head>'));
}

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'actlab-offline-'));
  cpSync(dist, path.join(work, 'a'), { recursive: true });
  newBuild(path.join(work, 'b'));
  server = await serveStatic({ root: path.join(work, 'a'), port, prefix });
});

test.afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

async function cachedSite(page: Page): Promise<void> {
  await page.goto(`${root}index.html`);
  await expect(page.locator('#offline-status')).toHaveText('Available offline.', { timeout: 20_000 });
}

test('after one visit, every page and widget opens offline and the playground trains', async ({ page, context }) => {
  test.setTimeout(120_000);
  await cachedSite(page);
  await context.setOffline(true);
  for (const file of pages) {
    await page.goto(`${root}${file}?seed=3`);
    const status = page.locator('#status');
    await expect(status, file).toHaveText(file === 'index.html' ? /Engine loaded: \d+ activations/ : 'Ready.', { timeout: 20_000 });
    await expect(page.locator('#error'), file).toBeHidden();
  }
  await page.goto(`${root}playground.html`);
  await expect(page.locator('#status')).toHaveText('Ready.');
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
  // A file the site never had still fails plainly (the cache does not invent answers).
  const missing = await page.evaluate(async (u) => (await fetch(u).then((r) => r.status, () => 'offline')), `${root}nope.json`);
  expect(missing).toBe('offline');
});

test('a new build is announced on the open page and "Reload to update" loads it', async ({ page }) => {
  test.setTimeout(90_000);
  await cachedSite(page);
  await page.reload(); // now controlled by the worker
  await expect(page.locator('meta[name="build"]')).toHaveCount(0);
  server.setRoot(path.join(work, 'b'));
  await page.reload(); // the old version answers at once; the browser fetches the new sw.js beside it
  const banner = page.getByRole('status').filter({ hasText: 'A new version of the lab is ready' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('meta[name="build"]')).toHaveCount(0); // still the old page until the learner chooses
  await banner.getByRole('button', { name: 'Reload to update' }).click();
  await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'next', { timeout: 20_000 });
  await expect(page.locator('#offline-status')).toHaveText('Available offline.');
  const caches = await page.evaluate(async () => (await self.caches.keys()).filter((k) => k.startsWith('actlab-')));
  expect(caches).toEqual(['actlab-0000000000000000']);
});

test('opened from file://, a page says it must be served over http and how', async ({ page }) => {
  await page.goto(`file://${dist}/explorer.html`);
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('opened from a file');
  await expect(notice).toContainText('python3 -m http.server');
});

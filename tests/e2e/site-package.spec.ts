// site-package.spec.ts — the self-hosting package (`npm run package`, scripts/package.mjs): the zip of
// the built site, unzipped into a sub-folder of a plain static server, works from there; its README
// says how to serve it; opened from file:// a page says what to do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { sitePort, watchErrors } from './helpers';
// @ts-expect-error a plain .mjs module without types
import { serveStatic } from './static-server.mjs';

const repo = path.resolve(__dirname, '../..');
const port = sitePort + 3;
let work: string;
let folder: string;
let server: { close(): Promise<void> };

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'actlab-package-'));
  // The command `npm run package` ends with, on the dist/ the tests run against.
  const said = execFileSync('node', [path.join(repo, 'scripts/package.mjs'), 'site', work], { encoding: 'utf8' });
  const zipName = readdirSync(work).find((f) => /^activation-lab-.+\.zip$/.test(f));
  expect(zipName, said).toBeDefined();
  const zipFile = path.join(work, zipName!);
  folder = zipName!.replace(/\.zip$/, '');
  // Unzip as a teacher would, into a sub-folder of the server's web root.
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zipFile)))) {
    const target = path.join(work, 'www', 'courses', name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  server = await serveStatic({ root: path.join(work, 'www'), port });
});

test.afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

test('the unzipped package serves the lab from a sub-folder: home, a widget and an embed work', async ({ page }) => {
  const errors = watchErrors(page);
  const base = `http://localhost:${port}/courses/${folder}/`;
  await page.goto(base);
  await expect(page.locator('#status')).toHaveText(/Engine loaded: \d+ activations/);
  await page.waitForLoadState('networkidle'); // leaving mid-load would abort its font requests
  await page.goto(`${base}playground.html`);
  await expect(page.locator('#status')).toHaveText('Ready.');
  await page.getByRole('button', { name: 'Step an epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
  await page.waitForLoadState('networkidle');
  await page.goto(`${base}embed/explorer.html?fns=sigmoid,relu`);
  await expect(page.locator('#status')).toHaveText('Ready.');
  expect(errors).toEqual([]);
});

test('the package has its own README saying how to serve it, and file:// gets a plain notice', async ({ page }) => {
  const readme = readFileSync(path.join(work, 'www', 'courses', folder, 'README.md'), 'utf8');
  expect(readme).toContain(`python3 -m http.server`);
  expect(readme).toContain(folder);
  await page.goto(`file://${path.join(work, 'www', 'courses', folder, 'softmax.html')}`);
  await expect(page.getByRole('alert')).toContainText('cannot start');
});

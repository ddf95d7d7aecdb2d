// scorm.spec.ts — the SCORM 1.2 package (`node scripts/package.mjs scorm`) in a real SCORM runtime:
// scorm-again's Scorm12API (a dev dependency) plays the LMS in a host page that iframes a lesson,
// as an LMS's player does. A solved exercise sets and commits the score, status and suspend data; a
// fresh launch with that suspend data restores the solved state; an API that refuses values shows
// one notice on the lesson page while the progress stays in the browser.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { sitePort } from './helpers';
// @ts-expect-error a plain .mjs module without types
import { serveStatic } from './static-server.mjs';

const repo = path.resolve(__dirname, '../..');
const port = sitePort + 4;
const origin = `http://localhost:${port}`;
const SLUG = 'step-and-squashers';
test.setTimeout(120_000);   // lesson 2: four exercises (sigma, tanh, step, saturate)
let work: string;
let server: { close(): Promise<void> };
let manifest: string;

/** The host page an LMS would show: the runtime as window.API, the SCO in an iframe. */
const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm/scorm12.js"></script>
<script>
  const q = new URLSearchParams(location.search);
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.commits = 0;
  window.API.on('LMSCommit', () => { window.commits += 1; });
  if (q.has('suspend')) window.API.loadFromJSON({ core: { lesson_status: 'incomplete' }, suspend_data: q.get('suspend') });
  if (q.has('broken')) window.API.LMSSetValue = () => 'false';
</script></head>
<body><main><h1>Test LMS</h1>
<iframe id="sco" title="Lesson" src="scorm/lessons/${SLUG}.html" style="width: 1100px; height: 900px"></iframe>
</main></body></html>`;

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'actlab-scorm-'));
  const said = execFileSync('node', [path.join(repo, 'scripts/package.mjs'), 'scorm', work], { encoding: 'utf8' });
  const zipName = readdirSync(work).find((f) => /^activation-lab-.+-scorm12\.zip$/.test(f));
  expect(zipName, said).toBeDefined();
  const www = path.join(work, 'www');
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(path.join(work, zipName!))))) {
    const target = path.join(www, 'scorm', name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  manifest = readFileSync(path.join(www, 'scorm', 'imsmanifest.xml'), 'utf8');
  copyFileSync(path.join(repo, 'node_modules/scorm-again/dist/scorm12.js'), path.join(www, 'scorm', 'scorm12.js'));
  writeFileSync(path.join(www, 'host.html'), HOST);
  server = await serveStatic({ root: www, port });
});

test.afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const lesson = (page: Page): FrameLocator => page.frameLocator('#sco');
const exercise = (page: Page, id: string): FrameLocator => lesson(page).frameLocator(`iframe[data-src*="exercise.html?id=${id}"]`);
const cmi = (page: Page, element: string) => page.evaluate((e) => (window as unknown as { API: { LMSGetValue(e: string): string } }).API.LMSGetValue(e), element);
const commits = (page: Page) => page.evaluate(() => (window as unknown as { commits: number }).commits);

/** Solves exercise 6 (σ by hand) in its embedded iframe on the lesson page. */
async function solveSigma(page: Page): Promise<void> {
  // The lesson's iframes load lazily: bring the exercise into view first.
  await lesson(page).locator('iframe[data-src*="exercise.html?id=sigma"]').scrollIntoViewIfNeeded();
  const frame = exercise(page, 'sigma');
  const card = frame.locator('[data-exercise="sigma"]');
  await card.locator('input[data-answer="s0"]').fill('0.5');
  await card.locator('input[data-answer="s1"]').fill('0.731');
  await card.locator('input[data-answer="sm1"]').fill('1/(1+e)');
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(card).toHaveAttribute('data-solved', 'true', { timeout: 60_000 });
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('the manifest lists the lesson as a SCO with mastery 80', () => {
  expect(manifest).toContain(`href="lessons/${SLUG}.html"`);
  expect(manifest).toMatch(/<adlcp:masteryscore>80<\/adlcp:masteryscore>/);
});

test('a solved exercise sets score, status and suspend data and commits; a relaunch with the suspend data restores it', async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto(`${origin}/host.html`);
  await expect.poll(() => cmi(page, 'cmi.core.lesson_status')).toBe('incomplete');
  const before = await commits(page);
  await solveSigma(page);
  // One of lesson 2's four exercises solved: 25, below the mastery score, not all tried.
  await expect.poll(() => cmi(page, 'cmi.core.score.raw')).toBe('25');
  expect(await cmi(page, 'cmi.core.lesson_status')).toBe('incomplete');
  expect(await commits(page)).toBeGreaterThan(before);
  const suspend = await cmi(page, 'cmi.suspend_data');
  expect(suspend.length).toBeLessThanOrEqual(4096);
  const kept = JSON.parse(suspend) as { x: Record<string, [number, number]> };
  expect(kept.x.sigma![1]).toBe(1);
  // Nothing shown: the LMS accepted everything.
  await expect(lesson(page).locator('#lms-notice')).toBeHidden();
  await page.context().close();

  // A new browser (nothing in localStorage) launched by the LMS with what it kept.
  const again = await freshPage(browser);
  await again.goto(`${origin}/host.html?suspend=${encodeURIComponent(suspend)}`);
  await lesson(again).locator('iframe[data-src*="exercise.html?id=sigma"]').scrollIntoViewIfNeeded();
  const card = exercise(again, 'sigma').locator('[data-exercise="sigma"]');
  await expect(card).toHaveAttribute('data-solved', 'true', { timeout: 30_000 });
  await expect.poll(() => cmi(again, 'cmi.core.score.raw')).toBe('25');
  expect(await again.evaluate(() => JSON.parse(localStorage.getItem('actlab.progress') ?? '{}').exercises?.sigma?.solved)).toBe(true);
  await again.context().close();
});

test('an LMS that refuses values: one notice on the lesson page, and the progress stays in the browser', async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto(`${origin}/host.html?broken=1`);
  const notice = lesson(page).locator('#lms-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('Your progress is kept in this browser.');
  const first = await notice.textContent();
  await solveSigma(page);
  await expect(lesson(page).locator('[role="status"]', { hasText: 'course platform' })).toHaveCount(1);
  expect(await notice.textContent()).toBe(first);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('actlab.progress') ?? '{}').exercises?.sigma?.solved)).toBe(true);
  await page.context().close();
});

test('without an LMS the lesson is the open site: no notice, no error', async ({ browser }) => {
  const page = await freshPage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/scorm/lessons/${SLUG}.html`);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('#lms-notice')).toBeHidden();
  expect(errors).toEqual([]);
  await page.context().close();
});

// lessons.spec.ts — the course pages built from lessons/en/*.md (web/course/): every lesson renders
// with no console errors, its widgets mount in their iframes, every live number equals the Node
// engine's, prev/next and the table of contents work, reading progress survives a reload and reaches
// the home page's course map, glossary terms show on focus, and axe (WCAG 2.2 AA) passes in both
// themes, at 360 px, and from a deep sub-path.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { live, type LiveEngines } from '../../web/course/live';
import { Engine } from '../../web/src/engine/engine';
import { ExprEngine, type ExprModule } from '../../web/src/engine/expr';
import type { ActlabModule } from '../../web/src/engine/types';
import { engine, sidewaysOverflow, subPathRoot, watchErrors } from './helpers';

const files = readdirSync(path.resolve(__dirname, '../../lessons/en')).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();
const slugs = files.map((f) => f.replace(/^\d\d-/, '').replace(/\.md$/, ''));
let engines: LiveEngines | undefined;
/** The Node engine the build computed the live numbers with (the helpers' module, loaded synchronously). */
const nodeEngines = async (): Promise<LiveEngines> => {
  if (engines === undefined) {
    const m = engine() as unknown as ActlabModule & ExprModule & LiveEngines['module'];
    const digits = new Uint8Array(readFileSync(path.resolve(__dirname, '../../public/data/digits8x8.bin')));
    engines = { engine: new Engine(m), expr: new ExprEngine(m), module: m, digits };
  }
  return engines;
};

/** Scrolls each widget figure into view and waits until the widget inside its iframe has drawn. */
async function widgetsReady(page: Page): Promise<number> {
  const figures = page.locator('figure.lesson-widget');
  const n = await figures.count();
  for (let i = 0; i < n; i++) {
    await figures.nth(i).scrollIntoViewIfNeeded();
    const frame = page.frameLocator(`figure.lesson-widget >> nth=${i} >> iframe`);
    await expect(frame.locator('#widget')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    // Inside a lesson a widget is part of the text: no "Set by this link…" line, no copy-link or embed-code buttons.
    await expect(frame.locator('[data-state-key="share"], .share-panel, .link-summary'), `widget ${i + 1} shows its share frame`).toHaveCount(0);
  }
  return n;
}

for (const [i, slug] of slugs.entries()) {
  test(`lesson ${i + 1} (${slug}): renders, widgets mount, live numbers are the engine's, prev/next`, async ({ page }) => {
    test.setTimeout(150_000);
    const errors = watchErrors(page);
    await page.goto(`./lessons/${slug}.html`);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('.lesson-kicker')).toHaveText(new RegExp(`^Lesson ${i + 1} of ${slugs.length}`));
    // The table of contents lists every section, and each entry leads to its heading.
    const toc = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash));
    expect(toc.length).toBeGreaterThanOrEqual(4);
    for (const hash of toc) await expect(page.locator(`.lesson-text h2${hash}`)).toHaveCount(1);
    expect(await widgetsReady(page)).toBeGreaterThanOrEqual(3);
    // Live numbers: the text on the page is what the engine computes now.
    const lives = await page.locator('.live').evaluateAll((els) => els.map((e) => ({ source: (e as HTMLElement).dataset.live!, text: e.textContent! })));
    expect(lives.length).toBeGreaterThanOrEqual(5);
    const e = await nodeEngines();
    for (const l of lives) expect(l.text, l.source).toBe(live(l.source, e).text);
    // Each widget's "open in the full widget" link goes to the widget page with the same state.
    const links = await page.locator('.widget-links a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const frames = await page.locator('iframe.widget-frame').evaluateAll((fs) => fs.map((f) => (f as HTMLIFrameElement).src));
    links.forEach((href, k) => {
      const full = new URL(href);
      const embed = new URL(frames[k]!);
      // The exercise embed (embed/exercise.html?id=…) opens on the exercises page (exercises.html?id=…).
      expect(embed.pathname.replace('/embed/', '/').replace(/\/exercise\.html$/, '/exercises.html')).toBe(full.pathname);
      embed.searchParams.delete('theme');
      expect(embed.searchParams.toString()).toBe(full.searchParams.toString());
    });
    expect(errors).toEqual([]);
    // Previous / next (leaving the page may cancel the requests of iframes still loading: not errors).
    if (i + 1 < slugs.length) {
      await page.locator('a.pager-next').click();
      await expect(page).toHaveURL(new RegExp(`/lessons/${slugs[i + 1]}\\.html$`));
      await page.locator('a.pager-prev').click();
      await expect(page).toHaveURL(new RegExp(`/lessons/${slug}\\.html$`));
    } else {
      await expect(page.locator('.pager-next.pager-none')).toHaveText('This is the last lesson');
    }
  });
}

test('reading progress survives a reload and shows on the course map', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('./');
  await expect(page.locator('#course-map > li')).toHaveCount(slugs.length);
  await expect(page.locator('#course-map > li').first()).toHaveAttribute('data-state', 'not started');
  await expect(page.locator('#course-resume a')).toHaveText(/^Start the course/);
  // Read lesson 2 as far as its third section, reload: the page offers to continue there.
  await page.goto(`./lessons/${slugs[1]}.html`);
  const third = page.locator('.lesson-text h2').nth(2);
  const id = (await third.getAttribute('id'))!;
  const title = (await third.textContent())!.trim();
  await third.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 50));
  await expect.poll(() => page.evaluate(() => document.body.dataset.progressSection)).toBe(id);
  await page.reload();
  const resume = page.locator('#lesson-progress a');
  await expect(resume).toHaveText(`continue at “${title}”`);
  await expect(resume).toHaveAttribute('href', `#${id}`);
  // The home page: lesson 2 started, "continue" leads to the section stored last (the reloaded page
  // may have recorded a later one: its widgets grow as they load and the restored scroll moves on).
  const lessonTitle = (await page.locator('h1').textContent())!.trim();
  await page.goto('./');
  const stored = await page.evaluate((slug) => JSON.parse(localStorage.getItem('actlab.progress')!).lessons[slug].section as string, slugs[1]!);
  expect(stored).not.toBe('');
  await expect(page.locator(`#course-map > li[data-slug="${slugs[1]}"]`)).toHaveAttribute('data-state', 'started');
  await expect(page.locator('#course-resume a')).toHaveText(new RegExp(`^Continue where you left off: lesson 2, “${lessonTitle}”, at “.+”$`));
  await expect(page.locator('#course-resume a')).toHaveAttribute('href', `./lessons/${slugs[1]}.html#${stored}`);
  await page.locator('#course-resume a').click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${slugs[1]}\\.html#${stored}$`));
  // Reading to the end marks it read.
  await page.locator('.pager').scrollIntoViewIfNeeded();
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('actlab.progress') ?? '{}').lessons?.[document.body.dataset.slug!]?.read)).toBe(true);
  await page.goto('./');
  await expect(page.locator(`#course-map > li[data-slug="${slugs[1]}"]`)).toHaveAttribute('data-state', 'read');
  await expect(page.locator(`#course-map > li[data-slug="${slugs[1]}"] .lesson-state`)).toHaveText('Read');
  // Leaving a lesson cancels the requests of its iframes still loading: those are not errors.
  expect(errors.filter((e) => !e.startsWith('request failed'))).toEqual([]);
});

test('a stored progress record of another version or shape is ignored, not half-read', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('actlab:course', '{"v":99,"lessons":{"why-a-bend":{"read":true}},"last":"why-a-bend"}'));
  await page.reload();
  await expect(page.locator('#course-map > li').first()).toHaveAttribute('data-state', 'not started');
  await page.evaluate(() => localStorage.setItem('actlab:course', '<not json>'));
  await page.reload();
  await expect(page.locator('#course-resume a')).toHaveText(/^Start the course/);
});

/** Axe on the lesson page itself: the widgets inside the iframes are the embed pages, which
 *  embed.spec.ts and access.spec.ts check in both themes already. */
async function lessonAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .exclude('iframe.widget-frame').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

for (const theme of ['light', 'dark'] as const) {
  for (const slug of [...slugs, 'glossary']) {
    test(`axe: ${slug} passes WCAG 2.2 AA (${theme}), a glossary tip open`, async ({ page }) => {
      test.setTimeout(90_000);
      // The widgets inside are the embed pages (axe-checked by embed.spec.ts and access.spec.ts):
      // serve them blank here, so axe does not wait on five training widgets per page.
      await page.route('**/embed/*.html*', (route) => route.fulfill({ contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>widget</title></head><body><main>widget</main></body></html>' }));
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`./lessons/${slug}.html`);
      expect(await lessonAxe(page)).toEqual([]);
      const term = page.locator('a.term').first();
      if (await term.count() > 0) {
        await term.focus();
        expect(await lessonAxe(page)).toEqual([]);
      }
    });
  }
}

test('keyboard: skip link, table of contents, a glossary term shows its definition on focus and Escape hides it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`./lessons/${slugs[0]}.html`);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  // Tab to the first table-of-contents link and follow it.
  const first = page.locator('nav.toc a').first();
  for (let k = 0; k < 40 && !(await first.evaluate((a) => a === document.activeElement)); k++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  const hash = await first.evaluate((a) => (a as HTMLAnchorElement).hash);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${hash}$`));
  const term = page.locator('a.term').first();
  await term.focus();
  const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
  await expect(tip).toBeVisible();
  await expect(tip).toHaveAttribute('role', 'tooltip');
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/glossary\.html#/);
  await expect(page.locator(`.lesson-text h2${new URL(page.url()).hash}`)).toHaveCount(1);
});

test('360 px: no sideways scrolling of the page, widgets fit', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 800 });
  for (const slug of slugs) {
    await page.goto(`./lessons/${slug}.html`);
    const overflow = await sidewaysOverflow(page);
    expect(overflow, slug).toBeLessThanOrEqual(0);
    const widest = await page.locator('iframe.widget-frame').evaluateAll((fs) => Math.max(...fs.map((f) => f.getBoundingClientRect().right)));
    expect(widest, slug).toBeLessThanOrEqual(360);
  }
});

test('the dark theme reaches the widgets, and the teachers\' embed codes name this site', async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`./lessons/${slugs[0]}.html`);
  const src = await page.locator('iframe.widget-frame').first().getAttribute('src');
  expect(src).toMatch(/[?&]theme=dark$/);
  const code = await page.locator('.teacher code').first().textContent();
  expect(code).toContain(`<iframe src="${new URL('embed/', page.url().replace(/lessons\/.*$/, '')).href}`);
  expect(code).toContain('embed.js');
});

test('works from a deep sub-path: lesson, widget and the way home', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(`${subPathRoot}lessons/${slugs[0]}.html`);
  await widgetsReady(page);
  await page.locator('a.brand').click();   // the site name leads home
  await expect(page).toHaveURL(subPathRoot + 'index.html');
  await expect(page.locator('#course-map > li')).toHaveCount(slugs.length);
  expect(errors).toEqual([]);
});

// lesson-print.spec.ts — a lesson printed, and read without JavaScript: each widget directive is
// replaced by its static figure (made at build time by web/course/figures.ts from the directive's
// state) with the live widget's address as its caption; the iframes, the pager and the teachers'
// list are not printed. On screen with JavaScript the live widget takes the figure's place.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const LESSON = './lessons/why-a-bend.html';
const slugs = readdirSync(path.resolve(__dirname, '../../lessons/en')).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()
  .map((f) => f.replace(/^\d\d-/, '').replace(/\.md$/, ''));

test('printed, every widget is its static figure with the address as caption, and no iframe', async ({ page }) => {
  await page.goto(LESSON);
  const figures = page.locator('figure.lesson-widget');
  const n = await figures.count();
  expect(n).toBeGreaterThanOrEqual(3);
  // On screen: the live iframe, not the figure.
  await expect(page.locator('.widget-static').first()).toBeHidden();
  await expect(page.locator('iframe.widget-frame').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (let i = 0; i < n; i++) {
    const f = figures.nth(i);
    await expect(f.locator('iframe.widget-frame')).toBeHidden();
    await expect(f.locator('.widget-static')).toBeVisible();
    await expect(f.locator('.widget-static').locator('svg.fig-plot, table.fig-table, img.fig-art, .fig-exercise').first()).toBeVisible();
    await expect(f.locator('.widget-print')).toContainText(/\.html\?/);
    // The figure fits the printed column (no plot wider than its figure).
    const [fw, sw] = await f.evaluate((el) => [el.getBoundingClientRect().width, el.querySelector('.widget-static')!.scrollWidth]);
    expect(sw, `figure ${i + 1} fits`).toBeLessThanOrEqual(Math.ceil(fw));
  }
  for (const hidden of ['.pager', '.teacher', '.site-bar']) {
    for (const el of await page.locator(hidden).all()) await expect(el).toBeHidden();
  }
  // Formulas are printed (KaTeX, at build time).
  await expect(page.locator('.katex').first()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('printed from the dark theme, the figures use the light palette on white paper', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(LESSON);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const [bg, line, text] = await page.locator('svg.fig-plot').first().evaluate((svg) => [
    getComputedStyle(document.body).backgroundColor,
    getComputedStyle(svg.querySelector('polyline')!).stroke,
    getComputedStyle(svg.querySelector('text')!).fill,
  ]);
  expect(bg).toBe('rgb(255, 255, 255)');
  expect(line).toBe('rgb(31, 95, 191)'); // --s0 of the light palette
  expect(text).toBe('rgb(0, 0, 0)');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('at 360 px the figures of every lesson fit their column', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const slug of slugs) {
      await page.goto(`./lessons/${slug}.html`);
      for (const f of await page.locator('.widget-static').all()) {
        const [sw, cw, id] = await f.evaluate((el) => [el.scrollWidth, el.clientWidth, el.closest('figure')!.id]);
        expect(sw, `${slug} #${id} is ${sw} px wide in a ${cw} px column`).toBeLessThanOrEqual(cw + 1);
      }
    }
  });
  test('each widget shows its static figure, and no empty frame', async ({ page }) => {
    await page.goto(LESSON);
    const figures = page.locator('figure.lesson-widget');
    const n = await figures.count();
    expect(n).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < n; i++) {
      await expect(figures.nth(i).locator('.widget-static')).toBeVisible();
      await expect(figures.nth(i).locator('iframe.widget-frame')).toBeHidden();
    }
  });
});

test('every lesson printed: each widget has its figure, and axe (WCAG 2.2 AA) finds nothing in the figures', async ({ page }) => {
  test.setTimeout(180_000);
  // The live widgets are not printed: serve them blank so the check does not wait on them.
  await page.route('**/embed/*.html*', (route) => route.fulfill({ contentType: 'text/html',
    body: '<!doctype html><html lang="en"><head><title>widget</title></head><body><main>widget</main></body></html>' }));
  await page.emulateMedia({ media: 'print' });
  for (const slug of slugs) {
    await page.goto(`./lessons/${slug}.html`);
    const n = await page.locator('figure.lesson-widget').count();
    await expect(page.locator('.widget-static:visible'), slug).toHaveCount(n);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .include('.widget-static').analyze();
    expect(results.violations.map((v) => `${slug}: ${v.id}: ${v.help} (${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
  }
});

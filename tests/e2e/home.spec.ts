// home.spec.ts — the landing page in Chromium: engine loads in its worker, one card per registry
// activation with a KaTeX formula and an engine-drawn plot, no console errors, no axe violations,
// a visible message when the engine cannot load, and the same page from a deep sub-path.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sidewaysOverflow, subPathRoot, watchKatexScripts } from './helpers';

const LOADED = /Engine loaded: (\d+) activations/;
/** The elementwise activations PRODUCT.md promises (softmax is a vector op, not a card). */
const MIN_ACTIVATIONS = 18;

/** Opens `url`, records console errors and failed requests, waits until every plot is drawn. */
async function openHome(page: Page, url = './'): Promise<{ count: number; errors: string[] }> {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  const status = page.getByRole('status');
  await expect(status).toHaveText(LOADED);
  const count = Number(LOADED.exec((await status.textContent()) ?? '')![1]);
  await expect(page.locator('.card canvas')).toHaveCount(count);
  return { count, errors };
}

test('loads the engine with no console errors', async ({ page }) => {
  const { errors } = await openHome(page);
  expect(errors).toEqual([]);
  await expect(page.getByRole('alert')).toBeHidden();
});

test(`shows one card per activation of the engine (at least ${MIN_ACTIVATIONS})`, async ({ page }) => {
  const { count } = await openHome(page);
  expect(count).toBeGreaterThanOrEqual(MIN_ACTIVATIONS);
  await expect(page.locator('#cards > li.card')).toHaveCount(count);
  await expect(page.locator('#cards')).toHaveAttribute('data-count', String(count));
  // Ids are unique: one card per registry entry, none twice.
  const ids = await page.locator('#cards > li.card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.activation));
  expect(new Set(ids).size).toBe(count);
});

test('every card has a typeset formula and a described, drawn plot', async ({ page }) => {
  await openHome(page);
  for (const card of await page.locator('#cards > li.card').all()) {
    await expect(card.getByRole('heading', { level: 3 })).not.toBeEmpty();
    await expect(card.locator('.formula .katex').first()).toBeVisible();
    const canvas = card.locator('canvas');
    await expect(canvas).toHaveCount(1);
    await expect(canvas).toHaveAttribute('role', 'img');
    await expect(canvas).toHaveAttribute('aria-label', /f\(−5\) = \S+, f\(0\) = \S+, f\(5\) = \S+/);
    await expect(card.locator('.plot-legend')).toContainText('dashed');
  }
  // The plots really have ink on them (uPlot draws on a transparent canvas).
  const inked = await page.locator('.card canvas').evaluateAll((canvases) => canvases.map((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }));
  for (const n of inked) expect(n).toBeGreaterThan(500);
});

test('formulas arrive typeset from the build: KaTeX markup on every card, KaTeX\'s JS never fetched', async ({ page }) => {
  const katexScripts = watchKatexScripts(page);
  await openHome(page);
  for (const card of await page.locator('#cards > li.card').all()) {
    await expect(card.locator('.formula > .katex')).toHaveCount(2); // f and f′
    await expect(card.locator('.formula .katex-mathml math')).toHaveCount(2); // MathML for screen readers
    await expect(card.locator('.facts .katex').last()).toBeVisible(); // the range
  }
  await expect(page.locator('.tex-pending, .katex-error')).toHaveCount(0);
  expect(await katexScripts()).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`has no WCAG 2.2 AA violations (axe, ${colorScheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openHome(page);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  });
}

test('fits a phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openHome(page);
  const overflow = await sidewaysOverflow(page);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on a phone, exactly the formulas that scroll sideways are tab stops', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openHome(page);
  const state = () => page.locator('.formula').evaluateAll((nodes) => nodes.map((n) =>
    `${n.scrollWidth > n.clientWidth + 1 ? 'overflows' : 'fits'}:${n.getAttribute('tabindex') ?? 'none'}`));
  await expect.poll(async () => (await state()).filter((s) => s === 'overflows:0' || s === 'fits:none').length)
    .toBe(await page.locator('.formula').count());
  expect(await state()).toContain('overflows:0'); // at 360 px at least one formula does
});

test('works from a deep sub-path', async ({ page }) => {
  const { count, errors } = await openHome(page, subPathRoot);
  expect(count).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('says so visibly when the wasm cannot be loaded', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('could not be loaded');
  await expect(page.getByRole('status')).toHaveText(/not available/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('says so visibly when the worker script cannot be loaded', async ({ page }) => {
  await page.route(/worker[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('could not start');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('each card leads to the explorer preset to its activation, and its plot shades where f′ ≈ 0 as the explorer does', async ({ page }) => {
  await openHome(page);
  const relu = page.locator('#activation-relu');
  const canvas = relu.locator('canvas');
  await expect(canvas).toHaveAttribute('aria-label', /ReLU: rises from 0 to 5, .*slope below 0\.01 for x?z? < 0 \(50% of this range\)\. Grey bands: where the slope is below 0\.01\./);
  // Grey ink on the left half of the plot area (the band), none of it on the right of the kink.
  const [left, right] = await canvas.evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const row = Math.floor(canvas.height * 0.3); // above f′ = 1 and below the top of the f curve's range on the left
    const ink = (x0: number, x1: number) => { const d = ctx.getImageData(x0, row, x1 - x0, 1).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++; return n / (x1 - x0); };
    return [ink(Math.floor(canvas.width * 0.3), Math.floor(canvas.width * 0.5)), ink(Math.floor(canvas.width * 0.75), Math.floor(canvas.width * 0.9))];
  });
  expect(left).toBeGreaterThan(0.9);
  expect(right).toBeLessThan(0.2);
  await expect(page.locator('#activation-leaky_relu canvas')).not.toHaveAttribute('aria-label', /Grey bands/);
  await relu.getByRole('link', { name: 'Explore ReLU' }).click();
  await expect(page).toHaveURL(/explorer\.html\?act=relu$/);
  await expect(page.locator('#widget')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(page.getByRole('checkbox', { name: 'ReLU', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Sigmoid (logistic)' })).not.toBeChecked();
});

// nonlinearity.spec.ts — the "why nonlinearity" lab (site page and embed) in Chromium: ten linear
// layers collapse into one with the Node engine's numbers, a bend breaks it; XOR trained side by side
// (linear < 75 %, bent ≥ 95 %, the Node engine's accuracies); the fit follows the keyboard (units,
// the drawing pad) with the engine's error; URL round trip, hostile link, axe, 360 px.
import { expect, test, type Page } from '@playwright/test';
import { bentConfig, collapseSpec, fitSpec, linearConfig, nonlinearityTable, type NonlinearityState } from '../../web/src/state/nonlinearity';
import { defaults } from '../../web/src/state/schema';
import { formatNumber } from '../../web/src/ui/format';
import { axeInBothThemes, engine, engineProbe, fitsPhone, loadsCleanly, watchErrors, widgetReady } from './helpers';

interface NodeModule {
  Trainer: new () => { configure(json: string): string; stepEpochs(n: number): boolean; statusJson(): string; delete(): void };
}
const node = () => engine() as unknown as NodeModule;
const probe = engineProbe;
const base = (change: Partial<NonlinearityState> = {}): NonlinearityState =>
  ({ ...(defaults(nonlinearityTable(['relu', 'tanh', 'sigmoid'])) as NonlinearityState), ...change });
const attr = async (page: Page, name: string) => page.locator('#widget').getAttribute(`data-${name}`);

interface Collapse { M: number[]; stack: number[]; collapsed: number[]; maxAbsDiff: number }
interface Status { epoch: number; test: { accuracy: number } }

function xorStatus(config: unknown, epochs: number): Status {
  const t = new (node().Trainer)();
  try {
    expect(t.configure(JSON.stringify(config))).toBe('');
    t.stepEpochs(epochs);
    return JSON.parse(t.statusJson()) as Status;
  } finally { t.delete(); }
}

for (const url of ['nonlinearity.html', 'embed/nonlinearity.html']) {
  test(`${url} loads with the collapse, both XOR maps and the fit, and no console errors`, async ({ page }) => {
    await loadsCleanly(page, url, async () => {
      await expect(page.locator('.nl-card canvas[role="img"]')).toHaveCount(2);
      await expect(page.locator('.nl-card canvas').first()).toHaveAttribute('aria-label', /Decision map of the linear network/);
      await expect(page.locator('.nl-view [role="img"][aria-label*="fitted to sin(πx) on [−1, 1]: RMS error"]')).toHaveCount(1);
      await expect(page.locator('.nonlin .nl-result').first()).toContainText('10 linear layers of width 3 multiply into one layer');
    });
  });

  axeInBothThemes(url);
}

test('ten linear layers collapse into one: the same outputs, the Node engine’s W′ and difference; tanh breaks it', async ({ page }) => {
  await page.goto('nonlinearity.html');
  await widgetReady(page);
  const s = base();
  const lin = probe<Collapse>('collapse', collapseSpec(s, false));
  const bent = probe<Collapse>('collapse', collapseSpec(s, true));
  expect(await attr(page, 'collapse-diff')).toBe(String(lin.maxAbsDiff));
  expect(await attr(page, 'bent-diff')).toBe(String(bent.maxAbsDiff));
  expect(lin.maxAbsDiff).toBeLessThan(1e-5);
  expect(bent.maxAbsDiff).toBeGreaterThan(1e-2);
  // W′ as the page shows it: the engine's matrix, 4 significant digits.
  const w = page.locator('table.data').filter({ hasText: 'W′ = W1·W2·…·W10' });
  await expect(w.locator('tbody tr').first().locator('td')).toHaveText([0, 1, 2].map((j) => formatNumber(lin.M[j]!, 4)));
  // Each input's row: the stack's and the one layer's outputs read the same.
  const rows = page.locator('table.data').filter({ hasText: 'The same random inputs' }).locator('tbody tr');
  await expect(rows).toHaveCount(8);
  for (let q = 0; q < 8; q++) {
    const cells = rows.nth(q).locator('td');
    const stack = await cells.nth(0).textContent(), one = await cells.nth(1).textContent();
    expect(stack).toBe(one);
    expect(one).toBe(`(${lin.collapsed.slice(q * 3, q * 3 + 3).map((v) => formatNumber(v, 4)).join(', ')})`);
  }
  await expect(page.locator('.nl-diff')).toContainText(`linear stack ${formatNumber(lin.maxAbsDiff)}, with Tanh ${formatNumber(bent.maxAbsDiff)}`);
  // Keyboard: one layer more, and the engine's new difference.
  await page.getByRole('slider', { name: 'Linear layers N' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/layers=11/);
  const l11 = probe<Collapse>('collapse', collapseSpec(base({ layers: 11 }), false));
  await expect.poll(() => attr(page, 'collapse-diff')).toBe(String(l11.maxAbsDiff));
});

test('XOR: the linear network stays below 75 %, the bent one reaches 95 % — the Node engine’s accuracies', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('nonlinearity.html?epochs=60');
  await widgetReady(page);
  await expect(page.locator('#widget')).toHaveAttribute('data-xor-done', 'true', { timeout: 60_000 });
  const s = base({ epochs: 60 });
  const lin = xorStatus(linearConfig(s), 60), bent = xorStatus(bentConfig(s), 60);
  expect(lin.test.accuracy).toBeLessThan(0.75);
  expect(bent.test.accuracy).toBeGreaterThanOrEqual(0.95);
  expect(await attr(page, 'linear-accuracy')).toBe(String(lin.test.accuracy));
  expect(await attr(page, 'bent-accuracy')).toBe(String(bent.test.accuracy));
  await expect(page.locator('.nl-result').nth(1)).toContainText('cannot put quadrants I and III on one side');
  await expect(page.getByRole('button', { name: 'Trained' })).toBeDisabled();
  expect(errors).toEqual([]);
});

test('the fit follows the keyboard: units, target, the drawn curve — with the Node engine’s error', async ({ page }) => {
  await page.goto('nonlinearity.html?epochs=10');
  await widgetReady(page);
  const rmse = (change: Partial<NonlinearityState>) => String(probe<{ rmse: number }>('fit1d', fitSpec(base(change), false)).rmse);
  expect(await attr(page, 'fit-rmse')).toBe(rmse({}));
  await page.getByRole('slider', { name: 'Hidden units N' }).focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/units=64/);
  await expect.poll(() => attr(page, 'fit-rmse')).toBe(rmse({ units: 64 }));
  await expect(page.locator('.nl-result').nth(2)).toContainText('64 ReLU units fitted to sin(πx)');
  await page.getByRole('combobox', { name: 'Target to fit' }).selectOption('drawn');
  const pad = page.getByRole('slider', { name: /Your curve/ });
  await expect(pad).toBeVisible();
  await pad.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(pad).toHaveAttribute('aria-valuetext', /point 1 of 17, at x = −1: y = 0.2/);
  await expect(page).toHaveURL(/curve=0.2%2C0.3|curve=0.2,0.3/);
  const curve = [...base().curve];
  curve[0] = '0.2';
  await expect.poll(() => attr(page, 'fit-rmse')).toBe(rmse({ units: 64, target: 'drawn', curve }));
});

test('URL round trip: a link restores every part’s settings, and a reload keeps it', async ({ page }) => {
  const q = 'layers=25&width=4&bend=sigmoid&seed=3&xdepth=1&xact=relu&xunits=12&epochs=20&target=bump&fact=tanh&units=16&fseed=5';
  await page.goto(`nonlinearity.html?${q}`);
  await widgetReady(page);
  await expect(page.getByRole('slider', { name: 'Linear layers N' })).toHaveValue('25');
  await expect(page.getByRole('combobox', { name: 'Bend inserted between the layers' })).toHaveValue('sigmoid');
  await expect(page.getByRole('combobox', { name: 'Target to fit' })).toHaveValue('bump');
  await expect(page.getByRole('spinbutton', { name: 'Seed (fit)' })).toHaveValue('5');
  await page.reload();
  await widgetReady(page);
  expect(new URL(page.url()).search.slice(1)).toBe(q);
  const lin = probe<Collapse>('collapse', collapseSpec(base({ layers: 25, width: 4, seed: 3 }), false));
  expect(await attr(page, 'collapse-diff')).toBe(String(lin.maxAbsDiff));
});

test('a hostile link gets notices and safe values, never a blank page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('nonlinearity.html?layers=9999&bend=%3Cimg%20src=x%20onerror=alert(1)%3E&units=-4&curve=9,9&target=evil&epochs=abc');
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeVisible();
  await expect(page.locator('#notices')).toContainText('Linear layers N');
  await expect(page.locator('#notices img')).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Linear layers N' })).toHaveValue('100');
  await expect(page.getByRole('slider', { name: 'Hidden units N' })).toHaveValue('1');
  await expect(page.getByRole('combobox', { name: 'Bend inserted between the layers' })).toHaveValue('tanh');
  expect(errors).toEqual([]);
});

fitsPhone('nonlinearity.html?epochs=10');

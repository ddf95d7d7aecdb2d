// dead-neurons.spec.ts — the dying-ReLU lab (site page and embed) in Chromium: the census, the five
// activations, the training chart and the scan table from the engine (compared with the Node engine's
// probes), the bias slider killing units and Leaky ReLU reviving them, the keyboard, URL round trip,
// hostile links, axe light and dark, and a 360 px phone.
import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../../web/src/ui/format';
import { axeInBothThemes, engineProbe, fitsPhone, loadsCleanly, watchErrors, widgetReady } from './helpers';

interface CensusOut { dead: number; weak: number; healthy: number; saturated: number; units: { active: number; state: string }[] }
interface DyingOut { dead: number[]; deadShare: number[]; hiddenUnits: number }
interface ScanOut { deadShare: number; minAbsDf: number; maxAbsDf: number }
const probe = engineProbe;
const census = (spec: Record<string, unknown>) => probe<CensusOut>('census', { inputs: 5, units: 20, samples: 1000, biasMean: 0, seed: 1, ...spec });
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const compareRow = (page: Page, name: string) => page.locator(`table.compare tbody tr:has(th:text-is("${name}")) td`);
const words = (page: Page) => page.locator('.census-words');

for (const url of ['dead-neurons.html', 'embed/dead-neurons.html']) {
  test(`${url} loads with the engine's census, training chart and scan, and no console errors`, async ({ page }) => {
    await loadsCleanly(page, url, async () => {
      const r = census({ activation: 'relu' });
      await expect(words(page)).toHaveText(new RegExp(`^ReLU, bias mean 0: ${r.dead} of 20 units dead, ${r.weak} weak, ${r.healthy} healthy`));
      await expect(page.locator('.detector')).toContainText(`Dead neurons: ${r.dead}/20 (${pct(r.dead / 20)})`);
      await expect(page.locator('table.units tbody tr')).toHaveCount(20);
      await expect(page.locator('table.units tbody tr').first().locator('td').first()).toContainText(pct(r.units[0]!.active));
      await expect(page.locator('.part canvas[role="img"]')).toHaveAttribute('aria-label', /Share of dead hidden units per epoch/);
      await expect(page.locator('table.scan tbody tr').first()).toBeVisible();
    });
  });

  // Four parts with long tables (20 units, every activation's scan): axe needs longer than the default 30 s on a busy machine.
  axeInBothThemes(url, { timeout: 120_000 });
}

test('kill half the layer with the bias slider, revive it with Leaky ReLU: the engine’s counts', async ({ page }) => {
  await page.goto('dead-neurons.html');
  await widgetReady(page);
  await page.getByRole('spinbutton', { name: 'Bias mean (number)' }).fill('-6');
  await page.getByRole('spinbutton', { name: 'Bias mean (number)' }).press('Enter');
  await expect(page).toHaveURL(/bias=-6/);
  const relu = census({ activation: 'relu', biasMean: -6 });
  expect(relu.dead).toBe(10);
  await expect(words(page)).toContainText(`ReLU, bias mean -6: 10 of 20 units dead, ${relu.weak} weak, ${relu.healthy} healthy`.replace('-6', formatNumber(-6)));
  await expect(compareRow(page, 'ReLU').nth(0)).toHaveText('10');
  for (const name of ['Leaky ReLU', 'ELU', 'GELU (exact)', 'Swish / SiLU']) await expect(compareRow(page, name).nth(0)).toHaveText('0');
  await page.getByRole('combobox', { name: 'Activation of the census' }).selectOption('leaky_relu');
  await expect(page).toHaveURL(/act=leaky_relu/);
  const leaky = census({ activation: 'leaky_relu', biasMean: -6 });
  expect(leaky.dead).toBe(0);
  await expect(words(page)).toContainText(`0 of 20 units dead, ${leaky.weak} weak, ${leaky.healthy} healthy`);
  await expect(page.locator('.detector')).toContainText('Dead neurons: 0/20 (0.0%)');
});

test('keyboard only: a preset and the bias slider move the counts; the URL follows', async ({ page }) => {
  await page.goto('dead-neurons.html');
  await widgetReady(page);
  const kill = page.getByRole('button', { name: 'Kill half the layer with the bias' });
  await kill.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/bias=-6/);
  await expect(words(page)).toContainText('10 of 20 units dead');
  const bias = page.getByRole('slider', { name: 'Bias mean' });
  await bias.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/bias=-7(&|$)/);
  const r = census({ activation: 'relu', biasMean: -7 });
  await expect(words(page)).toContainText(`${r.dead} of 20 units dead`);
  await page.getByRole('button', { name: 'Revive with Leaky ReLU' }).focus();
  await page.keyboard.press('Enter');
  await expect(words(page)).toContainText('0 of 20 units dead');
});

test('dying by training: the chart’s numbers are the engine’s, Leaky ReLU keeps every unit', async ({ page }) => {
  await page.goto('dead-neurons.html?epochs=20');
  await widgetReady(page);
  const high = probe<DyingOut>('dying', { activation: 'relu', learningRate: 2, epochs: 20, seed: 1 });
  const leaky = probe<DyingOut>('dying', { activation: 'leaky_relu', learningRate: 2, epochs: 20, seed: 1 });
  expect(leaky.dead.every((d) => d === 0)).toBe(true);
  await expect(page.locator('.train-words')).toContainText(`ends epoch 20 with ${high.dead[20]} of ${high.hiddenUnits} hidden units dead (${pct(high.deadShare[20]!)}`);
  await expect(page.locator('.train-words')).toContainText('Leaky ReLU at the same rate: 0 dead');
  await expect(page.locator('.part canvas[role="img"]')).toHaveAttribute('aria-label', new RegExp(`ReLU, rate 2: ${pct(high.deadShare[0]!).replace('.', '\\.')} dead at epoch 0`));
});

test('the gradient scan table: engine values, sortable by a header button and the sort control', async ({ page }) => {
  await page.goto('dead-neurons.html');
  await widgetReady(page);
  const relu = probe<ScanOut>('scan', { activation: 'relu', lo: -5, hi: 5, points: 100, threshold: 0.01 });
  const row = (name: string) => page.locator(`table.scan tbody tr:has(th:text-is("${name}")) td`);
  await expect(row('ReLU').nth(0)).toHaveText(pct(relu.deadShare));
  await expect(row('Leaky ReLU').nth(0)).toHaveText('0.0%');
  await expect(page.locator('table.scan th[aria-sort="descending"]')).toContainText('Dead zone');
  await page.locator('table.scan thead').getByRole('button', { name: 'Activation' }).click();
  await expect(page).toHaveURL(/sort=name/);
  const names = await page.locator('table.scan tbody th').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')).reverse());
  await page.getByRole('checkbox', { name: 'Ascending' }).check();
  await expect(page).toHaveURL(/asc=1/);
  await page.getByRole('slider', { name: 'Dead below |f′| <' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/th=0\.011/);
  const sig = probe<ScanOut>('scan', { activation: 'sigmoid', lo: -5, hi: 5, points: 100, threshold: 0.011 });
  await expect(row('Sigmoid (logistic)').nth(0)).toHaveText(pct(sig.deadShare));
  await expect(row('Sigmoid (logistic)').nth(2)).toHaveText(formatNumber(sig.maxAbsDf));
});

test('URL round trip: a link restores every setting, and a reload keeps it', async ({ page }) => {
  const q = 'act=elu&inputs=8&units=12&samples=500&bias=-2.5&seed=7&epochs=5&points=50&sort=name&asc=1';
  await page.goto(`dead-neurons.html?${q}`);
  await widgetReady(page);
  await expect(page.getByRole('combobox', { name: 'Activation of the census' })).toHaveValue('elu');
  await expect(page.getByRole('slider', { name: 'Units in the layer' })).toHaveValue('12');
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await expect(page.locator('table.units tbody tr')).toHaveCount(12);
  await page.reload();
  await widgetReady(page);
  expect(new URL(page.url()).search.slice(1)).toBe(q);
  const r = census({ activation: 'elu', inputs: 8, units: 12, samples: 500, biasMean: -2.5, seed: 7 });
  await expect(words(page)).toContainText(`${r.dead} of 12 units dead, ${r.weak} weak, ${r.healthy} healthy`);
});

test('a hostile link gets notices and safe values, never a blank page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('dead-neurons.html?units=9999&act=%3Cimg%20src=x%20onerror=alert(1)%3E&bias=abc&lo=5&hi=-5');
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeVisible();
  await expect(page.locator('#notices')).toContainText('Units in the layer');
  await expect(page.locator('#notices')).toContainText('the ends were swapped');
  await expect(page.locator('#notices img')).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Units in the layer' })).toHaveValue('64');
  await expect(page.getByRole('combobox', { name: 'Activation of the census' })).toHaveValue('relu');
  await expect(page.locator('table.units tbody tr')).toHaveCount(64);
  expect(errors).toEqual([]);
});

fitsPhone('dead-neurons.html');

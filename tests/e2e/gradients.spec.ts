// gradients.spec.ts — the gradients lab (site page and embed) in Chromium: engine-drawn log charts with
// text alternatives, the course's 50-layer preset giving the engine's own layer (compared with the
// Node engine's depth probe), the keyboard, URL round trip, hostile links, axe and a 360 px phone.
import { expect, test } from '@playwright/test';
import { formatNumber } from '../../web/src/ui/format';
import { axeInBothThemes, engineProbe, fitsPhone, loadsCleanly, watchErrors, widgetReady } from './helpers';

interface DepthOut { grad: (number | null)[]; signal: (number | null)[]; vanishForward: number; vanishBackward: number }
/** The Node engine's depth sweep for the same spec the page sends. */
const depth = (spec: Record<string, unknown>) => engineProbe<DepthOut>('depth', spec);
const row = (name: string) => `table.data tbody tr:has(th:text-is("${name}")) td`;

for (const url of ['gradients.html', 'embed/gradients.html']) {
  test(`${url} loads with two engine-drawn log charts and no console errors`, async ({ page }) => {
    await loadsCleanly(page, url, async () => {
      const charts = page.locator('.plots canvas[role="img"]');
      await expect(charts).toHaveCount(2);
      await expect(charts.first()).toHaveAttribute('aria-label', /Backward gradient magnitude per layer, log scale, threshold 0\.001\. Sigmoid \(logistic\): .* at layer 50/);
      await expect(charts.nth(1)).toHaveAttribute('aria-label', /Forward signal per layer/);
    });
  });

  axeInBothThemes(url);
}

test('the course preset at 50 layers shows the engine’s layer where each gradient dies, and 0.25^10', async ({ page }) => {
  await page.goto('gradients.html');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Course: 5 inputs, N(0, 1), 50 layers' }).click();
  await expect(page).toHaveURL(/width=5/);
  await expect(page).toHaveURL(/init=normal/);
  for (const [id, name] of [['sigmoid', 'Sigmoid (logistic)'], ['relu', 'ReLU']] as const) {
    const r = depth({ activation: id, layers: 50, width: 5, samples: 64, init: 'normal', seed: 1, threshold: 1e-3 });
    const cells = page.locator(row(name));
    await expect(cells.nth(0)).toHaveText(r.vanishForward === 0 ? 'never' : String(r.vanishForward));
    await expect(cells.nth(1)).toHaveText(r.vanishBackward === 0 ? 'never' : String(r.vanishBackward));
    await expect(cells.nth(3)).toHaveText(r.grad[0] === null ? 'not finite' : formatNumber(r.grad[0]!));
  }
  await expect(page.locator('.arith')).toContainText(`0.25¹⁰ = ${formatNumber(2 ** -20)}`);
  await page.getByRole('button', { name: 'Exploding: ReLU with N(0, 1) weights' }).click();
  const r = depth({ activation: 'relu', layers: 20, width: 32, samples: 64, init: 'normal', seed: 1, threshold: 1e-3 });
  expect(r.grad[0]!).toBeGreaterThan(100);
  await expect(page.locator(row('ReLU')).nth(3)).toHaveText(formatNumber(r.grad[0]!));
});

test('keyboard: the layer slider and the threshold move the numbers; the URL follows', async ({ page }) => {
  await page.goto('gradients.html?act=sigmoid');
  await widgetReady(page);
  const layers = page.getByRole('slider', { name: 'Layers N' });
  await layers.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/layers=49/);
  const r = depth({ activation: 'sigmoid', layers: 49, width: 32, samples: 64, init: 'xavier', seed: 1, threshold: 1e-3 });
  await expect(page.locator(row('Sigmoid (logistic)')).nth(1)).toHaveText(String(r.vanishBackward || 'never'));
  const th = page.getByRole('slider', { name: 'Effectively zero below 10^k, k' });
  await th.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/th=-4/);
  const r4 = depth({ activation: 'sigmoid', layers: 49, width: 32, samples: 64, init: 'xavier', seed: 1, threshold: 1e-4 });
  await expect(page.locator(row('Sigmoid (logistic)')).nth(1)).toHaveText(String(r4.vanishBackward || 'never'));
  await expect(page.locator('table.data caption')).toContainText(`below ${formatNumber(1e-4)}`);
});

test('URL round trip: a link restores every setting, and a reload keeps it', async ({ page }) => {
  const q = 'act=relu,tanh&layers=30&width=16&init=he&samples=128&seed=7&th=-4';
  await page.goto(`gradients.html?${q}`);
  await widgetReady(page);
  await expect(page.getByRole('slider', { name: 'Layers N' })).toHaveValue('30');
  await expect(page.getByRole('combobox', { name: 'Initialiser' })).toHaveValue('he');
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await expect(page.locator('table.data tbody tr')).toHaveCount(2);
  await page.reload();
  await widgetReady(page);
  expect(new URL(page.url()).search.slice(1)).toBe(q);
  const r = depth({ activation: 'tanh', layers: 30, width: 16, samples: 128, init: 'he', seed: 7, threshold: 1e-4 });
  await expect(page.locator(row('Tanh')).nth(3)).toHaveText(formatNumber(r.grad[0]!));
});

test('a hostile link gets notices and safe values, never a blank page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('gradients.html?layers=9999&init=%3Cimg%20src=x%20onerror=alert(1)%3E&act=evil,relu&th=abc');
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeVisible();
  await expect(page.locator('#notices')).toContainText('Layers N');
  await expect(page.locator('#notices img')).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Layers N' })).toHaveValue('100');
  await expect(page.getByRole('combobox', { name: 'Initialiser' })).toHaveValue('xavier');
  await expect(page.locator('table.data tbody tr')).toHaveCount(1);
  expect(errors).toEqual([]);
});

fitsPhone('gradients.html');

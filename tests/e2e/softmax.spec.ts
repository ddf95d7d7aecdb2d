// softmax.spec.ts — the softmax lab (site page and embed) in Chromium: the course's [2.0, 1.0, 0.1]
// → [0.659, 0.242, 0.099] from the engine (compared with the Node engine's softmax probe), dragging
// a logit past 88.7 by keyboard overflows the naive form while the stable one holds, p − y for the
// true class, URL round trip, hostile links, axe and a 360 px phone.
import { expect, test } from '@playwright/test';
import { formatNumber } from '../../web/src/ui/format';
import { axeInBothThemes, engineProbe, fitsPhone, loadsCleanly, watchErrors, widgetReady } from './helpers';

interface SoftmaxOut { stable: number[]; grad: number[]; naiveFinite: boolean }
const softmax = (spec: Record<string, unknown>) => engineProbe<SoftmaxOut>('softmax', spec);
const cells = (cls: number) => `table[data-softmax] tbody tr:nth-child(${cls}) td`;

for (const url of ['softmax.html', 'embed/softmax.html']) {
  test(`${url} shows the course example from the engine, with no console errors`, async ({ page }) => {
    await loadsCleanly(page, url, async () => {
      const r = softmax({ logits: [2.0, 1.0, 0.1], temperature: 1, target: 0 });
      for (const [i, p] of r.stable.entries()) await expect(page.locator(cells(i + 1)).nth(1)).toHaveText(formatNumber(p, 4));
      expect(r.stable.map((p) => Number(p.toFixed(3)))).toEqual([0.659, 0.242, 0.099]);
      await expect(page.locator(cells(1)).nth(3)).toHaveText(formatNumber(r.grad[0]!, 4)); // p − y for the true class
    });
  });

  axeInBothThemes(url);
}

test('keyboard: pushing logit 1 past 88.7 overflows the naive form; the stable one still sums to 1', async ({ page }) => {
  await page.goto('softmax.html?z1=85');
  await widgetReady(page);
  await expect(page.locator('.overflow')).toContainText('all finite');
  const z1 = page.getByRole('slider', { name: 'Logit z1' });
  await z1.focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight'); // +0.1 each: 89
  await expect(page).toHaveURL(/z1=89/);
  await expect(page.locator('.overflow')).toContainText('overflowed');
  await expect(page.locator(cells(1)).nth(2)).toHaveText('NaN');
  expect(softmax({ logits: [89, 1, 0.1] }).naiveFinite).toBe(false);
  await expect(page.locator('.arith')).toContainText('Stable probabilities sum to 1');
});

test('URL round trip: K, logits, temperature, true class and the log view; reload keeps them', async ({ page }) => {
  const q = 'K=4&z1=0.5&z4=3&T=2&target=4&log=1';
  await page.goto(`softmax.html?${q}`);
  await widgetReady(page);
  await expect(page.locator('table[data-softmax] tbody tr')).toHaveCount(4);
  await expect(page.locator('table[data-softmax] th', { hasText: 'log p' })).toHaveCount(1);
  const r = softmax({ logits: [0.5, 1, 0.1, 3], temperature: 2, target: 3 });
  await expect(page.locator(cells(4)).nth(1)).toHaveText(formatNumber(r.stable[3]!, 4));
  await expect(page.locator(cells(4)).nth(4)).toHaveText(formatNumber(r.grad[3]!, 4));
  await page.reload();
  await widgetReady(page);
  expect(new URL(page.url()).search.slice(1)).toBe(q);
});

test('a hostile link gets notices and safe values, never a blank page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('softmax.html?K=99&z1=1e400&T=0&target=%3Cb%3Ex%3C/b%3E&bogus=1');
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeVisible();
  await expect(page.locator('#notices b')).toHaveCount(0);
  await expect(page.locator('table[data-softmax] tbody tr')).toHaveCount(10);
  expect(errors).toEqual([]);
});

fitsPhone('softmax.html');

// The calibration demo: a small model trained by the engine, its confidence against its accuracy.
interface CalOut {
  nTest: number; confident: number; confidentWrong: number; accuracy: number; confidence: number; ece: number;
  bins: { count: number; accuracy: number; confidence: number }[];
  example: { label: number; predicted: number; confidence: number } | null; bestT: number; bestEce: number;
}
const calibration = (spec: Record<string, unknown>) => engineProbe<CalOut>('calibration', spec);
const pct = (v: number, digits = 3) => `${formatNumber(v * 100, digits)}\u00a0%`;

test('calibration: the page states the engine’s confident mistakes, bins and ECE', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('softmax.html');
  await widgetReady(page);
  const r = calibration({ temperature: 1, epochs: 200, seed: 1 });
  // The seeded default is the demo: confident at 99 % or more, and some of those wrong.
  expect(r.confident).toBeGreaterThan(0);
  expect(r.confidentWrong).toBeGreaterThan(0);
  expect(r.confidence).toBeGreaterThan(r.accuracy);
  const head = page.locator('.cal-headline');
  await expect(head).toContainText(`99\u00a0% or more on ${r.confident} of ${r.nTest} test points, and ${r.confidentWrong} of those`);
  await expect(head).toContainText(`mean confidence is ${pct(r.confidence)} but it is right on ${pct(r.accuracy)}`);
  await expect(head).toContainText(`ECE ${formatNumber(r.ece, 3)}`);
  await expect(page.locator('.cal-example')).toContainText(`class ${r.example!.predicted + 1} with ${pct(r.example!.confidence, 4)}`);
  await expect(page.locator('.cal-example')).toContainText('A confident 99\u00a0% that is wrong.');
  const shown = r.bins.filter((b) => b.count > 0);
  const rows = page.locator('table[data-calibration] tbody tr');
  await expect(rows).toHaveCount(shown.length);
  const last = shown[shown.length - 1]!;
  await expect(rows.last().locator('td')).toHaveText([String(last.count), formatNumber(last.confidence * 100, 3), formatNumber(last.accuracy * 100, 3)]);
  await expect(page.locator('.cal-sweep')).toContainText(`Lowest: ${formatNumber(r.bestEce, 3)} at T = ${formatNumber(r.bestT, 3)}`);
  expect(errors).toEqual([]);
});

test('calibration by keyboard: “Use T = …” softens the model, the URL keeps it, reload gives the same numbers', async ({ page }) => {
  await page.goto('softmax.html?calEpochs=100&calSeed=3');
  await widgetReady(page);
  const r = calibration({ temperature: 1, epochs: 100, seed: 3 });
  const use = page.getByRole('button', { name: `Use T = ${formatNumber(r.bestT, 3)}` });
  await use.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`calT=${r.bestT}`));
  const hot = calibration({ temperature: r.bestT, epochs: 100, seed: 3 });
  const head = page.locator('.cal-headline');
  await expect(head).toContainText(`At T = ${formatNumber(r.bestT, 4)} the model`);
  await expect(head).toContainText(`ECE ${formatNumber(hot.ece, 3)}`);
  await expect(use).toBeHidden();  // already there
  await expect(page.getByRole('slider', { name: 'Temperature on the trained model' })).toBeFocused();  // focus is not lost
  const q = new URL(page.url()).search;
  await page.reload();
  await widgetReady(page);
  expect(new URL(page.url()).search).toBe(q);
  await expect(head).toContainText(`ECE ${formatNumber(hot.ece, 3)}`);
  // A locked temperature is not changed by the page's button.
  await page.goto(`softmax.html?calT=2&lock=calT`);
  await widgetReady(page);
  await expect(page.getByRole('button', { name: /^Use T = / })).toHaveCount(0);
});

test('calibration: hostile values get notices and the demo still answers', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('softmax.html?calT=0&calEpochs=-5&calSeed=%3Cb%3Ex');
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeVisible();
  await expect(page.locator('#notices b')).toHaveCount(0);
  await expect(page.locator('.cal-headline')).toContainText('At T = 0.05 the model');
  expect(errors).toEqual([]);
});

// explorer.spec.ts — the activation explorer (site page and embed) in Chromium: engine-drawn plots,
// the z control by keyboard with readouts equal to the engine's values, URL state round trips,
// hostile links, classroom mode, embed code, no console errors, no axe violations, phone width.
import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../../web/src/ui/format';
import { axeViolations, engineValue, siteOrigin, watchErrors, watchKatexScripts, widgetReady } from './helpers';

/** The readout row of activation `name`: [f(z), f′(z)] as shown. */
async function readout(page: Page, name: string): Promise<[string, string]> {
  const row = page.locator('table[data-readouts] tbody tr', { has: page.getByRole('rowheader', { name }) });
  const cells = row.locator('td');
  return [(await cells.nth(0).textContent())!, (await cells.nth(1).textContent())!];
}

async function expectEngineReadouts(page: Page, z: number): Promise<void> {
  await expect(page.locator('table[data-readouts] caption')).toContainText(`z = ${formatNumber(z, 4)}`);
  for (const [id, name] of [['sigmoid', 'Sigmoid (logistic)'], ['relu', 'ReLU']] as const) {
    const zf = Math.fround(z);
    expect(await readout(page, name)).toEqual([formatNumber(engineValue(id, zf, false), 5), formatNumber(engineValue(id, zf, true), 5)]);
  }
}

for (const url of ['explorer.html', 'embed/explorer.html']) {
  test(`${url} loads with engine-drawn plots and no console errors`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(url);
    await widgetReady(page);
    await expect(page.locator('.plots canvas[role="img"]')).toHaveCount(2);
    await expect(page.locator('.plots canvas[role="img"]').first()).toHaveAttribute('aria-label', /Plot of f for Sigmoid \(logistic\), Tanh, ReLU.*At the cursor z = 0\.5/);
    await expect(page.locator('.formula .katex').first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${url} has no WCAG 2.2 AA violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await widgetReady(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('formulas and the cheat sheet arrive typeset from the build; KaTeX\'s JS is never fetched', async ({ page }) => {
  const katexScripts = watchKatexScripts(page);
  await page.goto('explorer.html?act=sigmoid,gelu,softmax');
  await widgetReady(page);
  await expect(page.locator('.formula-card')).toHaveCount(3);
  await expect(page.locator('.formula-card .formula > .katex')).toHaveCount(5); // f and f′ twice, softmax's f
  const rows = await page.locator('.sheet tbody tr').count();
  expect(rows).toBeGreaterThanOrEqual(18);
  await expect(page.locator('.sheet tbody .katex')).toHaveCount(rows); // one range per activation
  await expect(page.locator('.tex-pending, .katex-error')).toHaveCount(0);
  expect(await katexScripts()).toEqual([]);
});

test('the z control works by keyboard and the readouts are the engine’s values', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid,relu');
  await widgetReady(page);
  const z = page.getByRole('slider', { name: 'z (input)' });
  await z.focus();
  const value = async () => Number(await z.inputValue());
  for (const key of ['ArrowRight', 'ArrowRight', 'Home', 'PageUp', 'End', 'ArrowLeft', 'PageDown']) {
    const before = await value();
    await page.keyboard.press(key);
    const after = await value();
    if (key === 'Home') expect(after).toBe(-5);
    else if (key === 'End') expect(after).toBe(5);
    else if (key.includes('Right') || key === 'PageUp') expect(after).toBeGreaterThan(before);
    else expect(after).toBeLessThan(before);
    await expectEngineReadouts(page, after);
  }
  await expect(page).toHaveURL(/[?&]z=/);
  // The live region says the same in words.
  await expect(page.locator('#readout-live')).toContainText('Sigmoid (logistic): f(');
});

test('typing z into the number box updates the readouts and clamps to the range', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid,relu');
  await widgetReady(page);
  const box = page.getByRole('spinbutton', { name: 'z (input) (number)' });
  await box.fill('-2.25');
  await box.press('Enter');
  await expectEngineReadouts(page, -2.25);
  await box.fill('99');
  await box.press('Enter');
  await expect(box).toHaveValue('5');
  await expectEngineReadouts(page, 5);
});

test('URL state round-trips: a changed widget reloads to the same state', async ({ page }) => {
  await page.goto('explorer.html?act=gelu,relu&zmin=-3&zmax=4&z=1.5&sheet=0');
  await widgetReady(page);
  await expect(page.getByRole('checkbox', { name: 'GELU (exact)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Sigmoid (logistic)' })).not.toBeChecked();
  await expect(page.getByRole('slider', { name: 'z (input)' })).toHaveValue('1.5');
  await expect(page.locator('.sheet')).toBeHidden();
  await page.getByRole('checkbox', { name: 'ELU', exact: true }).check();
  await expect(page.getByRole('slider', { name: 'ELU: alpha' })).toBeVisible();
  await page.getByRole('spinbutton', { name: 'ELU: alpha (number)' }).fill('2.5');
  await page.getByRole('spinbutton', { name: 'ELU: alpha (number)' }).press('Enter');
  await expect(page).toHaveURL(/act=gelu,relu,elu/);
  await expect(page).toHaveURL(/elu\.alpha=2\.5/);
  const saved = page.url();
  await page.goto(saved);
  await widgetReady(page);
  await expect(page.getByRole('checkbox', { name: 'ELU', exact: true })).toBeChecked();
  await expect(page.getByRole('slider', { name: 'ELU: alpha' })).toHaveValue('2.5');
  await expect(page.getByRole('slider', { name: 'z from' })).toHaveValue('-3');
  expect(page.url()).toBe(saved);
});

test('a hostile link is ignored or clamped with a visible notice, never executed', async ({ page }) => {
  const errors = watchErrors(page);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  const script = encodeURIComponent('<img src=x onerror=alert(1)><script>alert(2)</script>');
  await page.goto(`explorer.html?act=${script},relu&zmin=NaN&zmax=1e9&z=-Infinity&T=${script}&hide=${script}`);
  await widgetReady(page);
  const notices = page.locator('#notices');
  await expect(notices).toBeVisible();
  await expect(notices).toContainText('is not one of the choices');
  await expect(notices).toContainText('outside');
  await expect(page.locator('#notices img, #notices script')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'ReLU', exact: true })).toBeChecked();
  await expect(page.getByRole('slider', { name: 'z to' })).toHaveValue('50');
  expect(dialogs).toBe(0);
  expect(errors).toEqual([]);
});

test('classroom mode hides the controls a teacher lists', async ({ page }) => {
  await page.goto('explorer.html?act=tanh&hide=act,zmin,zmax,sheet');
  await widgetReady(page);
  await expect(page.getByRole('group', { name: 'Activations' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'z from' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'z (input)' })).toBeVisible();
  await expect(page.locator('.sheet')).toBeHidden();
  await expect(page.locator('.controls-panel')).toContainText('hidden by this link');
});

test('Copy embed code gives iframe HTML for the current state', async ({ page }) => {
  await page.goto('explorer.html?act=swish,mish&hide=act');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const code = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(code.startsWith(`<iframe src="${siteOrigin}/embed/explorer.html?act=swish,mish&amp;hide=act" title="Activation explorer (Activation Lab)"`)).toBe(true);
  expect(code).toContain(`<script src="${siteOrigin}/embed.js" async></script>`);
});

test('fits a 360 px phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('explorer.html');
  await widgetReady(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

/** Ink (alpha > 0) in the outer `edge` pixels (left, right, top, bottom) of every canvas under `scope`: a cut label leaves some. */
async function edgeInk(page: Page, scope: string, edge = 2): Promise<number[]> {
  return page.locator(`${scope} canvas`).evaluateAll((canvases, e) => canvases.map((c) => {
    const canvas = c as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const { width: w, height: h } = canvas;
    let ink = 0;
    const count = (x: number, y: number, cw: number, ch: number) => {
      const d = ctx.getImageData(x, y, cw, ch).data;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) ink++;
    };
    count(0, 0, e, h); count(w - e, 0, e, h); count(0, h - e, w, e); count(0, 0, w, e);
    return ink;
  }), edge);
}

test('Leaky ReLU at its default α shows α = 0.01 and no dead zone (issue 7, bug 2)', async ({ page }) => {
  await page.goto('explorer.html?act=leaky_relu');
  await widgetReady(page);
  await expect(page.getByRole('spinbutton', { name: /Leaky ReLU: α \(number\)|Leaky ReLU: alpha \(number\)/ })).toHaveValue('0.01');
  const row = page.locator('table[data-readouts] tbody tr', { has: page.getByRole('rowheader', { name: /Leaky ReLU/ }) });
  await expect(row.locator('td').nth(2)).toHaveText('0%');
  await expect(page.locator('.shade-note')).toContainText('0%');
  await expect(page.locator('.shade-note')).not.toContainText('50%');
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [360, 768, 1280]) {
    test(`axis labels are never cut at the canvas edge: GELU error view and plots, ${width} px ${colorScheme} (issue 7, bug 3)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('explorer.html?act=sigmoid,gelu');
      await widgetReady(page);
      await expect(page.locator('.gelu-view canvas')).toHaveCount(1);
      expect(await edgeInk(page, '.gelu-view')).toEqual([0]);
      expect(await edgeInk(page, '.plots')).toEqual([0, 0]);
    });
  }
}

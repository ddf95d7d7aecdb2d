// explorer.spec.ts — the activation explorer (site page and embed) in Chromium: engine-drawn plots,
// the z control by keyboard with readouts equal to the engine's values, URL state round trips,
// hostile links, classroom mode, embed code, no console errors, no axe violations, phone width.
import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../../web/src/ui/format';
import { axeInBothThemes, axeViolations, engine, engineValue, fitsPhone, loadsCleanly, sidewaysOverflow, siteOrigin, watchErrors, watchKatexScripts, widgetReady } from './helpers';

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
    await loadsCleanly(page, url, async () => {
      await expect(page.locator('.plots canvas[role="img"]')).toHaveCount(2);
      await expect(page.locator('.plots canvas[role="img"]').first()).toHaveAttribute('aria-label', /Plot of f\(z\) for z from −5 to 5\. Sigmoid \(logistic\): rises .*Tanh: rises .*ReLU: rises .*Cursor at z = 0\.5/);
      await expect(page.locator('.formula .katex').first()).toBeVisible();
    });
  });

  axeInBothThemes(url);
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
  await expect(page.getByRole('slider', { name: 'ELU: α' })).toBeVisible();
  await page.getByRole('spinbutton', { name: 'ELU: α (number)' }).fill('2.5');
  await page.getByRole('spinbutton', { name: 'ELU: α (number)' }).press('Enter');
  await expect(page).toHaveURL(/act=gelu,relu,elu/);
  await expect(page).toHaveURL(/elu\.alpha=2\.5/);
  const saved = page.url();
  await page.goto(saved);
  await widgetReady(page);
  await expect(page.getByRole('checkbox', { name: 'ELU', exact: true })).toBeChecked();
  await expect(page.getByRole('slider', { name: 'ELU: α' })).toHaveValue('2.5');
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

fitsPhone('explorer.html');

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

/** The plot area (uPlot's input overlay) of the f plot (0) or the f′ plot (1). */
const plotArea = (page: Page, which: 0 | 1) => page.locator('.plots .plot-box').nth(which).locator('.u-over');

/** The client point at fraction `fx` of the plot area's width, halfway down. */
async function at(page: Page, which: 0 | 1, fx: number): Promise<{ x: number; y: number }> {
  await plotArea(page, which).evaluate((e) => e.scrollIntoView({ block: 'center' })); // clear of the sticky z control
  const box = (await plotArea(page, which).boundingBox())!;
  return { x: box.x + box.width * fx, y: box.y + box.height / 2 };
}

test('dragging on either plot moves z and the readouts follow; hovering reads values without moving z', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid,relu');
  await widgetReady(page);
  const z = page.getByRole('slider', { name: 'z (input)' });
  // Press at 25 % of the f plot (z = −2.5), drag to 80 % (z = 3), release.
  let p = await at(page, 0, 0.25);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await expect(z).toHaveValue('-2.5');
  await expectEngineReadouts(page, -2.5);
  p = await at(page, 0, 0.8);
  await page.mouse.move(p.x, p.y, { steps: 5 });
  await page.mouse.up();
  await expect(z).toHaveValue('3');
  await expectEngineReadouts(page, 3);
  await expect(page).toHaveURL(/[?&]z=3(&|$)/);
  // The f′ plot works the same way.
  p = await at(page, 1, 0.5);
  await page.mouse.click(p.x, p.y);
  await expect(z).toHaveValue('0');
  // Hover: a tip with the plotted values under the pointer, z unchanged.
  p = await at(page, 0, 0.9);
  await page.mouse.move(p.x, p.y);
  const tip = page.locator('.plots .plot-box').nth(0).locator('.plot-hover');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('z = 4');
  await expect(tip).toContainText(`Sigmoid (logistic) ${formatNumber(engineValue('sigmoid', 4, false), 4)}`);
  await expect(z).toHaveValue('0');
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  // The keyboard still drives z.
  await z.focus();
  await page.keyboard.press('End');
  await expect(z).toHaveValue('5');
});

test.describe('touch', () => {
  test.use({ hasTouch: true, viewport: { width: 360, height: 740 } });
  test('at 360 px a learner drags z on the sigmoid plot with a finger and sees plot, z and readout together', async ({ page }) => {
    await page.goto('explorer.html?act=sigmoid');
    await widgetReady(page);
    const z = page.getByRole('slider', { name: 'z (input)' });
    const p = await at(page, 0, 0.3);
    await page.touchscreen.tap(p.x, p.y);
    await expect(z).not.toHaveValue('0.5');
    // A sideways finger drag, as CDP touch events (touch-action: pan-y leaves sideways moves to the plot).
    const cdp = await page.context().newCDPSession(page);
    const from = await at(page, 0, 0.2), to = await at(page, 0, 0.7);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
    for (let k = 1; k <= 6; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + ((to.x - from.x) * k) / 6, y: from.y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(z).toHaveValue('2');
    await expect(page.locator('.quick-readout')).toContainText(`At z = 2 — Sigmoid (logistic): f = ${formatNumber(engineValue('sigmoid', 2, false), 4)}`);
    // Plot, z control and the readout line fit on the screen at once (scrolled to the z control).
    await page.locator('.z-slot').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    for (const locator of [z, page.locator('.quick-readout'), plotArea(page, 0)]) {
      const box = (await locator.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(740);
    }
    // On a phone the plots come before the (folded) activation list.
    const plotsTop = (await page.locator('.plots').boundingBox())!.y;
    const listTop = (await page.locator('.act-fold').boundingBox())!.y;
    expect(plotsTop).toBeLessThan(listTop);
    await expect(page.locator('.act-fold')).not.toHaveAttribute('open', '');
  });
});

for (const width of [768, 1280]) {
  test(`plot and z control are visible together at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('explorer.html');
    await widgetReady(page);
    for (const locator of [page.getByRole('slider', { name: 'z (input)' }), plotArea(page, 0)]) {
      const box = (await locator.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(800);
    }
  });
}

test('each curve’s dead zone is shaded in its own bar, or one curve’s as chosen; note and table agree', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid,relu,leaky_relu');
  await widgetReady(page);
  const note = page.locator('.shade-note');
  await expect(note).toContainText('one per curve');
  await expect(note).toContainText('Sigmoid (logistic) 8%, ReLU 50%, Leaky ReLU, α = 0.01 0%');
  const share = (name: RegExp) => page.locator('table[data-readouts] tbody tr', { has: page.getByRole('rowheader', { name }) }).locator('td').nth(2);
  await expect(share(/Sigmoid/)).toHaveText('8%');
  await expect(share(/^ReLU$/)).toHaveText('50%');
  // The bars are drawn in the series' colours: the f′ canvas has ink of series 0 and 1 near its bottom.
  const select = page.getByRole('combobox', { name: 'Shade the dead zone of' });
  await select.selectOption({ label: 'ReLU' });
  await expect(note).toContainText('where |f′| of ReLU is below 0.01 (saturated or dead), 50% of this range');
  await expect(page).toHaveURL(/shade=relu/);
  await expect(page.locator('.plots canvas').nth(1)).toHaveAttribute('aria-label', /Shaded: where \|f′\| of ReLU is below 0\.01/);
  await page.reload();
  await widgetReady(page);
  await expect(select).toHaveValue('relu');
});

test('a seventh activation is refused with a visible reason', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid,tanh,relu,elu,gelu,mish');
  await widgetReady(page);
  await page.locator('.act-fold').evaluate((d) => { (d as HTMLDetailsElement).open = true; });
  const seventh = page.getByRole('checkbox', { name: 'Softplus' });
  await seventh.click();
  await expect(seventh).not.toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'At most six at once' })).toBeVisible();
  await expect(page).toHaveURL(/act=sigmoid,tanh,relu,elu,gelu,mish(&|$)/);
  await page.getByRole('checkbox', { name: 'Mish' }).uncheck();
  await expect(page.locator('.refusal')).toBeHidden();
});

test('text alternatives describe each curve’s shape from engine numbers; the live region speaks once values settle', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid,relu');
  await widgetReady(page);
  const f = page.locator('.plots canvas').first();
  await expect(f).toHaveAttribute('aria-label', /Sigmoid \(logistic\): rises from 0\.0067 to 0\.99, steepest at z = 0 \(slope 0\.25\); slope below 0\.01 for \|z\| > 4\.6 \(8% of this range\)/);
  await expect(f).toHaveAttribute('aria-label', /ReLU: rises from 0 to 5, .*slope below 0\.01 for z < 0 \(50% of this range\)/);
  // Holding an arrow key: the live region is written once, after the last step.
  const live = page.locator('#readout-live');
  await expect(live).toContainText('At z = 0.5');
  await page.evaluate(() => {
    const node = document.getElementById('readout-live')!;
    (window as unknown as { writes: number }).writes = 0;
    new MutationObserver((m) => { (window as unknown as { writes: number }).writes += m.length; }).observe(node, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('slider', { name: 'z (input)' }).focus();
  for (let k = 0; k < 8; k++) await page.keyboard.press('ArrowRight');
  await expect(live).toContainText('At z = 0.9');
  await page.waitForTimeout(800);
  expect(await page.evaluate(() => (window as unknown as { writes: number }).writes)).toBe(1);
});

test('cheat sheet and labels use typeset maths: no ASCII arrows, broken phrases or hyphen minus signs', async ({ page }) => {
  await page.goto('explorer.html?act=leaky_relu,swish');
  await widgetReady(page);
  // The visible words, without KaTeX's TeX annotations.
  const sheet = await page.locator('.sheet table').evaluate((t) => { const c = t.cloneNode(true) as HTMLElement; c.querySelectorAll('.katex').forEach((k) => k.remove()); return c.textContent!; });
  for (const bad of ['<<', '->', ' sigma', 'alpha', 'beta', 'lambda', 'at everywhere', 'at nowhere', ' -0', ' -1', '(-', ' - 1']) expect(sheet, bad).not.toContain(bad);
  expect(sheet).toContain('x ≪ 0 (slope → 0)');
  expect(sheet).toContain('2σ(2x) − 1');
  expect(sheet).toContain('1 everywhere');
  await expect(page.getByRole('slider', { name: 'Leaky ReLU: α' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Swish / SiLU: β' })).toBeVisible();
  await expect(page.locator('.plots .legend')).toContainText('Leaky ReLU, α = 0.01');
});

test('parameter variants: Leaky ReLU overlaid at α = 0.01 and α = 0.3, legends say which, the link keeps both', async ({ page }) => {
  await page.goto('explorer.html?act=leaky_relu&z=-2');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Overlay Leaky ReLU at a second α' }).click();
  const second = page.getByRole('spinbutton', { name: 'Leaky ReLU (second copy): α (number)' });
  await expect(second).toBeVisible();
  await second.fill('0.3');
  await second.press('Enter');
  await expect(page).toHaveURL(/act=leaky_relu,leaky_relu-2/);
  await expect(page).toHaveURL(/leaky_relu-2\.alpha=0\.3/);
  const legend = page.locator('.plots .legend').first();
  await expect(legend).toContainText('Leaky ReLU, α = 0.01');
  await expect(legend).toContainText('Leaky ReLU, α = 0.3');
  const f = (name: string) => page.locator('table[data-readouts] tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) }).locator('td').first();
  await expect(f('Leaky ReLU, α = 0.01')).toHaveText(formatNumber(Math.fround(-2) * Math.fround(0.01), 5));
  await expect(f('Leaky ReLU, α = 0.3')).toHaveText('−0.6');
  await expect(page.locator('.plots canvas').first()).toHaveAttribute('aria-label', /Leaky ReLU, α = 0\.3: rises from −1\.5 to 5/);
  const saved = page.url();
  await page.reload();
  await widgetReady(page);
  expect(page.url()).toBe(saved);
  await expect(legend).toContainText('Leaky ReLU, α = 0.3');
  await page.getByRole('button', { name: 'Remove the second Leaky ReLU' }).click();
  await expect(legend).not.toContainText('α = 0.3');
  await expect(page).not.toHaveURL(/leaky_relu-2/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [360, 768, 1280]) {
    test(`variants, shading chooser, refusal and hover pass axe WCAG 2.2 AA at ${width} px (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('explorer.html?act=sigmoid,relu,leaky_relu,leaky_relu-2,elu,swish');
      await widgetReady(page);
      await page.locator('.act-fold').evaluate((d) => { (d as HTMLDetailsElement).open = true; });
      await page.getByRole('checkbox', { name: 'Tanh', exact: true }).click(); // the seventh: refused, with a status line
      await expect(page.locator('.refusal')).toBeVisible();
      const p = await at(page, 0, 0.6);
      await page.mouse.move(p.x, p.y);
      await expect(page.locator('.plot-hover').first()).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });
  }
}

test('keyboard only: every new control is reachable by Tab and works with keys', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid,relu,leaky_relu');
  await widgetReady(page);
  const reached = new Set<string>();
  for (let k = 0; k < 60; k++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return a === null ? '' : `${a.tagName}:${a.getAttribute('aria-label') ?? a.textContent?.trim() ?? ''}:${(a as HTMLInputElement).type ?? ''}`;
    });
    reached.add(name);
    if (name.startsWith('SELECT') && name.includes('Each curve')) {
      await page.keyboard.type('S'); // type-ahead: "Each curve" → "Sigmoid (logistic)" alone
      await expect(page.locator('.shade-note')).toContainText('where |f′| of Sigmoid (logistic) is below 0.01');
    }
    if (name.includes('Overlay Leaky ReLU at a second α')) {
      await page.keyboard.press('Enter');
      await expect(page.locator('.plots .legend').first()).toContainText('Leaky ReLU, α = 0.26');
      break;
    }
  }
  const all = [...reached].join('\n');
  expect(all).toContain('INPUT::range'); // the z slider (its name comes from its label)
  expect(all).toMatch(/SELECT/);
  expect(all).toContain('Overlay Leaky ReLU at a second α');
});

test('the f and f′ plots share their x positions, so the two cursors and any drag line up', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid,tanh,gelu');
  await widgetReady(page);
  const [a, b] = [(await plotArea(page, 0).boundingBox())!, (await plotArea(page, 1).boundingBox())!];
  expect(a.x).toBe(b.x);
  expect(a.width).toBe(b.width);
});

for (const width of [360, 1280]) {
  test(`the z control stays in view while scrolling through the plots (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    await page.goto('explorer.html?act=sigmoid,tanh');
    await widgetReady(page);
    await plotArea(page, 1).evaluate((e) => e.scrollIntoView({ block: 'end' })); // the f′ plot at the bottom of the screen
    const z = (await page.getByRole('slider', { name: 'z (input)' }).boundingBox())!;
    const df = (await plotArea(page, 1).boundingBox())!;
    expect(z.y).toBeGreaterThanOrEqual(0);
    expect(z.y + z.height).toBeLessThan(df.y); // above the f′ plot, not over it
    expect(df.y + df.height).toBeLessThanOrEqual(741);
    // Dragging on the f′ plot from here still moves z.
    const p = await at(page, 1, 0.75);
    await page.mouse.click(p.x, p.y);
    await expect(page.getByRole('slider', { name: 'z (input)' })).toHaveValue('2.5');
  });
}

test('a typed activation overlays GELU: engine f, f′, TeX, cheat-sheet row and words; a typo shows its caret; the link keeps it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('explorer.html?act=gelu,expr');
  await widgetReady(page);
  const legend = page.locator('.plots .legend').first();
  await expect(legend).toContainText('GELU');
  await expect(legend).toContainText('your f(z) = x * sigmoid(1.702 * x)');
  // Its f and f′ at the cursor are the engine's (the Node build's tape, same bits).
  interface Buf { view(): Float32Array; delete(): void }
  const m = engine() as unknown as {
    exprCheatRow(t: string, p: string, lo: number, hi: number, n: number): string;
    exprCheck(t: string, p: string): string;
    exprEvalBoth(t: string, p: string, x: Buf, y: Buf, dy: Buf): string;
    F32Buffer: new (n: number) => Buf;
  };
  const [x, y, dy] = [new m.F32Buffer(1), new m.F32Buffer(1), new m.F32Buffer(1)];
  x.view()[0] = 0.5;
  expect(m.exprEvalBoth('x * sigmoid(1.702 * x)', '', x, y, dy)).toBe('');
  const [f05, df05] = [y.view()[0]!, dy.view()[0]!];
  for (const b of [x, y, dy]) b.delete();
  const row = page.locator('table[data-readouts] tbody tr', { has: page.getByRole('rowheader', { name: /your f\(z\)/ }) });
  await expect(row.locator('td').nth(0)).toHaveText(formatNumber(f05, 5));
  await expect(row.locator('td').nth(1)).toHaveText(formatNumber(df05, 5));
  // TeX of f and f′ from the engine, typeset (KaTeX loads for a learner's own formula).
  const card = page.locator('.formula-card[data-formula="expr"]');
  await expect(card.locator('.katex')).toHaveCount(2, { timeout: 15_000 });
  const tex = JSON.parse(m.exprCheck('x * sigmoid(1.702 * x)', '')) as { tex: string };
  await expect(card.locator('annotation').first()).toHaveText(`f(x) = ${tex.tex}`);
  // The cheat-sheet row is the engine's.
  const cheat = (JSON.parse(m.exprCheatRow('x * sigmoid(1.702 * x)', '', -5, 5, 100)) as { row: { monotonic: string; deadShare: number } }).row;
  const typedRow = page.locator('.sheet .typed-row table');
  await expect(typedRow).toContainText(cheat.monotonic);
  await expect(typedRow).toContainText(`${formatNumber(100 * cheat.deadShare)} %`);
  // The text alternative describes it from the engine's features.
  await expect(page.locator('.plots canvas').first()).toHaveAttribute('aria-label', /Plot of f\(z\) .*your f\(z\) = x \* sigmoid\(1\.702 \* x\): /);
  // A typo: the message and the caret under the box; GELU is still drawn; the link keeps the text.
  const box = page.getByRole('textbox', { name: 'Your activation f(z)' });
  await box.fill('x * sigmod(1.702 * x)');
  const status = page.locator('.fx-status');
  await expect(status.locator('.error-line')).toHaveText('unknown function "sigmod" — did you mean "sigmoid"?');
  await expect(status.locator('pre.caret')).toHaveText('unknown function "sigmod" — did you mean "sigmoid"?\n  x * sigmod(1.702 * x)\n      ^');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(legend).not.toContainText('your f(z)');
  await expect(legend).toContainText('GELU');
  await expect.poll(() => new URL(page.url()).searchParams.get('fx')).toBe('x * sigmod(1.702 * x)');
  // Corrected: drawn again; a reload restores it.
  await box.fill('x * tanh(softplus(x))');
  await expect(legend).toContainText('your f(z) = x * tanh(softplus(x))');
  await expect(status).toBeEmpty();
  await page.reload();
  await widgetReady(page);
  await expect(page.getByRole('textbox', { name: 'Your activation f(z)' })).toHaveValue('x * tanh(softplus(x))');
  await expect(legend).toContainText('your f(z) = x * tanh(softplus(x))');
  expect(errors).toEqual([]);
});

test('typing an activation adds it to the curves; a link with a typo or a too long one gets a notice, not a blank page', async ({ page }) => {
  await page.goto('explorer.html?act=sigmoid');
  await widgetReady(page);
  await expect(page.getByRole('checkbox', { name: 'Your activation (typed below)' })).not.toBeChecked();
  await page.getByRole('textbox', { name: 'Your activation f(z)' }).fill('max(0.1 * x, x)');
  await expect(page.getByRole('checkbox', { name: 'Your activation (typed below)' })).toBeChecked();
  await expect(page.locator('.plots .legend').first()).toContainText('your f(z) = max(0.1 * x, x)');
  await expect.poll(() => new URL(page.url()).searchParams.get('act')).toBe('sigmoid,expr');

  await page.goto('explorer.html?act=relu,expr&fx=max(0,)');
  await widgetReady(page);
  await expect(page.locator('#notices')).toContainText('Your activation f(z): unexpected ")" at column 7');
  await expect(page.locator('.fx-status pre.caret')).toHaveText('unexpected ")" at column 7\n  max(0,)\n        ^');
  await expect(page.locator('.plots .legend').first()).toContainText('ReLU');

  await page.goto(`explorer.html?act=expr&fx=${'x+'.repeat(600)}x`);
  await widgetReady(page);
  await expect(page.locator('#notices')).toContainText('Your activation f(z): longer than 1000 characters; using the default.');
  await expect(page.locator('.plots .legend').first()).toContainText('your f(z) = x * sigmoid(1.702 * x)');

  // Locked by the link: the box is shown but not editable.
  await page.goto('explorer.html?act=gelu,expr&lock=fx');
  await widgetReady(page);
  await expect(page.getByRole('textbox', { name: 'Your activation f(z)' })).toBeDisabled();
});

test('the sandbox’s “Open it in the explorer” link overlays its expression on GELU', async ({ page }) => {
  await page.goto('exercises.html');
  await widgetReady(page);
  const sandbox = page.locator('#sandbox');
  await sandbox.getByLabel('f(x) =').fill('x * tanh(softplus(x))');
  const link = sandbox.getByRole('link', { name: 'Open it in the explorer' });
  await expect(link).toHaveAttribute('href', 'explorer.html?act=gelu,expr&fx=x+*+tanh%28softplus%28x%29%29');
  await link.click();
  await widgetReady(page);
  await expect(page.locator('.plots .legend').first()).toContainText('GELU');
  await expect(page.locator('.plots .legend').first()).toContainText('your f(z) = x * tanh(softplus(x))');
});

test('a long typed activation (or its caret error) never makes a 360 px phone scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const fx of [`x + ${'x*'.repeat(100)}x`, `x*sigmod(x) + ${'x'.repeat(200)}`]) {
    await page.goto(`explorer.html?act=sigmoid,gelu,expr&fx=${encodeURIComponent(fx)}`);
    await widgetReady(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), fx.slice(0, 20)).toBeLessThanOrEqual(360);
  }
});

// art.spec.ts — the art studio (site page and embed) in Chromium: the canvas shows exactly the engine's
// pixels (FNV-1a of the canvas = the engine's hash), the same seed and settings give the same hash as the
// native build, Randomise changes the art and the seed box brings it back, play/pause by keyboard,
// tiled PNG export, URL state, no console errors, no axe violations, phone width.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, engine, fnv1a64, watchErrors, widgetReady } from './helpers';

const PREVIEW = 320;
const nativeCli = path.resolve(__dirname, '../../build/native/actlab');

async function shownHash(page: Page): Promise<string> {
  const view = page.locator('.art-view');
  await expect(view).toHaveAttribute('data-hash', /^[0-9a-f]{16}$/);
  return (await view.getAttribute('data-hash'))!;
}

/** FNV-1a 64 of the canvas's RGBA bytes, computed by the test from what the page shows. */
async function canvasHash(page: Page): Promise<string> {
  const bytes = await page.locator('canvas.image-canvas').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    return Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data);
  });
  return fnv1a64(bytes);
}

/** The config the page rendered (data-hash-config is "<json>@<z>"). */
async function renderedConfig(page: Page): Promise<{ json: string; z: number }> {
  const raw = (await page.locator('.art-view').getAttribute('data-hash-config'))!;
  const at = raw.lastIndexOf('@');
  return { json: raw.slice(0, at), z: Number(raw.slice(at + 1)) };
}

for (const url of ['art.html', 'embed/art.html']) {
  test(`${url} loads, and its canvas holds exactly the engine's pixels`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`${url}?seed=11&act=relu,tanh,step&depth=3&color=hsv`);
    await widgetReady(page);
    const hash = await shownHash(page);
    expect(await canvasHash(page)).toBe(hash);
    await expect(page.locator('canvas.image-canvas')).toHaveAttribute('aria-label', new RegExp(`seed 11: 3 hidden layers.*ReLU, Tanh, Step.*HSV colour.*${hash}`));
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${url} has no WCAG 2.2 AA violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await widgetReady(page);
      await shownHash(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('the same seed and settings give the same pixel hash in the browser, in Node wasm and natively', async ({ page }) => {
  await page.goto('art.html?seed=7&act=step&width=24&scale=2.5&z=0.75');
  await widgetReady(page);
  const hash = await shownHash(page);
  const { json, z } = await renderedConfig(page);
  const r = new (engine().ArtRenderer)();
  expect(r.configure(json)).toBe('');
  expect(r.hash(PREVIEW, PREVIEW, z)).toBe(hash);
  r.delete();
  test.skip(!existsSync(nativeCli), 'native CLI not built');
  const native = execFileSync(nativeCli, ['art', '--config', json, '--size', `${PREVIEW}x${PREVIEW}`, '--z', String(z), '--hash'], { encoding: 'utf8' }).trim();
  expect(native).toBe(hash);
});

test('Randomise changes the art; typing the old seed back reproduces it', async ({ page }) => {
  await page.goto('art.html');
  await widgetReady(page);
  const first = await shownHash(page);
  const seedBox = page.getByRole('spinbutton', { name: 'Seed' });
  const oldSeed = await seedBox.inputValue();
  await page.getByRole('button', { name: 'Randomise' }).click();
  await expect(seedBox).not.toHaveValue(oldSeed);
  await expect(page.locator('.art-view')).not.toHaveAttribute('data-hash', first);
  const second = await shownHash(page);
  expect(await canvasHash(page)).toBe(second);
  await expect(page).toHaveURL(new RegExp(`seed=${await seedBox.inputValue()}`));
  await seedBox.fill(oldSeed);
  await seedBox.press('Enter');
  await expect(page.locator('.art-view')).toHaveAttribute('data-hash', first);
  expect(await canvasHash(page)).toBe(first);
});

test('keyboard only: Randomise, then play and pause the animation', async ({ page }) => {
  await page.goto('art.html');
  await widgetReady(page);
  const first = await shownHash(page);
  const randomise = page.getByRole('button', { name: 'Randomise' });
  await randomise.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.art-view')).not.toHaveAttribute('data-hash', first);
  const play = page.getByRole('button', { name: 'Play' });
  await play.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  const z = page.getByRole('slider', { name: 'z (time)' });
  await expect(z).not.toHaveValue('0');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  const stopped = await z.inputValue();
  await page.waitForTimeout(300);
  await expect(z).toHaveValue(stopped);
  await expect(page).toHaveURL(/z=/);
});

test('the animation never starts by itself (and prefers-reduced-motion is respected)', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('art.html');
  await widgetReady(page);
  await page.waitForTimeout(500);
  await expect(page.getByRole('slider', { name: 'z (time)' })).toHaveValue('0');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('exports a tiled PNG with progress', async ({ page }) => {
  await page.goto('art.html?export=512&seed=3');
  await widgetReady(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('activation-art-seed3-512.png');
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const png = Buffer.concat(chunks);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(512); // IHDR width
  expect(png.readUInt32BE(20)).toBe(512);
  await expect(page.locator('.export [role="status"]')).toContainText('Saved a 512 × 512 PNG');
});

test('URL state: per-layer activations and hidden controls survive a reload; bad values get a notice', async ({ page }) => {
  await page.goto('art.html?act=relu,tanh&depth=3&depth=9&color=purple&hide=seed,export');
  await widgetReady(page);
  await expect(page.locator('#notices')).toContainText('Colour mode');
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Layer 3' })).toHaveValue('tanh');
  const before = await shownHash(page);
  await page.getByRole('combobox', { name: 'Layer 2' }).selectOption('step');
  await expect(page).toHaveURL(/act=relu,step,tanh&depth=3/);
  await expect(page).toHaveURL(/hide=seed,export/);
  // The URL changes at once; the new picture (and its hash) arrives from the worker after it.
  await expect(page.locator('.art-view')).not.toHaveAttribute('data-hash', before);
  const hash = await shownHash(page);
  await page.reload();
  await widgetReady(page);
  await expect(page.getByRole('combobox', { name: 'Layer 2' })).toHaveValue('step');
  expect(await shownHash(page)).toBe(hash);
});

test('fits a 360 px phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('art.html');
  await widgetReady(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

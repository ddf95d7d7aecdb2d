// art.spec.ts — the art studio (site page and embed) in Chromium: the canvas shows exactly the engine's
// pixels (FNV-1a of the canvas = the engine's hash), the same seed and settings give the same hash as the
// native build, Randomise changes the art and the seed box brings it back, play/pause by keyboard,
// tiled PNG export, URL state, no console errors, no axe violations, phone width.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeInBothThemes, engine, fitsPhone, fnv1a64, watchErrors, widgetReady } from './helpers';

const nativeCli = path.resolve(__dirname, '../../build/native/actlab');

async function shownHash(page: Page): Promise<string> {
  const view = page.locator('.art-view');
  await expect(view).toHaveAttribute('data-hash', /^[0-9a-f]{16}$/);
  return (await view.getAttribute('data-hash'))!;
}

/**
 * FNV-1a 64 of bytes, run in the page, in four 16-bit limbs (a BigInt per byte is too slow for
 * millions of bytes); checked against the BigInt reference `fnv1a64`. Self-contained: Playwright
 * sends its source to the page.
 */
function limbFnv(data: ArrayLike<number>): string {
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2; // 0xcbf29ce484222325
  for (let i = 0; i < data.length; i++) {
    h0 ^= data[i]!;
    // times the FNV prime 0x100000001b3 = 2^40 + 0x1b3 (2^40 moves limb k to limb k+2, 8 bits up)
    const t0 = h0 * 0x1b3, t1 = h1 * 0x1b3 + (t0 >>> 16), t2 = h2 * 0x1b3 + (t1 >>> 16) + (h0 << 8), t3 = h3 * 0x1b3 + (t2 >>> 16) + (h1 << 8);
    h0 = t0 & 0xffff; h1 = t1 & 0xffff; h2 = t2 & 0xffff; h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((v) => v.toString(16).padStart(4, '0')).join('');
}

/** FNV-1a 64 of the canvas's RGBA bytes, computed by the test from what the page shows. */
async function canvasHash(page: Page): Promise<string> {
  const data = await page.locator('canvas.image-canvas').evaluateHandle((c) => {
    const canvas = c as HTMLCanvasElement;
    return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  });
  return page.evaluate(limbFnv, data);
}

/** FNV-1a 64 of a PNG's decoded RGBA pixels, decoded and hashed by the browser. */
async function pngPixelHash(page: Page, png: Buffer): Promise<string> {
  const data = await page.evaluateHandle(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  }, png.toString('base64'));
  return page.evaluate(limbFnv, data);
}

/** The config the page rendered (data-hash-config is "<json>@<z>") and the preview's side in pixels. */
async function renderedConfig(page: Page): Promise<{ json: string; z: number; size: number }> {
  const raw = (await page.locator('.art-view').getAttribute('data-hash-config'))!;
  const at = raw.lastIndexOf('@');
  const size = Number(await page.locator('.art-view').getAttribute('data-hash-size'));
  return { json: raw.slice(0, at), z: Number(raw.slice(at + 1)), size };
}

for (const url of ['art.html', 'embed/art.html']) {
  test(`${url} loads, and its canvas holds exactly the engine's pixels`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`${url}?seed=11&act=relu,tanh,step&depth=3&color=hsv`);
    await widgetReady(page);
    const hash = await shownHash(page);
    expect(await canvasHash(page)).toBe(hash);
    // The text alternative names the settings, not the hash (which is in the developers' details).
    const label = (await page.locator('canvas.image-canvas').getAttribute('aria-label'))!;
    expect(label).toMatch(/seed 11: 3 hidden layers.*ReLU, Tanh, Step.*HSV colour/);
    expect(label).not.toContain(hash);
    await page.getByText('For developers: the pixel hash').click();
    await expect(page.locator('.hash-line')).toContainText(hash);
    expect(errors).toEqual([]);
  });

  axeInBothThemes(url, { settled: shownHash });
}

test('the same seed and settings give the same pixel hash in the browser, in Node wasm and natively', async ({ page }) => {
  await page.goto('art.html?seed=7&act=step&width=24&scale=2.5&z=0.75');
  await widgetReady(page);
  const hash = await shownHash(page);
  const { json, z, size } = await renderedConfig(page);
  const r = new (engine().ArtRenderer)();
  expect(r.configure(json)).toBe('');
  expect(r.hash(size, size, z)).toBe(hash);
  r.delete();
  test.skip(!existsSync(nativeCli), 'native CLI not built');
  const native = execFileSync(nativeCli, ['art', '--config', json, '--size', `${size}x${size}`, '--z', String(z), '--hash'], { encoding: 'utf8' }).trim();
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

/** The bytes of a download. */
async function downloaded(file: import('@playwright/test').Download): Promise<Buffer> {
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

test('the in-page FNV-1a agrees with the BigInt reference', async ({ page }) => {
  const bytes = Array.from({ length: 4099 }, (_, i) => (i * 131 + (i >> 3)) & 255);
  expect(await page.evaluate(limbFnv, bytes)).toBe(fnv1a64(bytes));
});

test('the in-page FNV-1a of a PNG agrees with the engine (checks the helper)', async ({ page }) => {
  await page.goto('art.html?export=512&seed=3');
  await widgetReady(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const png = await downloaded(await download);
  const r = new (engine().ArtRenderer)();
  expect(r.configure(JSON.stringify({ seed: 3, depth: 4, width: 16, activation: 'tanh', weightScale: 1, colorMode: 'rgb', useR: true, useZ: true, zoom: 1 }))).toBe('');
  expect(await pngPixelHash(page, png)).toBe(r.hash(512, 512, 0));
  r.delete();
});

test('bug 1: an export renders from its own snapshot — Randomise during the export changes neither its pixels nor its name', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('art.html?export=1024&seed=5&act=step&width=24');
  await widgetReady(page);
  const download = page.waitForEvent('download', { timeout: 80_000 });
  await page.getByRole('button', { name: 'Export PNG' }).click();
  // Any tile after the first and before the last: a quick export passes tile 9 between two polls.
  await expect(page.locator('.export [role="status"]')).toContainText(/tile ([2-9]|1[0-5]) of 16/);
  await page.getByRole('button', { name: 'Randomise' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).not.toHaveValue('5');
  const file = await download;
  const png = await downloaded(file);
  const r = new (engine().ArtRenderer)();
  expect(r.configure(JSON.stringify({ seed: 5, depth: 4, width: 24, activation: 'step', weightScale: 1, colorMode: 'rgb', useR: true, useZ: true, zoom: 1 }))).toBe('');
  expect(await pngPixelHash(page, png)).toBe(r.hash(1024, 1024, 0));
  r.delete();
  expect(file.suggestedFilename()).toBe('activation-art-seed5-step-4x24-z0-1024.png');
});

test('exports a tiled PNG with progress', async ({ page }) => {
  await page.goto('art.html?export=512&seed=3');
  await widgetReady(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('activation-art-seed3-tanh-4x16-z0-512.png');
  const png = await downloaded(file);
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

fitsPhone('art.html');

test('#8 finding 8: art.html?act=relu,tanh,relu&depth=3 reopens as ReLU, Tanh, ReLU and paints exactly that network', async ({ page }) => {
  await page.goto('art.html?act=relu,tanh,relu&depth=3');
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeHidden();
  for (const [i, id] of ['relu', 'tanh', 'relu'].entries()) await expect(page.getByRole('combobox', { name: `Layer ${i + 1}` })).toHaveValue(id);
  const hash = await shownHash(page);
  const { json, z, size } = await renderedConfig(page);
  expect(JSON.parse(json).activation).toEqual(['relu', 'tanh', 'relu']);
  const r = new (engine().ArtRenderer)();
  expect(r.configure(JSON.stringify({ seed: 1, depth: 3, width: 16, activation: ['relu', 'tanh', 'relu'], weightScale: 1, colorMode: 'rgb', useR: true, useZ: true, zoom: 1 }))).toBe('');
  expect(r.hash(size, size, z)).toBe(hash);
  r.delete();
  expect(await canvasHash(page)).toBe(hash);
  await page.reload();
  await widgetReady(page);
  expect(await shownHash(page)).toBe(hash);
});

test('the preview is drawn at the canvas’s device-pixel size (sharp step edges), and redrawn when the box changes', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('art.html?act=step&seed=7');
  await widgetReady(page);
  await shownHash(page);
  const sizes = () => page.locator('canvas.image-canvas').evaluate((c) => ({ w: (c as HTMLCanvasElement).width, h: (c as HTMLCanvasElement).height, css: c.clientWidth }));
  const wide = await sizes();
  expect(wide.w).toBe(Math.min(1024, Math.round(wide.css * 2)));
  expect(wide.h).toBe(wide.w);
  expect(Number(await page.locator('.art-view').getAttribute('data-hash-size'))).toBe(wide.w);
  expect(await canvasHash(page)).toBe(await shownHash(page));
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(async () => (await sizes()).w).toBe(Math.round((await sizes()).css * 2));
  expect((await sizes()).w).toBeLessThan(wide.w);
  await expect.poll(async () => Number(await page.locator('.art-view').getAttribute('data-hash-size'))).toBe((await sizes()).w);
  expect(await canvasHash(page)).toBe(await shownHash(page));
  await context.close();
});

test('Play sits beside the picture at 1280×900, and the developers’ hash never describes another picture', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('art.html');
  await widgetReady(page);
  const play = await page.getByRole('button', { name: 'Play' }).boundingBox();
  const canvas = await page.locator('canvas.image-canvas').boundingBox();
  expect(play!.y + play!.height).toBeLessThanOrEqual(900);
  expect(canvas!.y - (play!.y + play!.height)).toBeLessThan(40); // right above the picture
  expect(Math.abs(play!.x - canvas!.x)).toBeLessThan(4);
  const first = await shownHash(page);
  await page.getByText('For developers: the pixel hash').click();
  await expect(page.locator('.hash-line')).toContainText(first);
  // A new picture: the old hash disappears at once, the new one belongs to what the canvas shows.
  await page.getByRole('button', { name: 'Randomise' }).click();
  await expect(page.locator('.hash-line')).not.toContainText(first);
  const second = await shownHash(page);
  await expect(page.locator('.hash-line')).toContainText(second);
  expect(await canvasHash(page)).toBe(second);
  // While playing there is no hash (it would be stale at once).
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('.hash-line')).toHaveText('Not computed while the animation plays; pause to see it.');
  await expect(page.locator('.art-view')).not.toHaveAttribute('data-hash', /./);
  await page.getByRole('button', { name: 'Pause' }).click();
  const third = await shownHash(page);
  expect(await canvasHash(page)).toBe(third);
  await expect(page.locator('.hash-line')).toContainText(third);
});

test('Cancel stops an export between tiles', async ({ page }) => {
  await page.goto('art.html?export=2048&depth=8&width=32');
  await widgetReady(page);
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await expect(page.locator('.export [role="status"]')).toContainText(/tile \d+ of 64/);
  await page.getByRole('button', { name: 'Cancel export' }).click();
  await expect(page.locator('.export [role="status"]')).toHaveText(' Export cancelled.');
  await expect(page.getByRole('button', { name: 'Export PNG' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Cancel export' })).toBeHidden();
});

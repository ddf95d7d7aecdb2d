// art-page.mjs — the frame rate the art studio page reaches while playing, in Debian's Chromium:
// for each setting it opens art.html, presses Play, waits, and reads what the page measured itself
// (data-fps: frames drawn per second; data-size: the side drawn while playing; the note beside Play).
//
//   npx vite preview --config web/vite.config.ts --port 4280 --strictPort &
//   node web/bench/art-page.mjs [--base http://localhost:4280/] [--seconds 6] [--width 1280 --height 900]
//
// A command, never a test (speed is not asserted in tests). Numbers go to docs/art.md.
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback; };
const base = opt('base', 'http://localhost:4280/');
const seconds = Number(opt('seconds', '6'));
const viewport = { width: Number(opt('width', '1280')), height: Number(opt('height', '900')) };
const settings = [
  ['default (tanh, depth 4 × width 16)', ''],
  ['ReLU, depth 4 × width 16', 'act=relu'],
  ['exact GELU, depth 4 × width 16', 'act=gelu'],
  ['largest: tanh, depth 16 × width 64', 'depth=16&width=64'],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
console.log(`art page frame rate, ${viewport.width}×${viewport.height} CSS px, device pixel ratio 1, ${seconds} s of play each`);
for (const [name, query] of settings) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}art.html${query ? `?${query}` : ''}`);
  await page.locator('#widget[data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.locator('.art-view[data-hash]').waitFor({ timeout: 30_000 });
  const still = await page.locator('.art-view').getAttribute('data-size');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(seconds * 1000);
  const view = page.locator('.art-view');
  const fps = await view.getAttribute('data-fps');
  const size = await view.getAttribute('data-size');
  const note = await page.locator('.play-note').textContent();
  console.log(`${name}: still ${still}² px; playing ${fps ?? '?'} frames/s at ${size}² px — “${note}”`);
  await page.close();
}
await browser.close();

// race-speed.mjs — the activation race's speed in headless Debian Chromium, measured by hand (never
// in tests): 8 contestants on the spiral (the page's "Spiral, eight activations" preset with a long
// race), every decision map drawn each frame; for each speed setting, epochs per second of each
// contestant (data-epoch over the window) and frames per second of the page (requestAnimationFrame
// callbacks) over 10 s.
//
//   npx vite build --config web/vite.config.ts && node web/tools/race-speed.mjs [--seconds 10]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = join(root, 'dist');
const i = process.argv.indexOf('--seconds');
const seconds = i > 0 ? Number(process.argv[i + 1]) : 10;
if (!existsSync(join(dist, 'race.html'))) {
  console.error('dist/ has no race.html: run `npx vite build --config web/vite.config.ts` first');
  process.exit(1);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.bin': 'application/octet-stream', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  const path = normalize(join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!path.startsWith(dist) || !existsSync(path)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;
const require = createRequire(join(root, 'package.json'));
const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

const ACTS = 'sigmoid,tanh,relu,leaky_relu,elu,gelu,swish,softplus';
const rows = [];
for (const speed of ['round', 'fast']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}race.html?act=${ACTS}&data=spiral&noise=0.02&units=16,16&epochs=2000&target=0.9&speed=${speed}`);
  await page.waitForSelector('#widget[data-ready="true"]', { timeout: 30_000 });
  await page.evaluate(() => {
    const w = window;
    w.__frames = 0;
    const tick = () => { w.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.getByRole('button', { name: 'Race', exact: true }).click();
  await page.waitForTimeout(1000); // warm-up
  const read = () => page.evaluate(() => ({ epoch: Number(document.getElementById('widget').dataset.epoch), frames: window.__frames, t: performance.now() }));
  const a = await read();
  await page.waitForTimeout(seconds * 1000);
  const b = await read();
  const s = (b.t - a.t) / 1000;
  rows.push({ speed, epochsPerS: (b.epoch - a.epoch) / s, fps: (b.frames - a.frames) / s });
  await page.close();
}
await browser.close();
server.close();
console.log(`Activation race, 8 contestants on the spiral (2-16-16-1, Adam), headless Chromium, ${seconds} s each, every map drawn each frame; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.log('| speed setting | epochs/s each | page frames/s |\n| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.speed === 'round' ? 'One epoch a frame' : 'Fast (12 ms a frame)'} | ${r.epochsPerS.toFixed(0)} | ${r.fps.toFixed(0)} |`);

// race-speed.mjs — the activation race's speed in headless Debian Chromium, measured by hand (never
// in tests): 8 contestants on the spiral (the page's "Spiral, eight activations" preset with a long
// race), every decision map drawn each frame; for each speed setting, epochs per second of each
// contestant (data-epoch over the window) and frames per second of the page (requestAnimationFrame
// callbacks) over 10 s.
//
//   npx vite build --config web/vite.config.ts && node web/tools/race-speed.mjs [--seconds 10]
import { loadavg } from 'node:os';
import { openDist, secondsArg } from './dist-browser.mjs';

const seconds = secondsArg();
const { base, browser, close } = await openDist({ need: 'race.html' });

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
await close();
console.log(`Activation race, 8 contestants on the spiral (2-16-16-1, Adam), headless Chromium, ${seconds} s each, every map drawn each frame; load average ${loadavg()[0].toFixed(1)}`);
console.log('| speed setting | epochs/s each | page frames/s |\n| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.speed === 'round' ? 'One epoch a frame' : 'Fast (12 ms a frame)'} | ${r.epochsPerS.toFixed(0)} | ${r.fps.toFixed(0)} |`);

// playground-speed.mjs — the playground's speed while training, in headless Debian Chromium,
// measured by hand (never in tests): over 10 s of Play, the page's frames per second
// (requestAnimationFrame callbacks), the training frames drawn per second (each one a worker slice
// plus the decision map, every neuron's thumbnail, the weight edges, health and histograms), and
// epochs per second, and the worker's time per training frame (from posting a trainerAdvance to its
// answer arriving: the slice's training plus the snapshot it reads back). Two networks: the default (2-4-2-1 tanh, circle) and the frame
// (6 hidden layers × 8 tanh units on 500 spiral points). Prints the load average beside the numbers.
//
//   npx vite build --config web/vite.config.ts && node web/tools/playground-speed.mjs [--seconds 10]
import { cpus, loadavg } from 'node:os';
import { openDist, secondsArg } from './dist-browser.mjs';

const seconds = secondsArg();
const { base, browser, close } = await openDist({ need: 'playground.html' });

const CASES = [
  { name: 'default: circle, 2-4-2-1 tanh', query: '' },
  { name: '6 × 8 tanh on 500 spiral points', query: 'data=spiral&samples=500&units=8,8,8,8,8,8&act=tanh' },
];
const rows = [];
const load0 = loadavg()[0];
for (const c of CASES) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Time every trainerAdvance round trip to the engine worker (the worker answers in order).
  await page.addInitScript(() => {
    const W = window.Worker;
    window.__advance = [];
    window.Worker = class extends W {
      constructor(...a) {
        super(...a);
        const sent = new Map();
        const post = this.postMessage.bind(this);
        this.postMessage = (m, t) => { if (m && m.op === 'trainerAdvance') sent.set(m.id, performance.now()); return post(m, t); };
        this.addEventListener('message', (e) => {
          const t0 = sent.get(e.data?.id);
          if (t0 !== undefined) { sent.delete(e.data.id); window.__advance.push(performance.now() - t0); }
        });
      }
    };
  });
  await page.goto(`${base}playground.html?${c.query}`);
  await page.waitForSelector('#widget[data-ready="true"]', { timeout: 30_000 });
  await page.evaluate(() => {
    const w = window;
    w.__frames = 0; w.__draws = 0;
    const tick = () => { w.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    // A drawn training frame changes data-steps; count those changes.
    new MutationObserver(() => { w.__draws++; }).observe(document.getElementById('widget'), { attributes: true, attributeFilter: ['data-steps'] });
  });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(1000); // warm-up
  const read = () => page.evaluate(() => ({ epoch: Number(document.getElementById('widget').dataset.epoch), frames: window.__frames,
    draws: window.__draws, advances: window.__advance.length, t: performance.now() }));
  const a = await read();
  await page.waitForTimeout(seconds * 1000);
  const b = await read();
  const trips = await page.evaluate(([from, to]) => window.__advance.slice(from, to).sort((x, y) => x - y), [a.advances, b.advances]);
  const s = (b.t - a.t) / 1000;
  rows.push({ name: c.name, fps: (b.frames - a.frames) / s, draws: (b.draws - a.draws) / s, epochs: (b.epoch - a.epoch) / s,
    workerMs: trips.length ? trips.reduce((x, y) => x + y, 0) / trips.length : NaN, workerMedian: trips[trips.length >> 1] ?? NaN });
  await page.close();
}
await close();
console.log(`Playground while training, headless Chromium, ${seconds} s each; load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (${cpus().length} cores)`);
console.log('| network | page frames/s | training frames drawn/s | epochs/s | worker ms per frame (mean, median) |\n| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${r.fps.toFixed(0)} | ${r.draws.toFixed(0)} | ${r.epochs.toFixed(0)} | ${r.workerMs.toFixed(2)}, ${r.workerMedian.toFixed(2)} |`);

// size-report.mjs — the web lab's size and speed budget, measured on the built site (dist/).
//
//   npx vite build --config web/vite.config.ts && node web/tools/size-report.mjs [--runs 5]
//
// Size: for each page, the gzipped bytes (zlib level 9) of every JS, CSS and wasm file it loads:
// the files its HTML names, and, transitively, the chunks, worker and wasm those files name.
// Fonts are left out (KaTeX's are fetched only for the glyphs a formula uses).
// Speed: time from navigation start to the first engine-drawn plot (performance mark
// 'actlab:first-plot', explorer) and first art frame ('actlab:first-art'), in headless Debian
// Chromium against a local static server, each run in a fresh browser context (cold cache).
// A report, not a test: numbers on a shared 2-core machine vary; read them as orders of size.
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { dist, openDist } from './dist-browser.mjs';
import { closure as pageClosure, gzipped } from './site-size.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;
const pages = ['index.html', 'explorer.html', 'art.html', 'embed/explorer.html', 'embed/art.html'];
if (!existsSync(join(dist, 'explorer.html'))) {
  console.error('dist/ has no explorer.html: run `npx vite build --config web/vite.config.ts` first');
  process.exit(1);
}

const closure = (page, eager = false) => pageClosure(dist, page, eager);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('## Size (gzip -9, without fonts)\n');
console.log('Static upper bound: every file a page names, following chunk references (both engine workers counted).\n');
console.log('| page | JS | CSS | wasm | total | before first plot (no lazy chunks) |');
console.log('|---|---:|---:|---:|---:|---:|');
const totals = {};
for (const page of pages) {
  const files = closure(page);
  const sum = (ext) => files.filter((f) => extname(f) === ext).reduce((a, f) => a + gzipped(f), 0);
  const [js, css, wasm] = [sum('.js'), sum('.css'), sum('.wasm')];
  const eager = closure(page, true).reduce((a, f) => a + gzipped(f), 0);
  totals[page] = { all: js + css + wasm, eager };
  console.log(`| ${page} | ${kb(js)} | ${kb(css)} | ${kb(wasm)} | ${kb(js + css + wasm)} | ${kb(eager)} |`);
}
console.log('\nLargest files:');
for (const [file, size] of [...new Set(pages.flatMap((p) => closure(p)))].map((f) => [f, gzipped(f)]).sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${kb(size).padStart(9)}  ${file.slice(dist.length + 1)}`);

// --- speed -------------------------------------------------------------------------------------
let fetched = new Map();  // files the browser asked for during the current run → when (epoch ms, first ask)
const { base, browser, close } = await openDist({ onRequest: (path) => { if (!fetched.has(path)) fetched.set(path, Date.now()); } });

// Also returns the gzipped JS + CSS + wasm bytes the browser really asked for before the milestone
// (by the server's clock against the page's performance.timeOrigin + the mark: a chunk a page
// imports once its first plot is drawn is not counted, however soon after it arrives)
// (the static closure above is an upper bound: the client names both engine workers, a page
// loads one).
async function measure(page, mark) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    // The offline cache's service worker would precache the whole site (≈ 2.9 MB) during a first
    // visit; those fetches are not the page's and are reported by the build's size table instead.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const tab = await context.newPage();
    fetched = new Map();
    await tab.goto(base + page);
    const t = await tab.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, { timeout: 30_000 });
    times.push(await t.jsonValue());
    const markAt = await tab.evaluate((m) => performance.timeOrigin + performance.getEntriesByName(m)[0].startTime, mark);
    const before = [...fetched].filter(([, at]) => at <= markAt).map(([f]) => f);
    if (process.env.SIZE_REPORT_VERBOSE) for (const f of before) if (existsSync(f) && [".js", ".css", ".wasm"].includes(extname(f))) console.error(page, f.slice(dist.length + 1), kb(gzipped(f)));
    bytes = before.filter((f) => ['.js', '.css', '.wasm'].includes(extname(f)) && existsSync(f)).reduce((a, f) => a + gzipped(f), 0);
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], bytes };
}

console.log(`\n## Speed (headless Chromium, localhost, cold cache, ${runs} runs)\n`);
console.log('| page | milestone | median | min | max | JS+CSS+wasm fetched by then (gzip) |');
console.log('|---|---|---:|---:|---:|---:|');
const measured = {};
for (const [page, mark, what] of [['explorer.html', 'actlab:first-plot', 'first engine-drawn plot'], ['art.html', 'actlab:first-art', 'first art frame']]) {
  const r = (measured[page] = await measure(page, mark));
  console.log(`| ${page} | ${what} | ${r.median.toFixed(0)} ms | ${r.min.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${kb(r.bytes)} |`);
}
await close();
const e = measured['explorer.html'];
console.log(`\nBudget: explorer ≤ 150 KB gzipped before fonts — the browser fetched ${kb(e.bytes)} by the first plot ` +
  `(formulas are typeset at build time: KaTeX's CSS is in, its JS is not fetched); first plot ≤ 300 ms: median ${e.median.toFixed(0)} ms.`);

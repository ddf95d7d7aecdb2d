// site-size.mjs — the built site's size, as a host would serve it: printed after every site build
// (scripts/build.sh) and used by size-report.mjs and the site package.
//
//   node web/tools/site-size.mjs [dist]
//
// For each page: the JS, CSS and wasm it loads before its first interaction (the files its HTML
// names and, transitively, the chunks, worker and wasm those name — not lazy chunks such as
// KaTeX's), gzipped at level 9 and brotli-compressed at quality 11, as a static host or CDN sends
// them. For the whole site: every file, raw and compressed. Fonts are counted in the total only
// (KaTeX's are fetched for the glyphs a formula uses).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const gz = new Map();
const br = new Map();
/** gzip -9 bytes of `file`. */
export const gzipped = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gz.get(file);
};
/** brotli quality-11 bytes of `file`. */
export const brotlied = (file) => {
  if (!br.has(file)) br.set(file, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  return br.get(file);
};

/**
 * Every JS/CSS/wasm file `page` (relative to `dist`) loads, following names from its HTML through the
 * chunks. With `eager`, names inside a dynamic import(`…`) and Vite's __vite__mapDeps preload list are
 * not followed: what loads before the page's first plot.
 */
export function closure(dist, page, eager = false) {
  const html = readFileSync(join(dist, page), 'utf8');
  const todo = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => resolve(dirname(join(dist, page)), m[1]));
  const seen = new Set();
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (extname(file) !== '.js') continue;
    let text = readFileSync(file, 'utf8');
    if (eager) text = text.replace(/import\(`[^`]*`\)|import\("[^"]*"\)|__vite__mapDeps=\([^)]*\)=>[^;]*;|const __vite__mapDeps[^\n]*/g, '');
    for (const m of text.matchAll(/["'`(/]((?:\.{1,2}\/|assets\/)?[\w/-]*?[\w-]+-[\w-]{8}\.(?:js|css|wasm))/g)) {
      const name = m[1].split('/').pop();
      for (const dir of [dirname(file), join(dist, 'assets'), join(dist, 'assets/embed')]) {
        const candidate = join(dir, name);
        if (existsSync(candidate)) { todo.push(candidate); break; }
      }
    }
  }
  return [...seen];
}

/** Every file under `dir`, absolute. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
/** Fonts are compressed already (woff2/woff) and a host sends them as they are. */
const sent = (fn) => (f) => (/\.(?:woff2?|ttf)$/.test(f) ? statSync(f).size : fn(f));

/** The report as Markdown lines. */
export function siteSizeReport(dist) {
  const all = files(dist);
  const pages = all.map((f) => relative(dist, f)).filter((f) => f.endsWith('.html')).sort();
  const raw = all.reduce((a, f) => a + statSync(f).size, 0);
  const lines = ['## Built site size', '',
    `Whole site: ${all.length} files, ${kb(raw)} raw, ${kb(all.reduce((a, f) => a + sent(gzipped)(f), 0))} gzip -9, ` +
    `${kb(all.reduce((a, f) => a + sent(brotlied)(f), 0))} brotli 11 (fonts as they are).`];
  for (const wasm of all.filter((f) => f.endsWith('.wasm')).sort()) {
    lines.push(`${relative(dist, wasm)}: ${kb(statSync(wasm).size)} raw, ${kb(gzipped(wasm))} gzip, ${kb(brotlied(wasm))} brotli.`);
  }
  lines.push('', 'First load per page (JS + CSS + wasm named before any lazy chunk; the client names both engines, a page loads one):', '',
    '| page | raw | gzip -9 | brotli 11 |', '|---|---:|---:|---:|');
  for (const page of pages) {
    const f = closure(dist, page, true);
    const sum = (fn) => f.reduce((a, x) => a + fn(x), 0);
    lines.push(`| ${page} | ${kb(sum((x) => statSync(x).size))} | ${kb(sum(gzipped))} | ${kb(sum(brotlied))} |`);
  }
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(fileURLToPath(new URL('../..', import.meta.url)), 'dist'));
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`site-size: ${dist} has no index.html: build the site first (npm run build)`);
    process.exit(1);
  }
  console.log(siteSizeReport(dist).join('\n'));
}

// dist-browser.mjs — what the by-hand measuring tools share: dist/ served on a free local port and
// Debian's headless Chromium (playwright-core) to open it. Never used by tests.
//
//   const { base, browser, close, root, dist } = await openDist({ need: 'race.html' });
//   const page = await browser.newPage();  await page.goto(`${base}race.html`);  …  await close();
//
// `need`: a page that must be in dist/ (else a message naming the build command, exit 1);
// `onRequest(path)`: called with every file path the browser asks for (size-report counts them).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const dist = join(root, 'dist');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

/** The value after `--seconds` on the command line, or `fallback`. */
export function secondsArg(fallback = 10) {
  const i = process.argv.indexOf('--seconds');
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export async function openDist({ need = 'index.html', onRequest } = {}) {
  if (!existsSync(join(dist, need))) {
    console.error(`dist/ has no ${need}: run \`npx vite build --config web/vite.config.ts\` first`);
    process.exit(1);
  }
  const server = createServer((req, res) => {
    const path = normalize(join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    onRequest?.(path);
    if (!path.startsWith(dist) || !existsSync(path)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const close = async () => { await browser.close(); server.close(); };
  return { base, browser, close, root, dist };
}

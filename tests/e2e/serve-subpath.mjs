// serve-subpath.mjs — serves dist/ under a sub-path (node serve-subpath.mjs PORT /some/path/),
// so the e2e tests prove the built site works when it is not at the root of its host.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [port = '4174', prefix = '/sub/path/'] = process.argv.slice(2);
const dist = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end('outside the sub-path'); return; }
  let file = normalize(join(dist, decodeURIComponent(url.pathname.slice(prefix.length))));
  if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(Number(port), 'localhost', () => console.log(`serving ${dist} at http://localhost:${port}${prefix}`));

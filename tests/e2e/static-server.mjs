// static-server.mjs — a plain static file server for the browser tests: serves a folder under a
// URL prefix with the content types a host would send (application/wasm for the engine).
// `root` can be swapped while it runs (offline.spec.ts: a "new build" appears on the same origin).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` (an absolute folder) at http://localhost:`port``prefix`. Resolves once listening, with
 * `setRoot(folder)` and `close()`.
 */
export function serveStatic({ root, port, prefix = '/' }) {
  let current = root;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end('outside the sub-path'); return; }
    let file = normalize(join(current, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!file.startsWith(current)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, 'localhost', () => done({
      setRoot: (folder) => { current = folder; },
      close: () => new Promise((closed) => server.close(() => closed())),
    }));
  });
}

// serve-subpath.mjs — serves dist/ under a sub-path (node serve-subpath.mjs PORT /some/path/),
// so the e2e tests prove the built site works when it is not at the root of its host.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

const [port = '4174', prefix = '/sub/path/'] = process.argv.slice(2);
const dist = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
await serveStatic({ root: dist, port: Number(port), prefix });
console.log(`serving ${dist} at http://localhost:${port}${prefix}`);

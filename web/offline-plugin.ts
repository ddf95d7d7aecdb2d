// offline-plugin.ts — a Vite plugin that writes the service worker dist/sw.js at build time
// (web/src/offline/service-worker.ts, types stripped by Vite's own Oxc transform) with the list of
// every file the site is made of and a version that changes whenever any of them does.
//
// The list: every file Rolldown emits (pages, chunks, the wasm, fonts, CSS) plus the public
// folder's files (embed.js, data/, the favicon), as paths relative to the site's root, so the
// worker caches them under whatever sub-path the site is served from. The version: the first
// 16 hex digits of a SHA-256 over each file's path and bytes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

/** Files under `dir`, as '/'-separated paths relative to it. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path).split(sep).join('/')];
  });
}

/**
 * The files the worker does not cache: itself, what only a developer reads, and KaTeX's .woff and
 * .ttf fonts (every browser that runs the engine's WebAssembly SIMD reads the .woff2 copies).
 */
const skipped = (file: string): boolean =>
  file === 'sw.js' || file === '.nojekyll' || file.endsWith('.map') || /\.(?:woff|ttf)$/.test(file);

/**
 * `source`: the worker's TypeScript; `root`: the site's source root (web/), to find each page's way
 * back to the site root for file-notice.js; `publicDir`: the files copied as they are.
 */
export function offlineCache(source: string, root: string, publicDir: string): Plugin {
  return {
    name: 'actlab-offline-cache',
    apply: 'build',
    enforce: 'post',
    // Every page names its way back to the site root (register.ts finds sw.js from it) and loads
    // public/file-notice.js (a classic script, so it runs from file:// too; after the CSP meta; deferred like the
    // modules, so it never holds the parser — nor, through the style sheets a classic script waits for, the first plot).
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const up = relative(dirname(join(root, ctx.path)), root).split(sep).join('/');
        const base = up === '' ? './' : `${up}/`;
        return [
          { tag: 'meta', attrs: { name: 'actlab-root', content: base }, injectTo: 'head' },
          { tag: 'script', attrs: { src: `${base}file-notice.js`, defer: true }, injectTo: 'head' },
        ];
      },
    },
    async generateBundle(_options, bundle) {
      const entries = new Map<string, Uint8Array | string>();
      for (const [file, out] of Object.entries(bundle)) {
        entries.set(file, out.type === 'chunk' ? out.code : out.source);
      }
      for (const file of walk(publicDir)) entries.set(file, readFileSync(join(publicDir, file)));
      const files = [...entries.keys()].filter((f) => !skipped(f)).sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update('\0').update(entries.get(f)!).update('\0');
      const manifest = { version: hash.digest('hex').slice(0, 16), files };
      const ts = readFileSync(source, 'utf8');
      const { code } = await transformWithOxc(ts, source, { lang: 'ts' });
      if (!code.includes('__ACTLAB_PRECACHE__')) this.error(`${source}: no __ACTLAB_PRECACHE__ to fill`);
      const js = code.replace(/declare const __ACTLAB_PRECACHE__[^;]*;/, '')
        .replace('__ACTLAB_PRECACHE__', JSON.stringify(manifest));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: `// Activation Lab offline cache, version ${manifest.version}\n${js}` });
    },
  };
}

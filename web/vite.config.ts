// vite.config.ts — builds the static site from web/ into dist/ (any host, any sub-path).
//
//   npx vite build --config web/vite.config.ts        → dist/
//   npx vite preview --config web/vite.config.ts      → serves dist/
// Adding a page: create web/<name>.html and add its name to `pages`; a widget also gets
// web/embed/<name>.html (no chrome). Site pages pull the shared header/footer from web/partials/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { siteFrame } from './site-frame.ts';
import { texPrerender } from './tex-prerender.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Every HTML entry point, by name (web/<name>.html). */
const pages = ['index', 'explorer', 'art', 'playground', 'gradients', 'softmax', 'embed/explorer', 'embed/art', 'embed/playground', 'embed/gradients', 'embed/softmax', 'race', 'embed/race'];

export default defineConfig({
  root: here('.'),
  base: './', // relative URLs: the built site works from any sub-path
  // Formulas are typeset at build time from the engine's registry (web/tex-prerender.ts): KaTeX's JS stays out.
  plugins: [siteFrame(here('partials')), texPrerender(here('../build/wasm/actlab_node.js'))],
  publicDir: here('../public'),
  cacheDir: here('../node_modules/.vite'), // not web/node_modules
  build: {
    outDir: here('../dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: Object.fromEntries(pages.map((name) => [name, here(`${name}.html`)])),
    },
  },
  worker: { format: 'es' },
  // The Emscripten glue is our own ES module with a wasm beside it: bundle it as source, never pre-bundle it.
  optimizeDeps: { exclude: ['./src/engine/generated/actlab_web.mjs'] },
  // The dev server may read the whole repository (node_modules holds KaTeX's fonts).
  server: { fs: { allow: [here('..')] } },
  preview: { port: 4173, strictPort: true },
});

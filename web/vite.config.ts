// vite.config.ts — builds the static site from web/ into dist/ (any host, any sub-path).
//
//   npx vite build --config web/vite.config.ts        → dist/
//   npx vite preview --config web/vite.config.ts      → serves dist/
// Adding a page: create web/<name>.html and add its name to `pages`; a widget also gets
// web/embed/<name>.html (no chrome). Site pages pull the shared header/footer from web/partials/.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { oembed, siteUrl } from './oembed-plugin.ts';
import { offlineCache } from './offline-plugin.ts';
import { buildCoursePages, coursePlugin } from './course/plugin.ts';
import { siteFrame } from './site-frame.ts';
import { texPrerender } from './tex-prerender.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Every HTML entry point, by name (web/<name>.html). */
const pages = ['index', 'explorer', 'art', 'playground', 'gradients', 'softmax', 'embed/explorer', 'embed/art', 'embed/playground', 'embed/gradients', 'embed/softmax', 'exercises', 'embed/exercise', 'nonlinearity', 'embed/nonlinearity', 'choose', 'embed/choose', 'dead-neurons', 'embed/dead-neurons', 'race', 'embed/race'];
/** The widgets: every page with an embed copy. */
const widgets = pages.filter((p) => p.startsWith('embed/')).map((p) => p.slice('embed/'.length));

const course = { root: here('..'), webRoot: here('.'), modulePath: here('../build/wasm/actlab_node.js'),
  sitePages: new Set([...pages.filter((p) => !p.startsWith('embed/')).map((p) => `${p}.html`), 'embed-demo.html']) };

// The lessons (lessons/en/*.md) become pages web/lessons/<slug>.html first (web/course/): a lesson
// with an invalid widget preset, a live number the engine cannot compute or a broken link stops here.
// `vite preview` only serves dist/ and skips it.
export default defineConfig(async ({ isPreview }): Promise<UserConfig> => {
  const built = isPreview ? { pages: [], index: [] } : await buildCoursePages(course);
  return {
  root: here('.'),
  base: './', // relative URLs: the built site works from any sub-path
  // Formulas are typeset at build time from the engine's registry (web/tex-prerender.ts): KaTeX's JS stays out.
  plugins: [siteFrame(here('partials')), texPrerender(here('../build/wasm/actlab_node.js')), coursePlugin(course, built),
    oembed(widgets, here('.'), siteUrl(process.env.SITE_URL)),
    // Last: the offline cache lists every file the plugins above emitted.
    offlineCache(here('src/offline/service-worker.ts'), here('.'), here('../public'))],
  publicDir: here('../public'),
  cacheDir: here('../node_modules/.vite'), // not web/node_modules
  build: {
    outDir: here('../dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: Object.fromEntries([...pages, ...built.pages].map((name) => [name, here(`${name}.html`)])),
    },
  },
  worker: { format: 'es' },
  // The Emscripten glue is our own ES module with a wasm beside it: bundle it as source, never pre-bundle it.
  optimizeDeps: { exclude: ['./src/engine/generated/actlab_web.mjs'] },
  // The dev server may read the whole repository (node_modules holds KaTeX's fonts).
  server: { fs: { allow: [here('..')] } },
  preview: { port: 4173, strictPort: true },
  };
});

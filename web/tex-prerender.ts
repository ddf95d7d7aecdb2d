// tex-prerender.ts — a Vite plugin that typesets the pages' formulas at build (and dev) time, so
// the pages ship KaTeX's CSS and fonts but not its JS (≈75 KB gzipped).
//
// It loads the Node build of the engine (build/wasm/actlab_node.js), takes every TeX string the
// pages build from the registry (tex, dtex, range, parameter defaults: tex-sources.ts, the same
// functions the pages use) plus the fixed ones, renders each with katex.renderToString (the
// options of the in-browser fallback) and serves `virtual:prerendered-tex`: a Map from TeX source
// to HTML. texLater() (src/ui/tex-lazy.ts) uses it and fetches KaTeX only for other strings.
// Without the engine module the build stops and says how to build it: never a site without formulas.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import katex from 'katex';
import type { Plugin } from 'vite';
import { instantiate } from './src/engine/instantiate.ts';
import type { ActivationMeta, ActlabFactory } from './src/engine/types.ts';
import { KATEX_OPTIONS } from './src/ui/tex-options.ts';
import { pageTexSources } from './src/ui/tex-sources.ts';

export const PRERENDERED_TEX_ID = 'virtual:prerendered-tex';
const resolvedId = `\0${PRERENDERED_TEX_ID}`;

/** The result of typesetting: HTML by TeX source, and the sources KaTeX could not parse. */
export interface Prerendered {
  html: Map<string, string>;
  errors: { tex: string; message: string }[];
}

/** The registry's metadata, read from the Node engine module at `modulePath`. */
export async function registryMetas(modulePath: string): Promise<ActivationMeta[]> {
  if (!existsSync(modulePath)) {
    throw new Error(`tex-prerender: the engine's Node module ${modulePath} is missing, and the formulas are typeset ` +
      'from its registry at build time. Build the engine first: `npm run build` (scripts/build.sh), or ' +
      '`bash scripts/build.sh wasm` and then `npx vite build --config web/vite.config.ts`.');
  }
  const require = createRequire(import.meta.url);
  delete require.cache[require.resolve(modulePath)]; // a rebuilt engine (dev server) is read afresh
  const factory = require(modulePath) as ActlabFactory;
  return JSON.parse((await instantiate(factory)).activationsJson()) as ActivationMeta[];
}

/** Typesets every string in `sources` with KaTeX (the browser's options). */
export function typeset(sources: Iterable<string>): Prerendered {
  const html = new Map<string, string>();
  const errors: Prerendered['errors'] = [];
  for (const tex of sources) {
    try {
      katex.renderToString(tex, { ...KATEX_OPTIONS, throwOnError: true });
    } catch (e) {
      errors.push({ tex, message: e instanceof Error ? e.message : String(e) });
    }
    html.set(tex, katex.renderToString(tex, KATEX_OPTIONS)); // a bad one shows its source, as in the browser
  }
  return { html, errors };
}

/** Everything the pages typeset for the engine at `modulePath`. */
export async function prerenderTex(modulePath: string): Promise<Prerendered> {
  return typeset(pageTexSources(await registryMetas(modulePath)));
}

/** The virtual module's source: `export default` a Map from TeX source to HTML. */
export function moduleSource(html: ReadonlyMap<string, string>): string {
  return `export default new Map(${JSON.stringify([...html])});\n`;
}

/** The plugin; `modulePath` is the engine's Node module (build/wasm/actlab_node.js). */
export function texPrerender(modulePath: string): Plugin {
  let cached: { mtime: number; source: Promise<string> } | undefined;
  return {
    name: 'actlab-tex-prerender',
    resolveId(id) {
      return id === PRERENDERED_TEX_ID ? resolvedId : undefined;
    },
    async load(id) {
      if (id !== resolvedId) return undefined;
      const mtime = existsSync(modulePath) ? statSync(modulePath).mtimeMs : -1;
      if (cached?.mtime !== mtime) {
        cached = {
          mtime,
          source: prerenderTex(modulePath).then(({ html, errors }) => {
            for (const { tex, message } of errors) this.warn(`KaTeX cannot parse ${JSON.stringify(tex)}: ${message}`);
            return moduleSource(html);
          }),
        };
      }
      try {
        const source = await cached.source;
        if (existsSync(modulePath)) this.addWatchFile(modulePath);
        return source;
      } catch (e) {
        cached = undefined;
        this.error(e instanceof Error ? e.message : String(e));
      }
    },
  };
}

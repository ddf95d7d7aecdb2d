// tex-prerender.test.ts — the build-time typesetting (web/tex-prerender.ts): every TeX string the
// pages build from the engine's registry is in `virtual:prerendered-tex` as KaTeX markup, the same
// markup the in-browser fallback would make, and a missing engine module stops the build.
import katex from 'katex';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { defaultNodeModulePath, loadNodeEngine } from '../../web/src/engine/node';
import { KATEX_OPTIONS } from '../../web/src/ui/tex-options';
import { FIXED_TEX, paramDefaultTex } from '../../web/src/ui/tex-sources';
import { PRERENDERED_TEX_ID, prerenderTex, texPrerender, typeset } from '../../web/tex-prerender';

const metas = (await loadNodeEngine()).activations();

/** Runs the plugin's resolveId + load for the virtual module, as Vite would. */
async function loadVirtual(plugin: Plugin): Promise<{ source: string; warnings: string[] }> {
  const warnings: string[] = [];
  const context = {
    warn: (m: string) => { warnings.push(m); },
    error: (m: string) => { throw new Error(m); },
    addWatchFile: () => {},
  };
  const resolveId = plugin.resolveId as (this: unknown, id: string) => string | undefined;
  const load = plugin.load as (this: unknown, id: string) => Promise<string>;
  const id = resolveId.call(context, PRERENDERED_TEX_ID);
  expect(id).toBeTypeOf('string');
  expect(resolveId.call(context, 'katex')).toBeUndefined();
  return { source: await load.call(context, id!), warnings };
}

/** The virtual module's default export (its source is `export default new Map([...])`). */
function evaluate(source: string): Map<string, string> {
  expect(source.startsWith('export default new Map(')).toBe(true);
  return new Function(`return ${source.replace(/^export default /, '')}`)() as Map<string, string>;
}

describe('build-time TeX (virtual:prerendered-tex)', async () => {
  const { source, warnings } = await loadVirtual(texPrerender(defaultNodeModulePath));
  const html = evaluate(source);

  it('has every registry tex, dtex, range and parameter default, and the fixed formulas', () => {
    expect(metas.length).toBeGreaterThanOrEqual(18);
    const expected = [...FIXED_TEX];
    for (const m of metas) expected.push(m.tex, m.dtex, m.range, ...m.params.map(paramDefaultTex));
    for (const tex of expected) expect(html.has(tex), tex).toBe(true);
    expect(html.size).toBe(new Set(expected).size); // nothing else
  });

  it('holds KaTeX markup (HTML and MathML) for each, none of it an error', () => {
    for (const [tex, markup] of html) {
      expect(markup, tex).toMatch(/^<span class="katex">/);
      expect(markup, tex).toContain('<math');
      expect(markup, tex).toContain('class="katex-html"');
      expect(markup, tex).not.toContain('katex-error');
    }
    expect(warnings).toEqual([]);
  });

  it('is the markup the in-browser fallback would make', () => {
    for (const [tex, markup] of html) expect(markup).toBe(katex.renderToString(tex, KATEX_OPTIONS));
  });

  it('reports a formula KaTeX cannot parse', () => {
    const { html: bad, errors } = typeset(['f(x) = \\frac{1}{']);
    expect(errors).toHaveLength(1);
    expect(bad.get('f(x) = \\frac{1}{')).toContain('katex-error');
  });

  it('stops the build, naming the command to run, when the engine module is missing', async () => {
    const missing = '/nonexistent/build/wasm/actlab_node.js';
    await expect(prerenderTex(missing)).rejects.toThrow(/npm run build/);
    await expect(loadVirtual(texPrerender(missing))).rejects.toThrow(/actlab_node\.js is missing.*npm run build/s);
  });
});

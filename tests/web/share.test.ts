// share.test.ts — the frame's hide/lock fields and the plain-words summary of a link (issue 7):
// lock= is validated like hide=, a control both hidden and locked stays hidden, the share buttons
// are a frame control, and the summary is built from the table's labels and describers.
import { describe, expect, it } from 'vitest';
import { artTable } from '../../web/src/state/art';
import { explorerTable } from '../../web/src/state/explorer';
import { parseState, serialiseState } from '../../web/src/state/schema';
import { andList, summarise, summariseShort } from '../../web/src/state/summary';
import type { ActivationMeta } from '../../web/src/engine/types';

const names: Record<string, string> = { sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'ReLU', step: 'Step' };
const registry = Object.keys(names).map((id) => ({ id, name: names[id], params: [] }))
  .concat([{ id: 'leaky_relu', name: 'Leaky ReLU', params: [{ name: 'alpha', tex: '\\alpha', default: 0.01, min: 0, max: 1, doc: '' }] }] as never[]) as unknown as ActivationMeta[];
const explorer = explorerTable(registry);
const art = artTable(registry.map((a) => a.id), (id) => names[id] ?? id);

describe('lock= in the URL', () => {
  it('round-trips with hide=, in table order', () => {
    const parsed = parseState(explorer, '?act=sigmoid,relu&z=5&hide=sheet,gelu&lock=z,act');
    expect(parsed.notices).toEqual([]);
    expect([...parsed.locked].sort()).toEqual(['act', 'z']);
    expect(serialiseState(explorer, parsed.state, parsed.hidden, parsed.locked)).toBe('act=sigmoid,relu&z=5&hide=gelu,sheet&lock=act,z');
  });
  it('refuses unknown, prototype and frame-only names with a notice', () => {
    const { locked, notices } = parseState(art, '?lock=seed,__proto__,share,<b>');
    expect([...locked]).toEqual(['seed']);
    expect(notices).toHaveLength(3);
    expect(notices.join(' ')).toMatch(/Cannot lock “share”/);
  });
  it('a control both hidden and locked stays hidden, and says so', () => {
    const { hidden, locked, notices } = parseState(art, '?hide=seed&lock=seed');
    expect([...hidden]).toEqual(['seed']);
    expect(locked.size).toBe(0);
    expect(notices[0]).toMatch(/Seed is both hidden and locked/);
  });
  it('hide=share hides the frame’s share buttons', () => {
    const parsed = parseState(explorer, '?hide=share');
    expect([...parsed.hidden]).toEqual(['share']);
    expect(serialiseState(explorer, parsed.state, parsed.hidden)).toBe('hide=share');
  });
  it('a theme other than light, dark or auto gets a notice', () => {
    expect(parseState(art, '?theme=auto').notices).toEqual([]);
    expect(parseState(art, '?theme=%3Cscript%3E').notices[0]).toMatch(/Theme: “<script>” is not light, dark or auto/);
  });
});

describe('the link in plain words', () => {
  it('names the activations, z and the locked and hidden controls', () => {
    const p = parseState(explorer, '?act=sigmoid,relu&z=5&hide=sheet&lock=act');
    expect(summarise(explorer, p.state, p.hidden, p.locked)).toBe('Sigmoid vs ReLU, z = 5; locked: activations; hidden: cheat sheet');
    expect(summariseShort(explorer, p.state, p.hidden, p.locked)).toBe('Sigmoid vs ReLU, z = 5; activations locked; 1 control hidden by this link');
  });
  it('uses a real minus sign and the parameter’s name', () => {
    const p = parseState(explorer, '?act=leaky_relu&z=-3&leaky_relu.alpha=0.3');
    expect(summarise(explorer, p.state, p.hidden, p.locked)).toBe('Leaky ReLU, z = −3, Leaky ReLU α = 0.3');
  });
  it('a locked default is still named; the defaults say so', () => {
    const p = parseState(art, '?lock=seed');
    expect(summarise(art, p.state, p.hidden, p.locked)).toBe('seed 1; locked: seed');
    expect(summarise(art, parseState(art, '').state, new Set(), new Set())).toBe('the default settings');
  });
  it('describes per-layer art activations', () => {
    const p = parseState(art, '?act=relu,tanh,relu&depth=3&color=hsv');
    expect(summarise(art, p.state, p.hidden, p.locked)).toBe('layers ReLU, Tanh, ReLU, 3 hidden layers, HSV colour');
  });
  it('joins lists in English', () => {
    expect(andList(['a'])).toBe('a');
    expect(andList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('embed code and export names', () => {
  it('a fixed height drops embed.js; the default fits the content', async () => {
    const { embedSnippet } = await import('../../web/src/ui/embed-code');
    expect(embedSnippet('art', 'Art', 'seed=7&theme=dark', 'https://s.example/lab/', 700, false))
      .toBe('<iframe src="https://s.example/lab/embed/art.html?seed=7&amp;theme=dark" title="Art" style="width:100%;border:0" height="700" loading="lazy"></iframe>');
    expect(embedSnippet('art', 'Art', '', 'https://s.example/lab/', 900)).toContain('<script src="https://s.example/lab/embed.js" async></script>');
  });
  it('an export is named after the settings it shows', async () => {
    const { exportName } = await import('../../web/src/widgets/art/export');
    const base = parseState(art, '').state;
    expect(exportName(base, 1024)).toBe('activation-art-seed1-tanh-4x16-z0-1024.png');
    const p = parseState(art, '?seed=7&act=relu,tanh,relu&depth=3&scale=2.5&color=hsv&zoom=0.5&useR=0&z=-0.75').state;
    expect(exportName(p, 2048)).toBe('activation-art-seed7-relu.tanh.relu-3x16-scale2.5-hsv-zoom0.5-noR-zm0.75-2048.png');
  });
});

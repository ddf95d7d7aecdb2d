// ui-logic.test.ts — UI logic that needs no browser: the embed snippet (escaped, absolute, with
// embed.js), the z slider's round steps, and the explorer's and art studio's words.
import { describe, expect, it } from 'vitest';
import { attr, embedSnippet } from '../../web/src/ui/embed-code';
import { zStep } from '../../web/src/widgets/explorer/controls';
import { plotLabel, pointSentence, percent } from '../../web/src/widgets/explorer/describe';
import { describeArt } from '../../web/src/widgets/art/describe';
import { artTable } from '../../web/src/state/art';
import { defaults } from '../../web/src/state/schema';
import type { ExplorerState } from '../../web/src/state/explorer';

describe('embed snippet', () => {
  it('is an iframe of the embed page with the state, plus embed.js, from any sub-path', () => {
    const code = embedSnippet('explorer', 'Activation "explorer"', 'act=relu,gelu&hide=act', 'https://school.example/course/lab/');
    expect(code).toBe('<iframe src="https://school.example/course/lab/embed/explorer.html?act=relu,gelu&amp;hide=act" ' +
      'title="Activation &quot;explorer&quot;" style="width:100%;border:0" height="640" loading="lazy"></iframe>\n' +
      '<script src="https://school.example/course/lab/embed.js" async></script>');
  });
  it('escapes attribute text', () => {
    expect(attr('"><script>&')).toBe('&quot;&gt;&lt;script&gt;&amp;');
  });
});

describe('z slider step', () => {
  it.each([[-5, 5, 0.05], [-3, 4, 0.05], [-50, 50, 0.5], [0, 0.1, 0.0005], [-1, 1, 0.01]])('[%d, %d] → %d', (zmin, zmax, step) => {
    expect(zStep({ zmin, zmax } as ExplorerState)).toBe(step);
  });
});

describe('words', () => {
  const names = (id: string) => ({ sigmoid: 'Sigmoid', relu: 'ReLU' }[id] ?? id);
  it('reads the cursor values', () => {
    expect(pointSentence([{ id: 'sigmoid', f: 0.5, df: 0.25 }, { id: 'softmax', f: 0.5, df: null }], 0, names))
      .toBe('Sigmoid: f(0) = 0.5, f′(0) = 0.25; softmax: f(0) = 0.5');
    expect(percent(0.4951)).toBe('50%');
    expect(percent(0.004)).toBe('0.4%');
  });
  it('describes the f′ plot with its dead-zone shares', () => {
    const curve = { id: 'relu', f: new Float32Array(), df: new Float32Array(), features: null, deadShare: 0.5, deadRuns: [] };
    expect(plotLabel('f′', [curve], -5, 5, 1, [{ id: 'relu', f: 1, df: 1 }], names))
      .toBe('Plot of f′ for ReLU, z from −5 to 5. At the cursor z = 1: ReLU 1. Shaded (for ReLU): |f′| < 0.01. Share of the range with |f′| < 0.01: ReLU 50%.');
  });
  it('describes the art’s settings', () => {
    const s = { ...defaults(artTable(['tanh', 'relu'])), act: ['relu', 'tanh'], depth: 3, seed: 9 };
    expect(describeArt(s, [{ id: 'tanh', name: 'Tanh' }, { id: 'relu', name: 'ReLU' }] as never))
      .toBe('Generated art from a random network with seed 9: 3 hidden layers of 16 units, layers: ReLU, Tanh, Tanh, weight scale 1, RGB colour, zoom 1, inputs x, y, r, z = 0.');
  });
});

// ui-logic.test.ts — UI logic that needs no browser: the embed snippet (escaped, absolute, with
// embed.js), the z slider's round steps, and the explorer's and art studio's words.
import { describe, expect, it } from 'vitest';
import { attr, embedSnippet } from '../../web/src/ui/embed-code';
import { zStep } from '../../web/src/widgets/explorer/controls';
import { curveSentence, deadWords, plotLabel, pointSentence, percent } from '../../web/src/widgets/explorer/describe';
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
  it('describes each curve’s shape from the engine’s features (the issue’s sigmoid sentence)', async () => {
    const { loadNodeEngine } = await import('../../web/src/engine/node');
    const engine = await loadNodeEngine();
    const at = (id: string, params = {}) => engine.curveFeatures(id, { params, lo: -5, hi: 5, points: 401, threshold: 0.01 }).features;
    expect(curveSentence('Sigmoid', at('sigmoid'), -5, 5))
      .toBe('Sigmoid: rises from 0.0067 to 0.99, steepest at z = 0 (slope 0.25); slope below 0.01 for |z| > 4.6 (8% of this range)');
    expect(curveSentence('ReLU', at('relu'), -5, 5))
      .toBe('ReLU: rises from 0 to 5, steepest (slope 1) from z = 0.025 to 5; slope below 0.01 for z < 0 (50% of this range)');
    expect(curveSentence('Leaky ReLU', at('leaky_relu'), -5, 5)).toMatch(/slope never below 0\.01 here$/);
    expect(curveSentence('Step', at('step'), -5, 5)).toMatch(/flat \(slope 0\); slope below 0\.01 everywhere on this range \(100% of this range\)$/);
    expect(curveSentence('GELU', at('gelu'), -5, 5)).toMatch(/^GELU: falls from −\S+ to its lowest, −0\.17 at z = −0\.75, then rises to 5,/);
    expect(curveSentence('Identity', at('identity'), -5, 5)).toMatch(/slope 1 everywhere/);
    expect(deadWords([[-5, -1], [2, 3]], -5, 5)).toBe('for z < −1 and for 2 < z < 3');
  });
  it('labels the f′ plot with the cursor values and what is shaded', () => {
    const curve = { id: 'relu', f: new Float32Array(), df: new Float32Array(), features: null, deadShare: 0.5, deadRuns: [] };
    expect(plotLabel('f′', [curve], -5, 5, 1, [{ id: 'relu', f: 1, df: 1 }], names, 'Shaded: ReLU 50%.'))
      .toBe('Plot of the slope f′(z) of ReLU, z from −5 to 5. Cursor at z = 1: ReLU 1. Shaded: ReLU 50%.');
  });
  it('describes the art’s settings', () => {
    const s = { ...defaults(artTable(['tanh', 'relu'])), act: ['relu', 'tanh'], depth: 3, seed: 9 };
    expect(describeArt(s, [{ id: 'tanh', name: 'Tanh' }, { id: 'relu', name: 'ReLU' }] as never))
      .toBe('Generated art from a random network with seed 9: 3 hidden layers of 16 units, layers: ReLU, Tanh, Tanh, weight scale 1, RGB colour, zoom 1, inputs x, y, r, z = 0.');
  });
});

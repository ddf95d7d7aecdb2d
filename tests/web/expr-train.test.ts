// expr-train.test.ts — a typed activation in the trainer from TypeScript (wasm, Node module):
// the PReLU exercise learns alpha, and the whole run — weights, alpha, optimiser state — equals
// the native `actlab train --activation 'expr:…' --out` model file bit for bit.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError, Trainer, loadNodeModule } from '../../web/src/engine/node';
import type { TrainerConfig } from '../../web/src/engine/trainer-types';
import { root } from './trainer-fixtures';

const module = await loadNodeModule();
const live: Trainer[] = [];
afterAll(() => live.forEach((t) => t.dispose()));

const prelu = 'expr:x > 0 ? x : alpha * x';
const config: TrainerConfig = {
  dataset: { name: 'circle' },
  network: { hidden: [{ units: 8, activation: prelu }, { units: 8, activation: prelu }] },
};

function trainer(c: TrainerConfig): Trainer {
  const t = new Trainer(module);
  live.push(t);
  t.configure(c);
  return t;
}

describe('typed activations in the trainer', () => {
  it('learns PReLU’s alpha per layer', () => {
    const t = trainer(config);
    t.advance({ epochs: 30 });
    const layers = JSON.parse(t.exportModel()).layers as { activation: string; expr_params?: number[] }[];
    expect(layers[0]!.activation).toBe(prelu);
    expect(layers[0]!.expr_params).toHaveLength(1);
    expect(layers[0]!.expr_params![0]).not.toBe(0.25);
    expect(layers[1]!.expr_params![0]).not.toBe(0.25);
    expect(t.metrics('test').accuracy).toBeGreaterThan(0.9);
  });

  const cli = join(root, 'build/native/actlab');
  it.skipIf(!existsSync(cli))('equals the native CLI run bit for bit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actlab-expr-'));
    try {
      execFileSync(cli, ['train', '--dataset', 'circle', '--hidden', '8,8', '--activation', prelu, '--epochs', '30',
        '--quiet', '--out', join(dir, 'm.json')], { cwd: root });
      const native = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
      const t = trainer(config);
      t.advance({ epochs: 30 });
      expect(JSON.parse(t.exportModel())).toEqual(native);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a typo with the layer and the column', () => {
    const t = new Trainer(module);
    live.push(t);
    expect(() => t.configure({ ...config, network: { hidden: [{ units: 4, activation: 'expr:x * sigmod(x)' }] } }))
      .toThrow(new EngineError('network.hidden[0].activation: unknown function "sigmod" — did you mean "sigmoid"?'));
  });
});

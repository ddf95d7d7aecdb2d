// epoch-vs-commit.mjs OLD.js NEW.js [PAIRS] — issue 9's epoch in wasm through two builds of the
// engine's Embind module for Node (build/wasm/actlab_node.js of an older commit and of this tree),
// as the playground's worker drives it: `Trainer.configure` + `stepEpochs(1)`. Both modules load
// into this one process and run in alternating rounds, so they see the same load; run by
// scripts/bench-vs-commit.sh. Timing as cpp/bench/timing.hpp: 40 ms warm-up, rounds of 150 ms,
// a round's time is its best ~2 ms slice. Prints one JSON line per build.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const [oldPath, newPath, pairsArg] = process.argv.slice(2);
const pairs = Number(pairsArg ?? 5);
const config = JSON.stringify({
  dataset: { name: 'circle', samples: 500, train_ratio: 0.5 },
  network: { hidden: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }] },
  training: { optimizer: 'sgd', learning_rate: 0.03, batch: 10 },
});

function trainer(mod) {
  const t = new mod.Trainer();
  const err = t.configure(config);
  if (err) throw new Error(`configure: ${err}`);
  return t;
}

/** Best seconds per call of `call` over one warm-up and one round. */
function secondsPerCall(call) {
  let warm = 0;
  const w0 = performance.now();
  while (performance.now() - w0 < 40) { call(); ++warm; }
  const k = Math.max(1, Math.round((2 * warm) / (performance.now() - w0)));
  let best = Infinity;
  const r0 = performance.now();
  let t1 = r0;
  while (t1 - r0 < 150) {
    const t0 = t1;
    for (let c = 0; c < k; ++c) call();
    t1 = performance.now();
    best = Math.min(best, (t1 - t0) / 1e3 / k);
  }
  return best;
}

const builds = [];
for (const [name, file] of [['old', oldPath], ['new', newPath]]) {
  const mod = await require(path.resolve(file))();
  const first = trainer(mod);
  if (!first.stepEpochs(10)) throw new Error(`${name}: diverged`);
  builds.push({ name, file, t: trainer(mod), best: Infinity, loss10: first.lastEpochLoss() });
}
for (let p = 0; p < pairs; ++p)
  for (const b of builds)
    b.best = Math.min(b.best, secondsPerCall(() => { if (!b.t.stepEpochs(1)) throw new Error(`${b.name}: diverged`); }));
for (const b of builds)
  console.log(JSON.stringify({ build: b.name, samples_per_s: Number((250 / b.best).toFixed(1)), loss_after_10: b.loss10 }));

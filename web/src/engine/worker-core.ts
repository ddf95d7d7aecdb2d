// worker-core.ts — the module Web Worker with the activations-only engine (actlab_core: registry,
// softmax; no trainer, no art), for pages that need nothing else: a third of the full wasm. The full
// module is imported lazily for typed activations only.
import createActlabCore from './generated/actlab_core.mjs';
import { serveEngine } from './worker-host';

// The typed-activation calls (the explorer's own curve) need the expression engine, which only the
// full module has: it is fetched on the first such call, so the explorer's first load stays small.
serveEngine(createActlabCore, async () => (await import('./generated/actlab_web.mjs')).default);

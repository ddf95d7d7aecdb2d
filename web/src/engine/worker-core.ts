// worker-core.ts — the module Web Worker with the activations-only engine (actlab_core: registry,
// softmax; no trainer, no art), for pages that need nothing else: a third of the full wasm.
import createActlabCore from './generated/actlab_core.mjs';
import { serveEngine } from './worker-host';

serveEngine(createActlabCore);

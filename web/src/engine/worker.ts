// worker.ts — the module Web Worker with the full engine (activations, trainer, art renderer).
// The glue is imported without `locateFile` (TOOLCHAIN.md pitfall 8): it finds its .wasm with
// new URL(..., import.meta.url), which Vite fingerprints and copies.
import createActlab from './generated/actlab_web.mjs';
import { serveEngine } from './worker-host';

serveEngine(createActlab);

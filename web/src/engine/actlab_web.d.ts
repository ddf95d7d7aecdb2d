// actlab_web.d.ts — declares the generated browser glue (generated/actlab_web.mjs and the
// activations-only generated/actlab_core.mjs) for TypeScript.
// Its real shape is ActlabModule in types.ts (an ambient module cannot import it; worker.ts casts).
declare module '*/actlab_web.mjs' {
  const createActlab: (overrides?: Record<string, unknown>) => Promise<unknown>;
  export default createActlab;
}
declare module '*/actlab_core.mjs' {
  const createActlabCore: (overrides?: Record<string, unknown>) => Promise<unknown>;
  export default createActlabCore;
}

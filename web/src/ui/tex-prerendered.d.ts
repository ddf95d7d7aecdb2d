// tex-prerendered.d.ts — the virtual module web/tex-prerender.ts serves: KaTeX HTML by TeX source.
declare module 'virtual:prerendered-tex' {
  /** Typeset HTML (KaTeX, htmlAndMathml) for every TeX string the pages build from the registry. */
  const prerendered: ReadonlyMap<string, string>;
  export default prerendered;
}

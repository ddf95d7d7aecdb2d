// render.ts — one lesson's Markdown to HTML, at build time, with every check that can fail the
// build: widget directives (the widget exists, its preset is valid in that widget's own state table),
// live numbers (the engine can compute them), claims `{{ check: A < B }}` (they hold), glossary terms, links, maths and code languages.
// Problems are collected with file:line (the Markdown source line) and reported together.
//
// Syntax (docs/lessons.md): `::: widget <id> <query>` … `:::` (caption inside), callouts
// `::: pitfall|tryit|numerics|quoted|objectives|answer [title]` (answer: folded in a <details>), `{{ source | format }}` live numbers
// (course/live.ts), `[[term]]` / `[[term|shown words]]` glossary terms, `$…$` and `$$…$$` KaTeX,
// fenced code in python (highlighted by highlight.js), footnotes `[^id]`.
import hljs from 'highlight.js/lib/core';
import python from 'highlight.js/lib/languages/python';
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import container from 'markdown-it-container';
import footnote from 'markdown-it-footnote';
import type { MarkdownIt as MarkdownItInstance, StateBlock, StateInline, Token } from 'markdown-it';
import type { ActivationMeta } from '../src/engine/types';
import { parseState } from '../src/state/schema.ts';
import { summariseShort } from '../src/state/summary.ts';
import { KATEX_OPTIONS } from '../src/ui/tex-options.ts';
import { widgetFigure } from './figures.ts';
import { evaluateClaim, live, type LiveEngines } from './live.ts';
import { pageOf, widgetById, widgetByPage, WIDGETS } from './widgets.ts';

hljs.registerLanguage('python', python);
/** Fenced-code languages a lesson may use (the learner's Python, PyTorch and Keras; plain text). */
export const CODE_LANGUAGES: ReadonlySet<string> = new Set(['python', 'text']);
/** Callout kinds and their visible labels. */
export const CALLOUTS: Readonly<Record<string, string>> = {
  pitfall: 'Pitfall', tryit: 'Try it', numerics: 'Numerics', quoted: 'Quoted, not measured here', objectives: 'You will be able to',
  answer: 'Answer',
};

export interface Problem { file: string; line: number; message: string }

export class CourseError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`the lessons have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
      problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n'));
    this.name = 'CourseError';
  }
}

export interface GlossaryEntry { id: string; term: string; /** Definition as inline HTML (for the tooltip). */ html: string }

/** What rendering needs to know about the whole course. */
export interface CourseContext {
  metas: readonly ActivationMeta[];
  engines: LiveEngines;
  /** Lesson file name (e.g. "01-why-a-bend.md") → output slug ("why-a-bend"). */
  lessonFiles: ReadonlyMap<string, string>;
  glossary: ReadonlyMap<string, GlossaryEntry>;
  /** Other site pages a lesson may link to (e.g. "index.html"). */
  sitePages: ReadonlySet<string>;
}

export interface WidgetUse {
  widget: string; title: string; query: string; line: number; id: string; /** The preset in words. */ words: string;
  /** The static figure (course/figures.ts): printed, and shown without JavaScript. */
  figure: string;
}
export interface LiveUse { source: string; text: string; value: number; line: number }
/** A claim `{{ check: A < B }}` (course/live.ts evaluateClaim): held when the page was built, renders nothing. */
export interface ClaimUse { claim: string; line: number; values: number[] }
/** A link to another page's anchor, checked once every page is rendered. */
export interface CrossRef { slug: string; anchor: string; line: number }

export interface RenderedPage {
  html: string;
  toc: { id: string; text: string; level: number }[];
  anchors: Set<string>;
  widgets: WidgetUse[];
  lives: LiveUse[];
  claims: ClaimUse[];
  terms: string[];
  crossRefs: CrossRef[];
}

type Env = {
  file: string;
  /** Lines before the Markdown body (front matter), added to every reported line. */
  offset: number;
  ctx: CourseContext;
  problems: Problem[];
  page: RenderedPage;
  tips: number;
};

/** Heading ids: lower case ASCII words joined by "-" (σ′ and friends drop out). */
export function slugify(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9\s-]/g, '').trim().replace(/[\s-]+/g, '-') || 'section';
}

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

// ---- inline rules: {{ live }}, [[term]], $math$ ----

function liveRule(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith('{{', state.pos)) return false;
  const end = state.src.indexOf('}}', state.pos + 2);
  if (end < 0) return false;
  if (!silent) state.push('live', '', 0).content = state.src.slice(state.pos + 2, end);
  state.pos = end + 2;
  return true;
}

function termRule(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith('[[', state.pos)) return false;
  const end = state.src.indexOf(']]', state.pos + 2);
  if (end < 0) return false;
  if (!silent) state.push('term', '', 0).content = state.src.slice(state.pos + 2, end);
  state.pos = end + 2;
  return true;
}

function mathInlineRule(state: StateInline, silent: boolean): boolean {
  if (state.src[state.pos] !== '$' || state.src[state.pos + 1] === '$') return false;
  let end = state.pos + 1;
  while (end < state.src.length && (state.src[end] !== '$' || state.src[end - 1] === '\\')) end++;
  if (end >= state.src.length) return false;
  const tex = state.src.slice(state.pos + 1, end);
  if (tex.trim() === '' || /^\s|\s$/.test(tex)) return false;
  if (!silent) state.push('math_inline', '', 0).content = tex;
  state.pos = end + 1;
  return true;
}

function mathBlockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!state.src.startsWith('$$', start)) return false;
  if (silent) return true;
  const lines: string[] = [];
  let line = startLine;
  let first = state.src.slice(start + 2, state.eMarks[startLine]).trim();
  let closed = false;
  for (; line < endLine; line++) {
    const text = line === startLine ? first : state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]).trim();
    if (text.endsWith('$$')) {
      lines.push(text.slice(0, -2));
      closed = true;
      break;
    }
    lines.push(text);
    first = '';
  }
  const token = state.push('math_block', 'div', 0);
  token.content = lines.join('\n').trim();
  token.map = [startLine, line + 1];
  token.meta = { closed };
  state.line = line + 1;
  return true;
}

// markdown-it types a token's meta as Record<string, unknown> | null; ours hold one record each.
const metaOf = <T>(t: Token): T | undefined => (t.meta ?? undefined) as T | undefined;
const setMeta = (t: Token, meta: object): void => {
  t.meta = meta as Record<string, unknown>;
};

// ---- the markdown-it instance ----

function makeMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt({
    html: false, // lessons are Markdown; raw HTML would skip every check
    linkify: false,
    typographer: true,
    highlight: (code, lang) => (lang === 'python' ? hljs.highlight(code, { language: 'python', ignoreIllegals: true }).value : ''),
  });
  md.inline.ruler.before('emphasis', 'live', liveRule);
  md.inline.ruler.before('link', 'term', termRule);
  md.inline.ruler.before('escape', 'math_inline', mathInlineRule);
  md.block.ruler.before('fence', 'math_block', mathBlockRule, { alt: ['paragraph'] });
  md.use(footnote);
  md.use(anchor, { slugify, level: [2, 3], tabIndex: false, permalink: anchor.permalink.headerLink({ safariReaderFix: true }) });
  md.use(container, 'widget', { validate: (p: string) => /^widget(\s|$)/.test(p.trim()), render: renderWidget });
  for (const kind of Object.keys(CALLOUTS)) {
    md.use(container, kind, { validate: (p: string) => new RegExp(`^${kind}(\\s|$)`).test(p.trim()), render: renderCallout(kind) });
  }

  const r = md.renderer.rules;
  r.live = (tokens, i) => {
    const t = tokens[i]!;
    const m = metaOf<LiveUse | ClaimUse>(t);
    if (m !== undefined && 'claim' in m) return ''; // a claim is checked, not shown
    if (!m) return '<span class="live live-error">?</span>';
    return `<span class="live" data-live="${escapeHtml(t.content.trim())}" data-value="${m.value}">${escapeHtml(m.text)}</span>`;
  };
  r.term = (tokens, i, _o, mdEnv) => {
    const t = tokens[i]!;
    const env = mdEnv as Env | undefined;
    const m = metaOf<{ entry: GlossaryEntry; shown: string }>(t);
    if (!m || !env) return escapeHtml(t.content);
    const tip = `tip-${m.entry.id}-${++env.tips}`;
    return `<span class="term-wrap"><a class="term" href="glossary.html#${m.entry.id}" aria-describedby="${tip}">${escapeHtml(m.shown)}</a>` +
      `<span class="term-tip" role="tooltip" id="${tip}"><strong>${escapeHtml(m.entry.term)}:</strong> ${m.entry.html}</span></span>`;
  };
  r.math_inline = (tokens, i) => (tokens[i]!.meta as { html?: string } | undefined)?.html ?? '';
  r.math_block = (tokens, i) => `<div class="math-block">${(tokens[i]!.meta as { html?: string } | undefined)?.html ?? ''}</div>\n`;
  // Code: <pre> is a tab stop when it scrolls sideways (scrollable-region-focusable).
  const fence = r.fence!;
  r.fence = (tokens, i, o, env, self) => fence(tokens, i, o, env, self).replace('<pre>', '<pre class="code" tabindex="0">');
  const linkOpen = r.link_open ?? ((tokens, i, o, _e, self) => self.renderToken(tokens, i, o));
  r.link_open = (tokens, i, o, env, self) => {
    const href = String(tokens[i]!.attrGet('href') ?? '');
    if (/^https?:/.test(href)) tokens[i]!.attrSet('rel', 'noopener');
    return linkOpen(tokens, i, o, env, self);
  };
  return md;
}

function renderCallout(kind: string) {
  return (tokens: Token[], i: number): string => {
    const t = tokens[i]!;
    const title = t.info.trim().slice(kind.length).trim();
    const label = CALLOUTS[kind]!;
    // An answer is folded away until the reader asks for it.
    if (kind === 'answer') return t.nesting === 1 ? `<details class="answer"><summary>${escapeHtml(title ? `${label}: ${title}` : label)}</summary>\n` : '</details>\n';
    if (t.nesting !== 1) return '</div>\n';
    return `<div class="callout callout-${kind}" role="note"><p class="callout-title">${escapeHtml(title ? `${label}: ${title}` : label)}</p>\n`;
  };
}

function renderWidget(tokens: Token[], i: number): string {
  const t = tokens[i]!;
  if (t.nesting !== 1) {
    // The close token has no meta: find the matching open token's.
    let depth = 0;
    for (let j = i - 1; j >= 0; j--) {
      const o = tokens[j]!;
      if (o.type === 'container_widget_close') depth++;
      if (o.type === 'container_widget_open' && depth-- === 0) {
        const w = metaOf<WidgetUse>(o);
        if (!w) return '</figcaption></figure>\n';
        return `<p class="widget-links"><a href="../${pageOf(w.widget)}.html${w.query ? `?${escapeHtml(w.query)}` : ''}">${escapeHtml(widgetById(w.widget)?.page ? `Open it on the ${pageOf(w.widget)} page` : `Open in the full ${w.title.toLowerCase()}`)}</a></p></figcaption></figure>\n`;
      }
    }
    return '</figcaption></figure>\n';
  }
  const w = metaOf<WidgetUse>(t);
  if (!w) return '<figure class="lesson-widget"><figcaption>\n';
  const entry = widgetById(w.widget)!;
  const sep = w.query ? '&' : '';
  return `<figure class="lesson-widget" id="${w.id}" data-widget="${w.widget}">\n` +
    `<iframe class="widget-frame" data-src="../embed/${w.widget}.html?${escapeHtml(w.query)}${sep}theme=" title="${escapeHtml(w.title)}: ${escapeHtml(w.words)}" height="${entry.height}" loading="lazy"></iframe>\n` +
    `<div class="widget-static">${w.figure}<p class="widget-print">Figure computed by the engine when this lesson was built. The live ${escapeHtml(w.title.toLowerCase())}: <code>${escapeHtml(pageOf(w.widget))}.html${w.query ? `?${escapeHtml(w.query)}` : ''}</code></p></div>\n<figcaption>\n`;
}

const md = makeMarkdown();

// ---- the checks, run over the parsed tokens ----

/**
 * The directive's default: a widget in a lesson is part of the text, so its sharing frame (the
 * "Set by this link…" line, copy link, embed code) is hidden — `share` is added to the preset's
 * `hide` list unless it is there already. Teachers find each preset's links under "For teachers".
 */
export function shareHidden(query: string): string {
  const m = /(^|&)hide=([^&]*)/.exec(query);
  if (m === null) return query === '' ? 'hide=share' : `${query}&hide=share`;
  const names = decodeURIComponent(m[2]!).split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.includes('share')) return query;
  const at = m.index + m[1]!.length;
  return `${query.slice(0, at)}hide=${[...names, 'share'].join(',')}${query.slice(at + m[0].length - m[1]!.length)}`;
}

/** Validates `query` against widget `id`'s own state table: problems in words, or none. */
export function checkPreset(id: string, query: string, metas: readonly ActivationMeta[]): string[] {
  return presetOf(id, query, metas).problems;
}

/** The preset's problems (none when valid) and, when valid, its settings in words. */
export function presetOf(id: string, query: string, metas: readonly ActivationMeta[]): { problems: string[]; words: string } {
  const entry = widgetById(id);
  if (entry === undefined) return { problems: [`unknown widget "${id}" (known: ${WIDGETS.map((w) => w.id).join(', ')})`], words: '' };
  if (/[\s"<>]/.test(query)) return { problems: [`the state "${query}" has a space, quote or angle bracket; write it as a URL query (a=1&b=2)`], words: '' };
  const table = entry.table(metas);
  const parsed = parseState(table, query);
  // The words (the iframe's title) say what the widget shows: its hidden share frame is not a setting.
  const hidden = new Set([...parsed.hidden].filter((k) => k !== 'share'));
  return { problems: parsed.notices.map((n) => `${id} state: ${n}`), words: summariseShort(table, parsed.state, hidden, parsed.locked) };
}

function checkLink(href: string, env: Env, line: number, token: Token): void {
  const add = (message: string) => env.problems.push({ file: env.file, line, message });
  if (/^(https?:|mailto:)/.test(href)) return;
  if (href.startsWith('#')) {
    env.page.crossRefs.push({ slug: '', anchor: href.slice(1), line });
    return;
  }
  const m = /^([\w.-]+\.(?:md|html))(?:\?([^#]*))?(?:#(.*))?$/.exec(href);
  if (!m) {
    add(`broken link "${href}": link a lesson (NN-slug.md#section), glossary.md#term, a widget page (explorer.html?…) or an https:// address`);
    return;
  }
  const [, name, query = '', hash] = m as unknown as [string, string, string?, string?];
  if (name.endsWith('.md')) {
    const slug = name === 'glossary.md' ? 'glossary' : env.ctx.lessonFiles.get(name);
    if (slug === undefined) {
      add(`broken link "${href}": no lesson file ${name} (lessons: ${[...env.ctx.lessonFiles.keys()].join(', ')})`);
      return;
    }
    token.attrSet('href', `${slug}.html${hash !== undefined ? `#${hash}` : ''}`);
    if (hash !== undefined) env.page.crossRefs.push({ slug, anchor: hash, line });
    return;
  }
  const page = widgetByPage(name.slice(0, -'.html'.length));
  if (page) {
    for (const p of checkPreset(page.id, query, env.ctx.metas)) add(`link "${href}": ${p}`);
  } else if (!env.ctx.sitePages.has(name)) {
    add(`broken link "${href}": no site page ${name}`);
    return;
  }
  token.attrSet('href', `../${href}`);
}

function checkInline(token: Token, env: Env, inHeading: boolean): void {
  let line = (token.map?.[0] ?? 0) + env.offset + 1;
  for (const child of token.children ?? []) {
    const add = (message: string) => env.problems.push({ file: env.file, line, message });
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak': line++; break;
      case 'text':
        if (/\{\{|\}\}/.test(child.content)) add(`unclosed live number near "${child.content.trim().slice(0, 40)}"`);
        break;
      case 'live':
        if (/^\s*check:/.test(child.content)) {
          const claim = child.content.replace(/^\s*check:/, '').trim();
          try {
            const r = evaluateClaim(claim, env.ctx.engines);
            const use: ClaimUse = { claim, line, values: r.sides.map((x) => x.value) };
            setMeta(child, use);
            env.page.claims.push(use);
            if (!r.holds) add(`claim {{ check: ${claim} }} does not hold: ${r.failed.join('; ')}`);
          } catch (err) {
            setMeta(child, { claim, line, values: [] } satisfies ClaimUse);
            add(`claim {{ check: ${claim} }} cannot be computed: ${(err as Error).message.split('\n')[0]}`);
          }
          break;
        }
        try {
          const v = live(child.content, env.ctx.engines);
          const use: LiveUse = { source: child.content.trim(), text: v.text, value: v.value, line };
          setMeta(child, use);
          env.page.lives.push(use);
        } catch (err) {
          add(`live number {{${child.content}}} cannot be computed: ${(err as Error).message.split('\n')[0]}`);
        }
        break;
      case 'term': {
        const [id = '', shown] = child.content.split('|').map((s) => s.trim());
        const entry = env.ctx.glossary.get(id);
        if (inHeading) add(`glossary term [[${child.content}]] in a heading (headings are links already; use it in the text)`);
        else if (entry === undefined) add(`unknown glossary term "${id}" (define it in glossary.md; known: ${[...env.ctx.glossary.keys()].join(', ')})`);
        else {
          // Mid-sentence, "Pre-activation" reads as "pre-activation" (an acronym such as "ReLU" keeps its case).
          const lower = /^[A-Z][a-z]/.test(entry.term) ? entry.term[0]!.toLowerCase() + entry.term.slice(1) : entry.term;
          child.meta = { entry, shown: shown ?? lower };
          env.page.terms.push(id);
        }
        break;
      }
      case 'math_inline':
        child.meta = { html: tex(child.content, false, add) };
        break;
      case 'link_open': checkLink(String(child.attrGet('href') ?? ''), env, line, child); break;
      default: break;
    }
  }
}

/** A heading's words as the reader sees them (typographic quotes; a formula as its TeX source). */
function plainText(inline: Token): string {
  return (inline.children ?? []).map((c) => (['text', 'code_inline', 'math_inline'].includes(c.type) ? c.content : '')).join('').trim();
}

function tex(source: string, display: boolean, add: (m: string) => void): string {
  try {
    return katex.renderToString(source, { ...KATEX_OPTIONS, displayMode: display, throwOnError: true });
  } catch (err) {
    add(`KaTeX cannot typeset "${source}": ${(err as Error).message}`);
    return '';
  }
}

function checkTokens(tokens: Token[], env: Env): void {
  let widgets = 0;
  let lastLevel = 1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const line = (t.map?.[0] ?? 0) + env.offset + 1;
    const add = (message: string) => env.problems.push({ file: env.file, line, message });
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        if (level === 1) add('a "# " heading in the body: the title (front matter) is the page\'s only h1; start sections at "## "');
        else if (level > lastLevel + 1) add(`heading level jumps from h${lastLevel} to h${level}`);
        lastLevel = level;
        const idAttr = t.attrGet('id');
        const id = idAttr == null ? null : String(idAttr);
        const inline = tokens[i + 1]!;
        if (id) {
          if (env.page.anchors.has(id)) add(`two sections have the id "${id}": reword one heading`);
          env.page.anchors.add(id);
          if (level === 2) env.page.toc.push({ id, text: plainText(inline), level });
        }
        checkInline(inline, env, true);
        i++;
        break;
      }
      case 'inline': checkInline(t, env, false); break;
      case 'fence': {
        const lang = t.info.trim().split(/\s+/)[0] ?? '';
        if (!CODE_LANGUAGES.has(lang)) add(`code block language "${lang}" is not one of ${[...CODE_LANGUAGES].join(', ')}`);
        break;
      }
      case 'math_block':
        if (!(t.meta as { closed: boolean }).closed) add('"$$" block is never closed');
        t.meta = { ...(t.meta as object), html: tex(t.content, true, add) };
        break;
      case 'container_widget_open': {
        const [, id = '', query = '', ...extra] = t.info.trim().split(/\s+/);
        if (extra.length > 0) {
          add(`widget directive "${t.info.trim()}": write "::: widget <id> <state>" with the state as one URL query`);
          break;
        }
        const shown = shareHidden(query.replace(/^\?/, ''));
        const preset = presetOf(id, shown, env.ctx.metas);
        preset.problems.forEach(add);
        if (preset.problems.length === 0) {
          const entry = widgetById(id)!;
          let figure = '';
          try {
            figure = widgetFigure(id, shown, env.ctx.engines, env.ctx.metas);
          } catch (err) {
            add(`widget ${id}: its static figure cannot be made: ${(err as Error).message.split('\n')[0]}`);
          }
          const use: WidgetUse = { widget: id, title: entry.title, query: shown, line, id: `widget-${++widgets}`, words: preset.words || 'default settings', figure };
          setMeta(t, use);
          env.page.widgets.push(use);
        }
        break;
      }
      default:
        if (t.type.startsWith('container_') && t.type.endsWith('_open')) {
          const kind = t.type.slice('container_'.length, -'_open'.length);
          if (kind !== 'widget' && !(kind in CALLOUTS)) add(`unknown directive "${kind}"`);
        }
        if (t.type === 'paragraph_open' && tokens[i + 1]?.content.trim().startsWith(':::')) add(`unknown or malformed directive "${tokens[i + 1]!.content.trim().split('\n')[0]}"`);
    }
  }
}

/** Renders one Markdown body (after its front matter, which has `offset` lines). */
export function renderMarkdown(body: string, file: string, offset: number, ctx: CourseContext, problems: Problem[]): RenderedPage {
  const page: RenderedPage = { html: '', toc: [], anchors: new Set(), widgets: [], lives: [], claims: [], terms: [], crossRefs: [] };
  const env: Env = { file, offset, ctx, problems, page, tips: 0 };
  const tokens = md.parse(body, env);
  checkTokens(tokens, env);
  // footnote anchors are ids too
  for (const t of tokens) if (t.type === 'footnote_block_open') page.anchors.add('footnotes');
  page.html = md.renderer.render(tokens, md.options, env);
  for (const m of page.html.matchAll(/ id="([^"]+)"/g)) page.anchors.add(m[1]!);
  return page;
}

/** Inline Markdown to HTML (glossary definitions; no checks needed beyond the renderer's). */
export function renderInline(text: string): string {
  return md.renderInline(text, {});
}

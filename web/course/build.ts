// build.ts — the course build: reads lessons/en/*.md (front matter + Markdown) and glossary.md,
// renders and checks each (course/render.ts), and writes static pages web/lessons/<slug>.html
// (generated, not in git) for Vite to bundle like any other page. Any problem — an unknown widget,
// an invalid preset, a live number the engine cannot compute, a broken link or term — fails the
// build with file:line. Called from web/vite.config.ts before Vite reads its inputs.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ExprEngine, type ExprModule } from '../src/engine/expr.ts';
import { Engine } from '../src/engine/engine.ts';
import { defaultNodeModulePath, loadNodeModule } from '../src/engine/node.ts';
import type { LiveEngines } from './live';
import { CourseError, renderInline, renderMarkdown, slugify, type CourseContext, type GlossaryEntry, type Problem, type RenderedPage } from './render.ts';
import { pageOf } from './widgets.ts';

export interface FrontMatter { title: string; summary: string; order: number; prerequisites: string[]; minutes: number }

export interface Lesson {
  file: string;
  /** Repository-relative path, as problems report it. */
  path: string;
  slug: string;
  front: FrontMatter;
  page: RenderedPage;
}

/** What the home page and the lesson runtime know of a lesson (virtual:course-index). */
export interface LessonIndexEntry { slug: string; title: string; summary: string; order: number; minutes: number; sections: { id: string; text: string }[] }

export interface Course { lessons: Lesson[]; glossary: { entries: GlossaryEntry[]; page: RenderedPage } }

const LESSON_FILE = /^(\d\d)-([a-z0-9-]+)\.md$/;

/** Splits "---\nyaml\n---\nbody" into the parsed front matter and the body with its line offset. */
export function splitFrontMatter(text: string, path: string, problems: Problem[]): { front: Record<string, unknown>; body: string; offset: number } {
  if (!text.startsWith('---\n')) {
    problems.push({ file: path, line: 1, message: 'the file must start with front matter ("---", title, summary, order, prerequisites, minutes, "---")' });
    return { front: {}, body: text, offset: 0 };
  }
  const end = text.indexOf('\n---\n', 3);
  if (end < 0) {
    problems.push({ file: path, line: 1, message: 'the front matter is never closed with "---"' });
    return { front: {}, body: '', offset: 0 };
  }
  const yamlText = text.slice(4, end + 1);
  const offset = yamlText.split('\n').length + 1; // the "---" lines and the YAML
  try {
    const front = parseYaml(yamlText) as unknown;
    if (front === null || typeof front !== 'object' || Array.isArray(front)) throw new Error('it is not a set of "key: value" lines');
    return { front: front as Record<string, unknown>, body: text.slice(end + 5), offset };
  } catch (err) {
    problems.push({ file: path, line: 2, message: `the front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}` });
    return { front: {}, body: text.slice(end + 5), offset };
  }
}

function checkFront(raw: Record<string, unknown>, path: string, text: string, problems: Problem[]): FrontMatter {
  const lineOf = (key: string) => Math.max(1, text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1);
  const add = (key: string, message: string) => problems.push({ file: path, line: lineOf(key), message });
  const str = (key: string): string => {
    const v = raw[key];
    if (typeof v !== 'string' || v.trim() === '') add(key, `front matter "${key}" must be a non-empty text`);
    return typeof v === 'string' ? v : '';
  };
  const num = (key: string, lo: number, hi: number): number => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) add(key, `front matter "${key}" must be a whole number ${lo}–${hi}`);
    return typeof v === 'number' ? v : 0;
  };
  const pre = raw.prerequisites ?? [];
  if (!Array.isArray(pre) || pre.some((p) => typeof p !== 'string')) add('prerequisites', 'front matter "prerequisites" must be a list of lesson files');
  for (const key of Object.keys(raw)) {
    if (!['title', 'summary', 'order', 'prerequisites', 'minutes'].includes(key)) add(key, `unknown front matter key "${key}"`);
  }
  return { title: str('title'), summary: str('summary'), order: num('order', 1, 99), prerequisites: Array.isArray(pre) ? pre.map(String) : [], minutes: num('minutes', 1, 120) };
}

/** The glossary: "## Term" headings, each followed by its definition paragraph. */
function readGlossary(text: string, path: string, problems: Problem[]): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^## (.+)$/.exec(line);
    if (!m) return;
    const term = m[1]!.trim();
    const id = slugify(term);
    const defLines: string[] = [];
    for (let j = i + 1; j < lines.length && !lines[j]!.startsWith('#'); j++) {
      if (lines[j]!.trim() === '' && defLines.length > 0) break;
      if (lines[j]!.trim() !== '') defLines.push(lines[j]!.trim());
    }
    if (defLines.length === 0) problems.push({ file: path, line: i + 1, message: `glossary term "${term}" has no definition` });
    if (entries.some((e) => e.id === id)) problems.push({ file: path, line: i + 1, message: `glossary term "${term}" is defined twice` });
    const html = renderInline(defLines.join(' ').replace(/\[\[([^\]|]+)\|?([^\]]*)\]\]/g, (_m, a: string, b: string) => b || a));
    entries.push({ id, term, html });
  });
  return entries;
}

/** Loads the Node engine the live numbers are computed with. */
export async function loadEngines(modulePath?: string, digitsPath: string = defaultDigitsPath): Promise<LiveEngines> {
  const module = await loadNodeModule(modulePath);
  return { engine: new Engine(module), expr: new ExprEngine(module as unknown as ExprModule), module, digits: new Uint8Array(readFileSync(digitsPath)) };
}

/** The 8×8 digits the race trains on (the same file the pages fetch). */
export const defaultDigitsPath = join(dirname(defaultNodeModulePath), '../../public/data/digits8x8.bin');

export interface CourseInput {
  /** The lessons folder of one language (lessons/en). */
  dir: string;
  /** Where problems' paths are relative to (the repository). */
  root: string;
  engines: LiveEngines;
  sitePages: ReadonlySet<string>;
  /** Replaces reading `dir` (tests): file name → text. */
  files?: ReadonlyMap<string, string>;
}

/** Reads, renders and checks the whole course; throws CourseError listing every problem. */
export function buildCourse(input: CourseInput): Course {
  const problems: Problem[] = [];
  const files = input.files ?? new Map(readdirSync(input.dir).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(input.dir, f), 'utf8')]));
  const rel = (f: string) => relative(input.root, join(input.dir, f)) || f;
  const lessonFiles = new Map<string, string>();
  for (const f of files.keys()) {
    if (f === 'glossary.md') continue;
    const m = LESSON_FILE.exec(f);
    if (!m) problems.push({ file: rel(f), line: 1, message: `a lesson file is named NN-slug.md (two digits, lower-case words), not "${f}"` });
    else lessonFiles.set(f, m[2]!);
  }
  const glossaryText = files.get('glossary.md');
  if (glossaryText === undefined) problems.push({ file: rel('glossary.md'), line: 1, message: 'the glossary (glossary.md) is missing' });
  const entries = readGlossary(glossaryText ?? '', rel('glossary.md'), problems);
  const ctx: CourseContext = {
    metas: input.engines.engine.activations(), engines: input.engines, lessonFiles,
    glossary: new Map(entries.map((e) => [e.id, e])), sitePages: input.sitePages,
  };
  const glossaryPage = renderMarkdown(glossaryText ?? '', rel('glossary.md'), 0, ctx, problems);
  const lessons: Lesson[] = [];
  for (const [file, slug] of lessonFiles) {
    const path = rel(file);
    const text = files.get(file)!;
    const { front, body, offset } = splitFrontMatter(text, path, problems);
    const fm = checkFront(front, path, text, problems);
    for (const p of fm.prerequisites) {
      if (!lessonFiles.has(p)) problems.push({ file: path, line: Math.max(1, text.split('\n').findIndex((l) => l.includes(p)) + 1), message: `prerequisite "${p}" is not a lesson file` });
    }
    lessons.push({ file, path, slug, front: fm, page: renderMarkdown(body, path, offset, ctx, problems) });
  }
  // Anchors are known once every page is rendered: check the links between them.
  const anchorsOf = new Map<string, Set<string>>([['glossary', glossaryPage.anchors], ...lessons.map((l) => [l.slug, l.page.anchors] as const)]);
  const check = (path: string, own: string, page: RenderedPage) => {
    for (const ref of page.crossRefs) {
      const slug = ref.slug || own;
      if (!anchorsOf.get(slug)?.has(ref.anchor)) problems.push({ file: path, line: ref.line, message: `broken link: ${slug === own ? 'this page' : `${slug}`} has no section "#${ref.anchor}"` });
    }
  };
  check(rel('glossary.md'), 'glossary', glossaryPage);
  for (const l of lessons) check(l.path, l.slug, l.page);
  lessons.sort((a, b) => a.front.order - b.front.order);
  lessons.forEach((l, i) => {
    if (l.front.order !== i + 1 && problems.every((p) => p.file !== l.path)) {
      problems.push({ file: l.path, line: Math.max(1, files.get(l.file)!.split('\n').findIndex((x) => x.startsWith('order:')) + 1), message: `order ${l.front.order}: lessons are numbered 1, 2, 3, … without gaps or repeats (this is lesson ${i + 1} by order)` });
    }
  });
  if (problems.length > 0) throw new CourseError(problems);
  return { lessons, glossary: { entries, page: glossaryPage } };
}

export function lessonIndex(course: Course): LessonIndexEntry[] {
  return course.lessons.map((l) => ({
    slug: l.slug, title: l.front.title, summary: l.front.summary, order: l.front.order, minutes: l.front.minutes,
    sections: l.page.toc.map((t) => ({ id: t.id, text: t.text })),
  }));
}

// ---- the static pages ----

const esc = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function shell(title: string, description: string, pageKind: string, slug: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <!-- site-head -->
  <meta name="description" content="${esc(description)}">
  <title>${esc(title)} — Activation Lab</title>
  <script type="module" src="../src/pages/lesson/main.ts"></script>
</head>
<body class="lesson-page" data-kind="${pageKind}" data-slug="${esc(slug)}">
  <!-- site-header -->
  <main id="main" class="wrap lesson">
${main}
  </main>
  <!-- site-footer -->
</body>
</html>
`;
}

function lessonHtml(l: Lesson, prev: Lesson | undefined, next: Lesson | undefined, all: Lesson[]): string {
  const toc = l.page.toc.map((t) => `<li><a href="#${t.id}">${esc(t.text)}</a></li>`).join('\n');
  const pre = l.front.prerequisites.map((p) => all.find((x) => x.file === p)!).map((p) => `<a href="${p.slug}.html">${esc(p.front.title)}</a>`);
  const nav = (l2: Lesson | undefined, rel: 'prev' | 'next') => (l2 === undefined
    ? `<span class="pager-${rel} pager-none">${rel === 'prev' ? 'This is the first lesson' : 'This is the last lesson'}</span>`
    : `<a class="pager-${rel}" rel="${rel}" href="${l2.slug}.html"><span class="pager-label">${rel === 'prev' ? '← Previous' : 'Next →'}: lesson ${l2.front.order}</span> ${esc(l2.front.title)}</a>`);
  const teacher = l.page.widgets.length === 0 ? '' : `
<details class="teacher">
<summary>For teachers: this lesson's widgets, with links and embed codes</summary>
<ol>
${l.page.widgets.map((w) => `<li><a href="#${w.id}">${esc(w.title)}</a> (<a href="../${pageOf(w.widget)}.html${w.query ? `?${esc(w.query)}` : ''}">full page with this preset</a>)
<pre class="code embed-code" tabindex="0"><code data-embed-widget="${w.widget}" data-embed-title="${esc(w.title)}" data-embed-query="${esc(w.query)}">embed/${w.widget}.html${w.query ? `?${esc(w.query)}` : ''}</code></pre></li>`).join('\n')}
</ol>
</details>`;
  const main = `<article class="lesson-body" aria-labelledby="lesson-title">
<header class="lesson-head">
<p class="lesson-kicker">Lesson ${l.front.order} of ${all.length} · about ${l.front.minutes} minutes</p>
<h1 id="lesson-title">${esc(l.front.title)}</h1>
<p class="lesson-summary">${esc(l.front.summary)}</p>
${pre.length > 0 ? `<p class="lesson-pre">Before this: ${pre.join(', ')}.</p>` : ''}
<p class="lesson-progress" id="lesson-progress" role="status"></p>
</header>
<nav class="toc" aria-label="In this lesson">
<h2 class="toc-title" id="toc-title">In this lesson</h2>
<ol>
${toc}
</ol>
</nav>
<div class="lesson-text">
${l.page.html}
</div>${teacher}
<nav class="pager" aria-label="Lessons">
${nav(prev, 'prev')}
<a class="pager-home" href="../index.html#course">All lessons</a>
${nav(next, 'next')}
</nav>
</article>`;
  return shell(l.front.title, l.front.summary, 'lesson', l.slug, main);
}

function glossaryHtml(course: Course): string {
  const main = `<article class="lesson-body glossary" aria-labelledby="lesson-title">
<header class="lesson-head">
<h1 id="lesson-title">Glossary</h1>
<p class="lesson-summary">The course's key terms, each defined once. In the lessons, a dotted term shows its definition on hover or focus and links here.</p>
</header>
<div class="lesson-text">
${course.glossary.page.html}
</div>
<nav class="pager" aria-label="Lessons"><a class="pager-home" href="../index.html#course">All lessons</a></nav>
</article>`;
  return shell('Glossary', 'The key terms of the Activation Lab course, each defined once.', 'glossary', 'glossary', main);
}

/** Writes web/lessons/<slug>.html and glossary.html into `outDir` (emptied first); returns their page names. */
export function writeCoursePages(course: Course, outDir: string): string[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'README.txt'), 'Generated by web/course/build.ts from lessons/en/*.md at every build; not in git, do not edit.\n');
  const names: string[] = [];
  course.lessons.forEach((l, i) => {
    writeFileSync(join(outDir, `${l.slug}.html`), lessonHtml(l, course.lessons[i - 1], course.lessons[i + 1], course.lessons));
    names.push(l.slug);
  });
  writeFileSync(join(outDir, 'glossary.html'), glossaryHtml(course));
  names.push('glossary');
  return names;
}

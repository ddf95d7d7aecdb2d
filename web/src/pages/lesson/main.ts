// main.ts — the runtime of a lesson page (web/lessons/<slug>.html, built from lessons/en/*.md).
// The page's text, formulas and numbers are all static (computed by the engine at build time);
// this script only: starts each widget iframe in the page's theme and sizes it to the height the
// embed reports, fills the teachers' embed codes for this site's address, keeps the reading
// progress (state/lesson-progress.ts, in the one progress store) and offers "continue where you
// left off", lets Escape dismiss a glossary definition shown on hover or focus, starts the offline
// cache (as every page does), and inside a course platform reports to it (./lms.ts, SCORM 1.2).
import '../../ui/base.css';
import 'katex/dist/katex.min.css';
import './lesson.css';
import index from 'virtual:course-index';
import { embedSnippet } from '../../ui/embed-code';
import { initTheme, isDark, onThemeChange } from '../../ui/theme';
import { loadProgress, markRead, saveProgress, visit, type CourseProgress } from '../../state/lesson-progress';
import { startOfflineCache } from '../../offline/register';
import { startLessonLms, type LessonLms } from './lms';

const storage = ((): Storage | undefined => { try { return localStorage; } catch { return undefined; } })();
const slug = document.body.dataset.slug ?? '';
const isLesson = document.body.dataset.kind === 'lesson';

// ---- widgets: theme and height ----
const frames = [...document.querySelectorAll<HTMLIFrameElement>('iframe.widget-frame')];
// The live widgets take the place of their static figures (lesson.css; the figures stay for print).
document.documentElement.classList.add('widgets-live');
function themeFrames(): void {
  const theme = isDark() ? 'dark' : 'light';
  for (const f of frames) {
    const src = `${f.dataset.src ?? ''}${theme}`;
    if (f.getAttribute('src') !== src) f.setAttribute('src', src);
  }
}
window.addEventListener('message', (event: MessageEvent) => {
  const d = event.data as { type?: unknown; height?: unknown } | null;
  if (d === null || typeof d !== 'object' || d.type !== 'actlab:resize' || typeof d.height !== 'number') return;
  if (!(d.height > 0 && d.height < 20000)) return;
  const frame = frames.find((f) => f.contentWindow === event.source);
  if (frame) frame.style.height = `${Math.ceil(d.height)}px`;
});

// ---- the teachers' embed codes, for wherever this site is served ----
const siteRoot = new URL('../', location.href).href;
for (const code of document.querySelectorAll<HTMLElement>('code[data-embed-widget]')) {
  const d = code.dataset;
  code.textContent = embedSnippet(d.embedWidget!, `${d.embedTitle!} (Activation Lab)`, d.embedQuery ?? '', siteRoot);
}

// ---- glossary tips: Escape hides the one shown (WCAG 1.4.13) until the pointer or focus moves on ----
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') document.body.classList.add('tips-dismissed'); });
for (const type of ['focusin', 'pointerover'] as const) {
  document.addEventListener(type, (e) => {
    if ((e.target as Element | null)?.closest?.('.term-wrap')) {
      if (type === 'focusin') document.body.classList.remove('tips-dismissed');
    } else document.body.classList.remove('tips-dismissed');
  });
}

// ---- reading progress ----
function sectionTitle(id: string): string {
  return index.find((l) => l.slug === slug)?.sections.find((s) => s.id === id)?.text ?? '';
}

function showProgress(p: CourseProgress, line: HTMLElement): void {
  const mine = p.lessons[slug];
  line.textContent = '';
  if (mine === undefined) return;
  if (mine.read) {
    line.textContent = 'You have read this lesson to the end before.';
    return;
  }
  if (mine.section === '' || location.hash !== '') return;
  line.append('You were here before: ');
  const a = document.createElement('a');
  a.href = `#${mine.section}`;
  a.textContent = `continue at “${sectionTitle(mine.section) || mine.section}”`;
  line.append(a, '.');
}

function trackProgress(lms: LessonLms | null): void {
  const line = document.getElementById('lesson-progress');
  let progress = loadProgress(storage);
  if (line) showProgress(progress, line);
  const headings = [...document.querySelectorAll<HTMLElement>('.lesson-text h2[id]')];
  const pager = document.querySelector('.pager');
  let pending = 0;
  let first = true;
  const save = () => {
    pending = 0;
    // The section reached: the last h2 whose top is above a third of the viewport.
    const top = innerHeight / 3;
    let section = '';
    for (const h of headings) if (h.getBoundingClientRect().top < top) section = h.id;
    const doc = document.documentElement;
    const share = doc.scrollHeight <= innerHeight ? 1 : (scrollY + innerHeight) / doc.scrollHeight;
    const stored = loadProgress(storage);
    // Opening the page at its top keeps the place saved before (the "continue" link still leads there).
    if (first && section === '') section = stored.lessons[slug]?.section ?? '';
    first = false;
    const wasRead = stored.lessons[slug]?.read === true;
    progress = visit(stored, slug, section, share, Date.now());
    if (pager && pager.getBoundingClientRect().top < innerHeight) progress = markRead(progress, slug, Date.now());
    saveProgress(storage, progress, [slug]);
    if (!wasRead && progress.lessons[slug]?.read === true) lms?.report();
    document.body.dataset.progressSection = section;
  };
  const later = () => { if (pending === 0) pending = window.setTimeout(save, 250); };
  addEventListener('scroll', later, { passive: true });
  addEventListener('hashchange', later);
  addEventListener('pagehide', save);
  save();
}

// ---- a course platform (SCORM 1.2), before the iframes load so the exercises show what it kept ----
function lmsNotice(): HTMLElement {
  const box = document.createElement('p');
  box.className = 'notices lms-notice';
  box.id = 'lms-notice';
  box.setAttribute('role', 'status');
  box.hidden = true;
  const head = document.querySelector('.lesson-head');
  if (head) head.after(box);
  else document.body.prepend(box);
  return box;
}

initTheme();
const lms = isLesson ? startLessonLms(window, slug, frames, lmsNotice()) : null;
themeFrames();
onThemeChange(themeFrames);
if (isLesson) trackProgress(lms);
void startOfflineCache();

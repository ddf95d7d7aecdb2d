// course-map.ts — the home page's course map: the lessons in order (from virtual:course-index,
// built from lessons/en/*.md), each with its minutes and the reader's state (not started / started
// / read, from state/lesson-progress.ts), and "continue where you left off". DOM built with
// createElement and textContent only.
import index from 'virtual:course-index';
import { continueTarget, lessonState, loadProgress } from '../../state/lesson-progress';

const storage = ((): Storage | undefined => { try { return localStorage; } catch { return undefined; } })();

export function mountCourseMap(list: HTMLElement, resume: HTMLElement): void {
  const progress = loadProgress(storage);
  list.textContent = '';
  for (const l of index) {
    const li = document.createElement('li');
    li.className = 'lesson-card';
    const state = lessonState(progress, l.slug);
    li.dataset.state = state;
    li.dataset.slug = l.slug;
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = `./lessons/${l.slug}.html`;
    a.textContent = `${l.order}. ${l.title}`;
    h.append(a);
    const p = document.createElement('p');
    p.textContent = l.summary;
    const meta = document.createElement('p');
    meta.className = 'lesson-meta';
    const badge = document.createElement('span');
    badge.className = `lesson-state state-${state.replace(' ', '-')}`;
    badge.textContent = state === 'read' ? 'Read' : state === 'started' ? 'Started' : 'Not started';
    meta.append(`About ${l.minutes} minutes · `, badge);
    li.append(h, p, meta);
    list.append(li);
  }
  const target = continueTarget(progress, index.map((l) => l.slug));
  resume.textContent = '';
  const a = document.createElement('a');
  a.className = 'resume';
  if (target === null) {
    const first = index[0];
    if (first === undefined) return;
    const allRead = index.every((l) => lessonState(progress, l.slug) === 'read');
    a.href = `./lessons/${first.slug}.html`;
    a.textContent = allRead ? `You have read every lesson. Start again with “${first.title}”` : `Start the course: “${first.title}”`;
  } else {
    const l = index.find((x) => x.slug === target.slug)!;
    const section = l.sections.find((s) => s.id === target.section);
    a.href = `./lessons/${l.slug}.html${section ? `#${section.id}` : ''}`;
    a.textContent = `Continue where you left off: lesson ${l.order}, “${l.title}”${section ? `, at “${section.text}”` : ''}`;
  }
  resume.append(a);
}

// lms.ts — a lesson page inside a course platform (the SCORM 1.2 package, `npm run package:scorm`):
// starts the LMS session when there is one (web/src/lms/scorm12.ts; none on the open site, and then
// nothing here does anything), resumes from the suspend data the LMS kept (merged into the browser's
// progress store, so a relaunch restores solved exercises and reading), and reports the lesson's
// score, status and the progress to keep after each change: an embedded exercise's Check (the
// `actlab:exercise` message, accepted only from this page's own exercise iframes) and the lesson
// read to the end. On leaving: the last report and LMSFinish. An LMS error is shown once on the
// page (role=status); the progress stays in the browser either way.
import { LmsSession, type LessonResult } from '../../lms/scorm12';
import { decodeSuspend, encodeSuspend, mergeProgress } from '../../lms/suspend';
import { ProgressStore, serialiseProgress, type Progress } from '../../state/progress';

/** The exercise ids of the page's embedded exercises, from their iframes' `id=` (in page order, once each). */
export function exerciseIdsOf(frames: readonly HTMLIFrameElement[], base: string): string[] {
  const ids: string[] = [];
  for (const f of frames) {
    const url = new URL(f.dataset.src ?? f.getAttribute('src') ?? '', base);
    if (!/\/embed\/exercise\.html$/.test(url.pathname)) continue;
    const id = url.searchParams.get('id');
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The lesson's result from the store: score = share of its exercises solved × 100 (null without exercises). */
export function lessonResult(p: Progress, slug: string, exercises: readonly string[]): LessonResult {
  const read = p.lessons[slug]?.read === true;
  if (exercises.length === 0) return { score: null, read, allAttempted: true };
  const solved = exercises.filter((id) => p.exercises[id]?.solved === true).length;
  const allAttempted = exercises.every((id) => (p.exercises[id]?.attempts ?? 0) > 0);
  return { score: Math.round((solved / exercises.length) * 100), read, allAttempted };
}

export interface LessonLms {
  /** Sends the current result and progress (after a change). */
  report(): void;
}

/**
 * Starts the LMS link for lesson `slug`, before the widget iframes load (so the exercises show the
 * merged progress). Returns null on the open site (no LMS API found).
 */
export function startLessonLms(win: Window, slug: string, frames: readonly HTMLIFrameElement[], notice: HTMLElement): LessonLms | null {
  let shown = false;
  const showOnce = (message: string) => {
    if (shown) return;
    shown = true;
    notice.textContent = message;
    notice.hidden = false;
  };
  const session = LmsSession.start(win, showOnce);
  if (session === null) return null;
  const storage = ((): Storage | undefined => { try { return win.localStorage; } catch { return undefined; } })();
  const fresh = () => new ProgressStore(storage);

  // Resume: what the LMS kept, merged with what this browser has (solved stays solved).
  const kept = session.suspendData();
  if (kept !== '') {
    try {
      const store = fresh();
      store.importText(serialiseProgress(mergeProgress(store.data, decodeSuspend(kept))));
    } catch (err) {
      showOnce(`The progress the course platform kept for this lesson could not be read (${err instanceof Error ? err.message : String(err)}); ` +
        'continuing with the progress in this browser.');
    }
  }

  const exercises = exerciseIdsOf(frames, win.location.href);
  const report = () => {
    const data = fresh().data;
    session.report(lessonResult(data, slug, exercises), encodeSuspend(data));
  };

  const exerciseFrames = frames.filter((f) => exerciseIdsOf([f], win.location.href).length > 0);
  win.addEventListener('message', (event: MessageEvent) => {
    const d = event.data as { type?: unknown; exercise?: unknown } | null;
    if (d === null || typeof d !== 'object' || d.type !== 'actlab:exercise' || typeof d.exercise !== 'string') return;
    if (event.origin !== win.location.origin || !exerciseFrames.some((f) => f.contentWindow === event.source)) return;
    report();
  });
  win.addEventListener('pagehide', () => {
    report();
    session.finish();
  });
  report();
  return { report };
}

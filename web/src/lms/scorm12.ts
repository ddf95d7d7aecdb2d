// scorm12.ts — the lab as a SCORM 1.2 SCO: when a lesson runs inside an LMS (the package from
// `npm run package:scorm`), it finds the LMS's API object, reports the lesson's status and score,
// keeps the learner's progress in cmi.suspend_data and resumes from it. Without an LMS nothing
// happens and the page is exactly the open site's.
//
// SCORM 1.2 run-time (ADL, 2001), as every major LMS plays it:
//   API discovery   window.API in this window, its parents (at most 10 hops), then the opener's;
//   LMSInitialize   once; cmi.core.lesson_status "not attempted" becomes "incomplete";
//   reporting       cmi.core.score.raw (0–100, with min 0 / max 100), cmi.core.lesson_status
//                   (incomplete → completed, or passed/failed against cmi.student_data.mastery_score),
//                   cmi.suspend_data (≤ 4,096 characters: see suspend.ts), LMSCommit after each;
//   leaving         cmi.core.session_time (HHHH:MM:SS.SS), cmi.core.exit "suspend", LMSFinish.
// An LMS error is reported once through `onError` (the page shows it); progress stays in the
// browser as well, so nothing is lost either way.

/** The SCORM 1.2 API an LMS puts on one of the SCO's ancestor windows. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

interface ApiHolder { API?: unknown; parent: ApiHolder | null; opener?: ApiHolder | null }

const isApi = (x: unknown): x is Scorm12Api =>
  typeof x === 'object' && x !== null && typeof (x as Scorm12Api).LMSInitialize === 'function' &&
  typeof (x as Scorm12Api).LMSSetValue === 'function';

/** Looks up `API` in `start` and up to `hops` parents; reading a cross-origin parent counts as not found there. */
function searchUp(start: ApiHolder | null | undefined, hops: number): Scorm12Api | null {
  let win = start;
  for (let i = 0; win && i <= hops; i++) {
    try {
      if (isApi(win.API)) return win.API;
    } catch {
      return null; // a cross-origin ancestor: its API is not ours to use
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}

/** The LMS's API for `win`: its own or an ancestor's, else its opener's (and the opener's ancestors). */
export function findApi(win: ApiHolder, hops = 10): Scorm12Api | null {
  const found = searchUp(win, hops);
  if (found) return found;
  let opener: ApiHolder | null | undefined;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return searchUp(opener, hops);
}

/** SCORM 1.2's CMITimespan: HHHH:MM:SS.SS. */
export function timespan(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(Math.min(h, 9999)).padStart(4, '0')}:${two(m)}:${s.toFixed(2).padStart(5, '0')}`;
}

/** What a lesson reports: its score (null: it has no checked exercises), whether it is read, all exercises tried. */
export interface LessonResult { score: number | null; read: boolean; allAttempted: boolean }

/** The lesson status for `r` against the LMS's mastery score (null: none set). */
export function lessonStatus(r: LessonResult, mastery: number | null): 'incomplete' | 'completed' | 'passed' | 'failed' {
  if (r.score === null) return r.read ? 'completed' : 'incomplete';
  const bar = mastery ?? 80;
  if (r.score >= bar) return 'passed';
  return r.allAttempted ? 'failed' : 'incomplete';
}

export class LmsSession {
  private readonly started = Date.now();
  private failed = false;
  private finished = false;
  readonly mastery: number | null;

  private constructor(private readonly api: Scorm12Api, private readonly onError: (message: string) => void) {
    const m = Number.parseFloat(api.LMSGetValue('cmi.student_data.mastery_score'));
    this.mastery = Number.isFinite(m) && m >= 0 && m <= 100 ? m : null;
    if (api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') this.set('cmi.core.lesson_status', 'incomplete');
  }

  /** Starts the session when an LMS is there (null otherwise: the open site). */
  static start(win: ApiHolder, onError: (message: string) => void): LmsSession | null {
    const api = findApi(win);
    if (api === null) return null;
    let ok = false;
    try {
      ok = api.LMSInitialize('') === 'true';
    } catch {
      ok = false;
    }
    if (!ok) {
      onError(`The course platform did not start this lesson's record (SCORM error ${safe(() => api.LMSGetLastError())}). ` +
        'Your progress is kept in this browser.');
      return null;
    }
    return new LmsSession(api, onError);
  }

  /** The progress this SCO stored last time ('' on a first launch). */
  suspendData(): string {
    return safe(() => this.api.LMSGetValue('cmi.suspend_data'));
  }

  /** Sends the lesson's score, status and the progress to keep, and commits. */
  report(result: LessonResult, suspend: string): void {
    if (this.finished) return;
    if (result.score !== null) {
      this.set('cmi.core.score.min', '0');
      this.set('cmi.core.score.max', '100');
      this.set('cmi.core.score.raw', String(Math.round(Math.min(100, Math.max(0, result.score)))));
    }
    this.set('cmi.core.lesson_status', lessonStatus(result, this.mastery));
    this.set('cmi.suspend_data', suspend);
    this.call(() => this.api.LMSCommit(''), 'LMSCommit');
  }

  /** On leaving the page: the session's time, "suspend" so the LMS resumes it, LMSFinish. */
  finish(): void {
    if (this.finished) return;
    this.set('cmi.core.session_time', timespan(Date.now() - this.started));
    this.set('cmi.core.exit', 'suspend');
    this.call(() => this.api.LMSFinish(''), 'LMSFinish');
    this.finished = true;
  }

  private set(element: string, value: string): void {
    this.call(() => this.api.LMSSetValue(element, value), `LMSSetValue(${element})`);
  }

  private call(fn: () => string, what: string): void {
    let result: string;
    try {
      result = fn();
    } catch (err) {
      result = `threw ${err instanceof Error ? err.message : String(err)}`;
    }
    if (result === 'true' || this.failed) return;
    this.failed = true; // once: one notice is enough, and the browser keeps the progress
    const code = safe(() => this.api.LMSGetLastError());
    const text = safe(() => this.api.LMSGetErrorString(code));
    this.onError(`The course platform did not accept ${what}: ${text || result} (SCORM error ${code || '?'}). ` +
      'Your progress is kept in this browser.');
  }
}

function safe(fn: () => string): string {
  try {
    return String(fn() ?? '');
  } catch {
    return '';
  }
}

// suspend.ts — the learner's progress (web/src/state/progress.ts) as SCORM 1.2 suspend data, which an
// LMS keeps for at most 4,096 characters per SCO, and back; and the merge of what the LMS kept with
// what the browser has, so a learner resumes where they left off from either side.
//
// The text is compact JSON: {"v":2,"x":{"<exercise>":[attempts, solved 0|1, {box: answer}?]},
// "l":{"<lesson>":{…}}}. The course's ten exercises with short answers and eight lessons take well
// under 1,000 characters (tests/web/scorm-suspend.test.ts). The last answers fit while they can:
// the longest answer boxes are dropped first (ties by exercise, then box) until the text is within
// the limit; a dropped answer only empties its box in the LMS copy. Past that (the store allows
// 200 exercises), unsolved exercises go, then lesson entries; solved flags go last.
// solvedAt is not sent (the browser's copy keeps it).
import { emptyProgress, migrate, type ExerciseProgress, type LessonProgress, type Progress } from '../state/progress';

export const SUSPEND_LIMIT = 4096;

type Packed = [number, 0 | 1, Record<string, string>?];

function pack(p: Progress, withAnswers: Map<string, Set<string>> | null, keep: (id: string) => boolean): string {
  const x: Record<string, Packed> = {};
  for (const [id, e] of Object.entries(p.exercises)) {
    if (!keep(id)) continue;
    const boxes = withAnswers?.get(id);
    const answers = boxes ? Object.fromEntries(Object.entries(e.lastAnswer).filter(([k]) => boxes.has(k))) : {};
    x[id] = Object.keys(answers).length > 0 ? [e.attempts, e.solved ? 1 : 0, answers] : [e.attempts, e.solved ? 1 : 0];
  }
  return JSON.stringify({ v: 2, x, l: p.lessons });
}

/** `p` as suspend data of at most `limit` characters (see the header for what is dropped first). */
export function encodeSuspend(p: Progress, limit = SUSPEND_LIMIT): string {
  // Every answer box, longest first: drop from the front until it fits.
  const boxes = Object.entries(p.exercises).flatMap(([id, e]) => Object.entries(e.lastAnswer).map(([k, a]) => ({ id, k, len: a.length })))
    .sort((a, b) => b.len - a.len || a.id.localeCompare(b.id) || a.k.localeCompare(b.k));
  const kept = new Map<string, Set<string>>();
  for (const b of boxes) kept.set(b.id, (kept.get(b.id) ?? new Set()).add(b.k));
  let text = pack(p, kept, () => true);
  for (const b of boxes) {
    if (text.length <= limit) return text;
    kept.get(b.id)!.delete(b.k);
    text = pack(p, kept, () => true);
  }
  if (text.length <= limit) return text;
  // Still too long (very many exercises): unsolved ones go, then lesson details, solved ones last.
  const solvedOnly = (id: string) => p.exercises[id]!.solved;
  text = pack(p, null, solvedOnly);
  if (text.length <= limit) return text;
  const bare: Progress = { ...p, lessons: {} };
  text = pack(bare, null, solvedOnly);
  const ids = Object.keys(p.exercises).filter(solvedOnly);
  while (text.length > limit && ids.length > 0) {
    ids.pop();
    const allowed = new Set(ids);
    text = pack(bare, null, (id) => allowed.has(id));
  }
  return text;
}

/** Suspend data back to progress; '' is an empty store. Anything unreadable throws (ProgressError). */
export function decodeSuspend(text: string): Progress {
  if (text === '') return emptyProgress();
  const doc = JSON.parse(text) as { v?: unknown; x?: Record<string, Packed>; l?: unknown };
  const exercises: Record<string, unknown> = {};
  for (const [id, e] of Object.entries(doc.x ?? {})) {
    exercises[id] = Array.isArray(e) ? { attempts: e[0], solved: e[1] === 1, lastAnswer: e[2] ?? {} } : e;
  }
  return migrate({ version: doc.v, exercises, lessons: doc.l ?? {} });
}

/** One lesson entry from two copies: numbers take the larger, flags either, texts the browser's. */
function mergeLesson(a: LessonProgress | undefined, b: LessonProgress | undefined): LessonProgress {
  const out: LessonProgress = { ...b, ...a };
  for (const k of Object.keys(out)) {
    const x = a?.[k];
    const y = b?.[k];
    if (typeof x === 'number' && typeof y === 'number') out[k] = Math.max(x, y);
    else if (typeof x === 'boolean' && typeof y === 'boolean') out[k] = x || y;
  }
  return out;
}

/** The browser's progress and the LMS's, together: solved stays solved, the most attempts win. */
export function mergeProgress(browser: Progress, lms: Progress): Progress {
  const out = emptyProgress();
  for (const id of new Set([...Object.keys(browser.exercises), ...Object.keys(lms.exercises)])) {
    const a = browser.exercises[id];
    const b = lms.exercises[id];
    const base: ExerciseProgress = a === undefined ? b! : b === undefined ? a : (a.attempts >= b.attempts ? a : b);
    const merged: ExerciseProgress = { attempts: Math.max(a?.attempts ?? 0, b?.attempts ?? 0), solved: (a?.solved ?? false) || (b?.solved ?? false),
      lastAnswer: { ...base.lastAnswer } };
    const solvedAt = a?.solvedAt ?? b?.solvedAt;
    if (solvedAt !== undefined) merged.solvedAt = solvedAt;
    out.exercises[id] = merged;
  }
  for (const id of new Set([...Object.keys(browser.lessons), ...Object.keys(lms.lessons)])) {
    out.lessons[id] = mergeLesson(browser.lessons[id], lms.lessons[id]);
  }
  return out;
}

// lesson-progress.ts — the reader's place in the course, kept in the browser: per lesson the last
// section reached, how far down (0–1), whether it was read to the end, and which lesson was open
// last ("continue where you left off"). One localStorage key in the lab's namespace with a
// versioned schema, so the exercises' store (state/progress.ts) can be folded into it later:
// a record of another version or shape is ignored (read as empty), never half-read.
// No DOM here: the lesson runtime and the home page pass the Storage in.

/** The one key (namespace "actlab:"). */
export const PROGRESS_KEY = 'actlab:course';
/** Schema version of what is stored under PROGRESS_KEY. */
export const PROGRESS_VERSION = 1;

export interface LessonProgress {
  /** Id of the last section heading the reader reached ("" before the first). */
  section: string;
  /** Furthest share of the lesson scrolled through, 0–1. */
  furthest: number;
  /** Read to the end (the pager at the bottom came into view). */
  read: boolean;
  /** When last opened, ms since 1970. */
  at: number;
}

export interface CourseProgress {
  v: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  /** Slug of the lesson opened last, or null. */
  last: string | null;
}

export type LessonState = 'not started' | 'started' | 'read';

const SLUG = /^[a-z0-9-]{1,60}$/;
const SECTION = /^[a-z0-9-]{0,80}$/;

export function emptyProgress(): CourseProgress {
  return { v: PROGRESS_VERSION, lessons: {}, last: null };
}

/** Parses stored text; anything malformed or of another version gives an empty record. */
export function parseProgress(text: string | null): CourseProgress {
  if (text === null) return emptyProgress();
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { return emptyProgress(); }
  if (raw === null || typeof raw !== 'object') return emptyProgress();
  const r = raw as Record<string, unknown>;
  if (r.v !== PROGRESS_VERSION || r.lessons === null || typeof r.lessons !== 'object') return emptyProgress();
  const out = emptyProgress();
  for (const [slug, p] of Object.entries(r.lessons as Record<string, unknown>).slice(0, 100)) {
    if (!SLUG.test(slug) || p === null || typeof p !== 'object') continue;
    const q = p as Record<string, unknown>;
    out.lessons[slug] = {
      section: typeof q.section === 'string' && SECTION.test(q.section) ? q.section : '',
      furthest: typeof q.furthest === 'number' && q.furthest >= 0 && q.furthest <= 1 ? q.furthest : 0,
      read: q.read === true,
      at: typeof q.at === 'number' && Number.isFinite(q.at) ? q.at : 0,
    };
  }
  out.last = typeof r.last === 'string' && Object.hasOwn(out.lessons, r.last) ? r.last : null;
  return out;
}

export function loadProgress(storage: Pick<Storage, 'getItem'> | undefined): CourseProgress {
  try { return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null); } catch { return emptyProgress(); }
}

/** Saves; returns false when the browser refuses (private mode, quota). */
export function saveProgress(storage: Pick<Storage, 'setItem'> | undefined, p: CourseProgress): boolean {
  try { storage?.setItem(PROGRESS_KEY, JSON.stringify(p)); return storage !== undefined; } catch { return false; }
}

/** The reader opened or scrolled `slug`: records the section and the furthest share (never lowers it). */
export function visit(p: CourseProgress, slug: string, section: string, share: number, now: number): CourseProgress {
  const old = p.lessons[slug] ?? { section: '', furthest: 0, read: false, at: 0 };
  const furthest = Math.max(old.furthest, Math.min(1, Math.max(0, share)));
  return { ...p, last: slug, lessons: { ...p.lessons, [slug]: { ...old, section: SECTION.test(section) ? section : old.section, furthest, at: now } } };
}

export function markRead(p: CourseProgress, slug: string, now: number): CourseProgress {
  const v = visit(p, slug, p.lessons[slug]?.section ?? '', 1, now);
  return { ...v, lessons: { ...v.lessons, [slug]: { ...v.lessons[slug]!, read: true } } };
}

export function lessonState(p: CourseProgress, slug: string): LessonState {
  const l = p.lessons[slug];
  return l === undefined ? 'not started' : l.read ? 'read' : 'started';
}

/**
 * Where "continue" goes: the last lesson opened and its section, unless it was read to the end —
 * then the first lesson (in `order`) not read yet. Null when nothing was opened, or all are read.
 */
export function continueTarget(p: CourseProgress, order: readonly string[]): { slug: string; section: string } | null {
  if (p.last !== null && order.includes(p.last) && !p.lessons[p.last]!.read) return { slug: p.last, section: p.lessons[p.last]!.section };
  if (p.last === null) return null;
  const next = order.find((s) => !p.lessons[s]?.read);
  return next === undefined ? null : { slug: next, section: p.lessons[next]?.section ?? '' };
}

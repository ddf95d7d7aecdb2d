// lesson-progress.ts — the reader's place in the course: per lesson the last section reached, how
// far down (0–1), whether it was read to the end, and when it was last opened. It lives in the one
// progress store (state/progress.ts, key `actlab.progress`, its `lessons` section: one entry per
// lesson slug, { section, furthest, read, at }), beside the exercises, so reading and exercises
// survive reloads, export/import and an LMS's suspend data together. "Continue where you left off"
// is the lesson with the latest `at`.
//
// Before the store held the lessons, they had a key of their own, `actlab:course`
// ({ v: 1, lessons: {slug: {section, furthest, read, at}}, last }); `migrateLegacy` folds such a
// record into the store (the newer `at` wins per lesson) and removes the old key. A legacy record of
// another version or shape is ignored and left as it is, never half-read.
// No DOM here: the lesson runtime and the home page pass the Storage in.
import { ProgressStore, type Progress } from './progress';

/** The old key (namespace "actlab:"), read once for the migration. */
export const LEGACY_KEY = 'actlab:course';
/** Schema version of the legacy record under LEGACY_KEY. */
export const LEGACY_VERSION = 1;

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
  lessons: Record<string, LessonProgress>;
  /** Slug of the lesson opened last (the latest `at`), or null. */
  last: string | null;
}

export type LessonState = 'not started' | 'started' | 'read';

const SLUG = /^[a-z0-9-]{1,60}$/;
const SECTION = /^[a-z0-9-]{0,80}$/;

export function emptyProgress(): CourseProgress {
  return { lessons: {}, last: null };
}

/** One lesson entry from anything: fields that are missing or malformed take their empty values. */
function readEntry(p: unknown): LessonProgress | null {
  if (p === null || typeof p !== 'object') return null;
  const q = p as Record<string, unknown>;
  return {
    section: typeof q.section === 'string' && SECTION.test(q.section) ? q.section : '',
    furthest: typeof q.furthest === 'number' && q.furthest >= 0 && q.furthest <= 1 ? q.furthest : 0,
    read: q.read === true,
    at: typeof q.at === 'number' && Number.isFinite(q.at) && q.at >= 0 ? q.at : 0,
  };
}

/** The latest-opened lesson of `lessons` (ties: the first in key order), or null. */
function latest(lessons: Record<string, LessonProgress>): string | null {
  let best: string | null = null;
  for (const [slug, l] of Object.entries(lessons)) if (best === null || l.at > lessons[best]!.at) best = slug;
  return best;
}

/** The course's reading progress from the store's document (its `lessons` section). */
export function fromStore(p: Progress): CourseProgress {
  const out = emptyProgress();
  for (const [slug, entry] of Object.entries(p.lessons)) {
    const l = SLUG.test(slug) ? readEntry(entry) : null;
    if (l !== null) out.lessons[slug] = l;
  }
  out.last = latest(out.lessons);
  return out;
}

/** Parses a legacy `actlab:course` text; null for anything malformed or of another version. */
export function parseLegacy(text: string | null): CourseProgress | null {
  if (text === null) return null;
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { return null; }
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (r.v !== LEGACY_VERSION || r.lessons === null || typeof r.lessons !== 'object') return null;
  const out = emptyProgress();
  for (const [slug, p] of Object.entries(r.lessons as Record<string, unknown>).slice(0, 100)) {
    const l = SLUG.test(slug) ? readEntry(p) : null;
    if (l !== null) out.lessons[slug] = l;
  }
  out.last = latest(out.lessons);
  return out;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Folds a legacy `actlab:course` record into the store (per lesson, the entry opened later wins;
 * the furthest share and the read flag are kept from either) and removes the old key. Returns
 * whether a record was migrated. A legacy record that cannot be read is left alone.
 */
export function migrateLegacy(storage: Store | undefined): boolean {
  if (storage === undefined) return false;
  let legacy: CourseProgress | null;
  try { legacy = parseLegacy(storage.getItem(LEGACY_KEY)); } catch { return false; }
  if (legacy === null) return false;
  const store = new ProgressStore(storage as Storage);
  const now = fromStore(store.data);
  for (const [slug, old] of Object.entries(legacy.lessons)) {
    const cur = now.lessons[slug];
    const newer = cur === undefined || old.at > cur.at ? old : cur;
    store.setLesson(slug, { ...newer, furthest: Math.max(old.furthest, cur?.furthest ?? 0), read: old.read || (cur?.read ?? false) });
  }
  try { storage.removeItem(LEGACY_KEY); } catch { /* kept: migrating it again changes nothing */ }
  return true;
}

/** The reading progress as stored (migrating a legacy record first). */
export function loadProgress(storage: Store | undefined): CourseProgress {
  try {
    migrateLegacy(storage);
    return fromStore(new ProgressStore(storage as Storage | undefined).data);
  } catch {
    return emptyProgress();
  }
}

/** Saves the entries of `slugs` (all by default) into the store, re-read first so the exercises' part is kept; false when the browser refuses. */
export function saveProgress(storage: Store | undefined, p: CourseProgress, slugs: readonly string[] = Object.keys(p.lessons)): boolean {
  if (storage === undefined) return false;
  try {
    const store = new ProgressStore(storage as Storage);
    for (const slug of slugs) {
      const l = p.lessons[slug];
      if (l !== undefined) store.setLesson(slug, { ...l });
    }
    return store.notices.length === 0;
  } catch {
    return false;
  }
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

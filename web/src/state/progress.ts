// progress.ts — the learner's progress, kept in the browser (localStorage), nothing lost.
//
// One store for the whole site, key `actlab.progress`, a versioned JSON document:
//   { "version": 2, "exercises": { "<id>": { attempts, solved, lastAnswer: {key: text}, solvedAt? } },
//     "lessons": { "<id>": { ... } } }
// `lessons` is kept as the lessons pages write it (objects of plain values); this file validates
// only its shape, so the lessons can keep their progress in the same store later.
//
// Versions: 1 was { version: 1, solved: [ids], answers: { id: text } } (the first draft: one answer
// text per exercise, no attempt count); `migrate` turns any older document into the current one.
// A stored text that is not valid JSON or not a progress document is never wiped: it is copied to
// `actlab.progress.backup` (and the page says so) before a fresh store starts.
// Export writes the document as a file; import validates a file and says what is wrong, where.
// No DOM here; `Storage` is passed in, so Vitest can use a fake one.

export const STORE_KEY = 'actlab.progress';
export const BACKUP_KEY = 'actlab.progress.backup';
export const VERSION = 2;
/** Bounds of one document (a file or the store): ids, answers and sizes (docs/limits.md). */
export const LIMITS = { bytes: 200_000, entries: 200, idLength: 40, answerLength: 1000, answers: 20 } as const;

export interface ExerciseProgress {
  attempts: number;
  solved: boolean;
  /** The last answer per box, as typed. */
  lastAnswer: Record<string, string>;
  /** When it was first solved (ISO 8601), if it was. */
  solvedAt?: string;
}
export type LessonProgress = Record<string, string | number | boolean | null>;
export interface Progress {
  version: typeof VERSION;
  exercises: Record<string, ExerciseProgress>;
  lessons: Record<string, LessonProgress>;
}

export const emptyProgress = (): Progress => ({ version: VERSION, exercises: {}, lessons: {} });

/** Reading an unreadable document: what is wrong and where (a JSON path such as `exercises.elu.attempts`). */
export class ProgressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressError';
  }
}

const ID = /^[a-z0-9][a-z0-9_-]*$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkId(id: string, where: string): void {
  if (id.length > LIMITS.idLength || !ID.test(id)) throw new ProgressError(`${where}: “${id.slice(0, LIMITS.idLength)}” is not an exercise or lesson id`);
}
function checkEntries(o: Record<string, unknown>, where: string): void {
  if (Object.keys(o).length > LIMITS.entries) throw new ProgressError(`${where}: more than ${LIMITS.entries} entries`);
}

function readExercise(v: unknown, where: string): ExerciseProgress {
  if (!isObject(v)) throw new ProgressError(`${where}: expected an object`);
  const { attempts, solved, lastAnswer, solvedAt } = v;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0 || attempts > 1e9)
    throw new ProgressError(`${where}.attempts: expected a whole number from 0`);
  if (typeof solved !== 'boolean') throw new ProgressError(`${where}.solved: expected true or false`);
  if (!isObject(lastAnswer)) throw new ProgressError(`${where}.lastAnswer: expected an object of answer texts`);
  if (Object.keys(lastAnswer).length > LIMITS.answers) throw new ProgressError(`${where}.lastAnswer: more than ${LIMITS.answers} answers`);
  const answers: Record<string, string> = {};
  for (const [k, a] of Object.entries(lastAnswer)) {
    if (k.length > LIMITS.idLength) throw new ProgressError(`${where}.lastAnswer: a key is longer than ${LIMITS.idLength} characters`);
    if (typeof a !== 'string' || a.length > LIMITS.answerLength)
      throw new ProgressError(`${where}.lastAnswer.${k}: expected a text of at most ${LIMITS.answerLength} characters`);
    answers[k] = a;
  }
  const out: ExerciseProgress = { attempts, solved, lastAnswer: answers };
  if (solvedAt !== undefined) {
    if (typeof solvedAt !== 'string' || solvedAt.length > 40 || Number.isNaN(Date.parse(solvedAt)))
      throw new ProgressError(`${where}.solvedAt: expected a date`);
    out.solvedAt = solvedAt;
  }
  return out;
}

function readLesson(v: unknown, where: string): LessonProgress {
  if (!isObject(v)) throw new ProgressError(`${where}: expected an object`);
  checkEntries(v, where);
  const out: LessonProgress = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.length > LIMITS.idLength) throw new ProgressError(`${where}: a key is longer than ${LIMITS.idLength} characters`);
    if (!(x === null || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x.length <= LIMITS.answerLength)))
      throw new ProgressError(`${where}.${k}: expected a number, text, true/false or null`);
    out[k] = x;
  }
  return out;
}

/** Version 1 → 2: each solved id or stored answer becomes an entry; attempts are unknown, so solved ones count 1. */
function fromV1(v: Record<string, unknown>): Record<string, unknown> {
  const solved = v.solved ?? [];
  const answers = v.answers ?? {};
  if (!Array.isArray(solved) || !solved.every((s) => typeof s === 'string')) throw new ProgressError('solved: expected a list of exercise ids');
  if (!isObject(answers)) throw new ProgressError('answers: expected an object of answer texts');
  const exercises: Record<string, unknown> = {};
  for (const id of new Set([...solved, ...Object.keys(answers)])) {
    const answer = answers[id];
    if (answer !== undefined && typeof answer !== 'string') throw new ProgressError(`answers.${id}: expected a text`);
    exercises[id] = { attempts: solved.includes(id) ? 1 : 0, solved: solved.includes(id), lastAnswer: answer === undefined ? {} : { answer } };
  }
  return { version: 2, exercises, lessons: {} };
}

/** Any stored or imported document (already parsed from JSON) → the current version, validated. */
export function migrate(doc: unknown): Progress {
  if (!isObject(doc)) throw new ProgressError('expected a progress document (a JSON object)');
  let v: Record<string, unknown> = doc;
  if (v.version === 1) v = fromV1(v);
  if (v.version !== VERSION) {
    throw new ProgressError(typeof v.version === 'number' && v.version > VERSION
      ? `version ${v.version} is newer than this site understands (${VERSION}); update the page`
      : 'version: expected 1 or 2');
  }
  const exercises = v.exercises ?? {};
  const lessons = v.lessons ?? {};
  if (!isObject(exercises)) throw new ProgressError('exercises: expected an object');
  if (!isObject(lessons)) throw new ProgressError('lessons: expected an object');
  checkEntries(exercises, 'exercises');
  checkEntries(lessons, 'lessons');
  const out = emptyProgress();
  for (const [id, e] of Object.entries(exercises)) {
    checkId(id, 'exercises');
    out.exercises[id] = readExercise(e, `exercises.${id}`);
  }
  for (const [id, l] of Object.entries(lessons)) {
    checkId(id, 'lessons');
    out.lessons[id] = readLesson(l, `lessons.${id}`);
  }
  return out;
}

/** Parses a document's text (a file or the stored value); throws ProgressError saying what and where. */
export function parseProgress(text: string): Progress {
  if (text.length > LIMITS.bytes) throw new ProgressError(`the file is larger than ${LIMITS.bytes / 1000} KB`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ProgressError(`not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return migrate(doc);
}

export const serialiseProgress = (p: Progress): string => JSON.stringify(p, null, 1);

/** The store: load (with migration and backup), record attempts, export/import, reset. */
export class ProgressStore {
  readonly #storage: Storage | undefined;
  #data: Progress;
  /** Sentences for the page: a migration, a backup of an unreadable store, storage that is unavailable. */
  readonly notices: string[] = [];

  constructor(storage: Storage | undefined) {
    this.#storage = storage;
    this.#data = this.#load();
  }

  get data(): Progress {
    return structuredClone(this.#data);
  }

  exercise(id: string): ExerciseProgress | undefined {
    const e = this.#data.exercises[id];
    return e === undefined ? undefined : structuredClone(e);
  }

  /** One Check: counts the attempt, keeps the answers, marks solved (once solved, it stays solved). */
  recordAttempt(id: string, answers: Record<string, string>, passed: boolean, now = new Date()): ExerciseProgress {
    checkId(id, 'exercise');
    this.#reread();
    const prev = this.#data.exercises[id] ?? { attempts: 0, solved: false, lastAnswer: {} };
    const lastAnswer: Record<string, string> = {};
    for (const [k, a] of Object.entries(answers).slice(0, LIMITS.answers)) lastAnswer[k.slice(0, LIMITS.idLength)] = a.slice(0, LIMITS.answerLength);
    const next: ExerciseProgress = { attempts: prev.attempts + 1, solved: prev.solved || passed, lastAnswer };
    const solvedAt = prev.solvedAt ?? (passed ? now.toISOString() : undefined);
    if (solvedAt !== undefined) next.solvedAt = solvedAt;
    this.#data.exercises[id] = next;
    this.#save();
    return structuredClone(next);
  }

  /** The lessons' section: replaces one lesson's entry (validated like an imported one). */
  setLesson(id: string, value: LessonProgress): void {
    checkId(id, 'lesson');
    this.#reread();
    this.#data.lessons[id] = readLesson(value, `lessons.${id}`);
    this.#save();
  }

  exportText(): string {
    return serialiseProgress(this.#data);
  }

  /** Replaces the progress with a file's (validated first: on an error nothing changes). */
  importText(text: string): Progress {
    const next = parseProgress(text);
    this.#data = next;
    this.#save();
    return this.data;
  }

  /** Forgets everything (the page asks for confirmation first). */
  reset(): void {
    this.#data = emptyProgress();
    this.#save();
  }

  #load(): Progress {
    if (this.#storage === undefined) {
      this.notices.push('This browser does not let the page store anything: progress lasts until the page closes (export it to keep it).');
      return emptyProgress();
    }
    let text: string | null;
    try {
      text = this.#storage.getItem(STORE_KEY);
    } catch {
      this.notices.push('The browser refused to read stored progress: starting afresh for this visit.');
      return emptyProgress();
    }
    if (text === null) return emptyProgress();
    try {
      const data = parseProgress(text);
      const wasVersion = (JSON.parse(text) as { version?: unknown }).version;
      if (wasVersion !== VERSION) {
        this.#data = data;
        this.#save();
        this.notices.push(`Your saved progress was updated to the current format (version ${String(wasVersion)} → ${VERSION}).`);
      }
      return data;
    } catch (err) {
      try {
        this.#storage.setItem(BACKUP_KEY, text);
        this.notices.push(`Your saved progress could not be read (${err instanceof Error ? err.message : String(err)}). ` +
          `It was kept, unchanged, under “${BACKUP_KEY}” in this browser’s storage, and a fresh record starts now.`);
      } catch {
        this.notices.push('Your saved progress could not be read, and there was no room to keep a copy: it is left as it was and nothing will be saved this visit.');
        this.#readOnly = true;
      }
      return emptyProgress();
    }
  }

  #readOnly = false;

  /** Before a change: takes up what another page of the site stored since (a lesson page and its
   *  embedded exercises write the same store), so one page's save does not undo the other's. */
  #reread(): void {
    if (this.#storage === undefined || this.#readOnly) return;
    try {
      const text = this.#storage.getItem(STORE_KEY);
      if (text !== null) this.#data = parseProgress(text);
    } catch {
      // unreadable now: keep this page's copy (the load already reported any problem)
    }
  }

  #save(): void {
    if (this.#storage === undefined || this.#readOnly) return;
    try {
      this.#storage.setItem(STORE_KEY, serialiseProgress(this.#data));
    } catch {
      if (!this.notices.includes(FULL)) this.notices.push(FULL);
    }
  }
}
const FULL = 'The browser’s storage is full or blocked: progress from now on is not saved (export it to keep it).';

/** localStorage when the browser lets the page use it. */
export function browserStorage(): Storage | undefined {
  try {
    const s = globalThis.localStorage;
    return s ?? undefined;
  } catch {
    return undefined;
  }
}

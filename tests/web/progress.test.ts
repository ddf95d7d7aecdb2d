// progress.test.ts — the progress store (web/src/state/progress.ts): attempts and answers kept,
// the v1 → v2 migration, an unreadable store backed up (never wiped), export/import validated
// with errors that say where, the lessons' section, reset.
import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY, emptyProgress, migrate, parseProgress, ProgressError, ProgressStore, STORE_KEY, VERSION,
} from '../../web/src/state/progress';

/** A Storage in memory; `full` makes every write throw, as a full quota does. */
class MemoryStorage implements Storage {
  map = new Map<string, string>();
  full = false;
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(k: string) { return this.map.get(k) ?? null; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) { if (this.full) throw new DOMException('full', 'QuotaExceededError'); this.map.set(k, String(v)); }
}

describe('progress store', () => {
  it('records attempts, the last answers and solved, and survives a reload (a new store on the same storage)', () => {
    const s = new MemoryStorage();
    const a = new ProgressStore(s);
    expect(a.notices).toEqual([]);
    a.recordAttempt('elu', { f: 'x > 0 ? x : alpha * exp(x)' }, false);
    const when = new Date('2026-01-02T03:04:05Z');
    a.recordAttempt('elu', { f: 'x > 0 ? x : alpha * expm1(x)' }, true, when);
    a.recordAttempt('elu', { f: 'oops' }, false);   // solved stays solved
    const b = new ProgressStore(s);                 // "reload"
    expect(b.exercise('elu')).toEqual({ attempts: 3, solved: true, lastAnswer: { f: 'oops' }, solvedAt: when.toISOString() });
    expect(b.exercise('tanh')).toBeUndefined();
    expect(JSON.parse(s.getItem(STORE_KEY)!).version).toBe(VERSION);
  });

  it('migrates version 1 (solved ids, one answer text each) to version 2 and says so', () => {
    const s = new MemoryStorage();
    s.setItem(STORE_KEY, JSON.stringify({ version: 1, solved: ['sigma', 'tanh'], answers: { tanh: '2*sigmoid(2*z)-1', elu: 'x' } }));
    const store = new ProgressStore(s);
    expect(store.notices).toEqual(['Your saved progress was updated to the current format (version 1 → 2).']);
    expect(store.data).toEqual({
      version: 2, lessons: {},
      exercises: {
        sigma: { attempts: 1, solved: true, lastAnswer: {} },
        tanh: { attempts: 1, solved: true, lastAnswer: { answer: '2*sigmoid(2*z)-1' } },
        elu: { attempts: 0, solved: false, lastAnswer: { answer: 'x' } },
      },
    });
    // Written back in the new format: the next load has nothing to migrate.
    expect(JSON.parse(s.getItem(STORE_KEY)!).version).toBe(2);
    expect(new ProgressStore(s).notices).toEqual([]);
  });

  it('corrupt JSON: a notice, the text kept as a backup, a fresh record — never wiped', () => {
    const s = new MemoryStorage();
    s.setItem(STORE_KEY, '{"version": 2, "exercises": {');
    const store = new ProgressStore(s);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(/could not be read \(not JSON/);
    expect(store.notices[0]).toContain(BACKUP_KEY);
    expect(s.getItem(BACKUP_KEY)).toBe('{"version": 2, "exercises": {');
    expect(store.data).toEqual(emptyProgress());
    store.recordAttempt('sigma', { s0: '0.5' }, false);
    expect(s.getItem(BACKUP_KEY)).toBe('{"version": 2, "exercises": {');   // the backup stays
  });

  it('an unreadable store with no room for a backup is left alone and nothing is saved', () => {
    const s = new MemoryStorage();
    s.setItem(STORE_KEY, '[1, 2]');
    s.full = true;
    const store = new ProgressStore(s);
    expect(store.notices[0]).toMatch(/no room to keep a copy/);
    store.recordAttempt('sigma', { s0: '0.5' }, true);
    expect(s.getItem(STORE_KEY)).toBe('[1, 2]');
  });

  it('no storage at all (blocked): works for the visit and says so', () => {
    const store = new ProgressStore(undefined);
    expect(store.notices[0]).toMatch(/does not let the page store/);
    expect(store.recordAttempt('xor', { fastest: 'relu' }, true).solved).toBe(true);
  });

  it('export and import round trip; import validates and changes nothing on an error', () => {
    const s = new MemoryStorage();
    const a = new ProgressStore(s);
    a.recordAttempt('chain', { factor: '0.008', meaning: 'vanish' }, true, new Date('2026-02-03T00:00:00Z'));
    a.setLesson('lesson-1', { read: true, quiz: 3 });
    const file = a.exportText();
    const b = new ProgressStore(new MemoryStorage());
    expect(b.importText(file)).toEqual(a.data);
    expect(() => b.importText('{"version": 2, "exercises": {"elu": {"attempts": -1, "solved": true, "lastAnswer": {}}}}'))
      .toThrow('exercises.elu.attempts: expected a whole number from 0');
    expect(b.data).toEqual(a.data);
    expect(() => b.importText('not json')).toThrow(/^not JSON/);
    expect(() => b.importText('{"version": 9}')).toThrow('version 9 is newer than this site understands (2); update the page');
    expect(() => b.importText('{"version": 2, "exercises": {"<script>": {}}}')).toThrow('exercises: “<script>” is not an exercise or lesson id');
    expect(() => b.importText('{"version": 2, "lessons": {"l1": {"x": {"deep": 1}}}}')).toThrow('lessons.l1.x: expected a number, text, true/false or null');
    expect(() => b.importText('x'.repeat(300_000))).toThrow('the file is larger than 200 KB');
  });

  it('reset forgets everything', () => {
    const s = new MemoryStorage();
    const a = new ProgressStore(s);
    a.recordAttempt('step', { why: 'two' }, true);
    a.reset();
    expect(new ProgressStore(s).data).toEqual(emptyProgress());
  });

  it('migrate and parse refuse non-documents with a message', () => {
    expect(() => migrate(null)).toThrow(ProgressError);
    expect(() => migrate({ version: 1, solved: 'sigma' })).toThrow('solved: expected a list of exercise ids');
    expect(() => parseProgress('{"version": 2, "exercises": []}')).toThrow('exercises: expected an object');
    expect(parseProgress('{"version": 2}')).toEqual(emptyProgress());
  });
});

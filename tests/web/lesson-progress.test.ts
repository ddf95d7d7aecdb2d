// lesson-progress.test.ts — the lessons' reading progress in the one progress store
// (web/src/state/lesson-progress.ts): kept in `actlab.progress`'s `lessons` section beside the
// exercises, "continue" = the latest `at`, the legacy `actlab:course` record migrated once; and the
// lesson's LMS result (web/src/pages/lesson/lms.ts).
import { describe, expect, it } from 'vitest';
import { encodeSuspend, SUSPEND_LIMIT } from '../../web/src/lms/suspend';
import { lessonResult } from '../../web/src/pages/lesson/lms';
import {
  continueTarget, LEGACY_KEY, loadProgress, markRead, migrateLegacy, saveProgress, visit,
} from '../../web/src/state/lesson-progress';
import { ProgressStore, STORE_KEY } from '../../web/src/state/progress';

class MemoryStorage implements Storage {
  map = new Map<string, string>();
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(k: string) { return this.map.get(k) ?? null; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) { this.map.set(k, String(v)); }
}

describe('reading progress in the progress store', () => {
  it('saves a lesson into actlab.progress without touching the exercises, and reads it back', () => {
    const s = new MemoryStorage();
    new ProgressStore(s).recordAttempt('elu', { f: 'x' }, true);
    const p = markRead(visit(loadProgress(s), 'why-a-bend', 'a-layer', 0.4, 1000), 'why-a-bend', 2000);
    expect(saveProgress(s, p)).toBe(true);
    const doc = JSON.parse(s.getItem(STORE_KEY)!);
    expect(doc.exercises.elu.solved).toBe(true);
    expect(doc.lessons['why-a-bend']).toEqual({ section: 'a-layer', furthest: 1, read: true, at: 2000 });
    expect(loadProgress(s).lessons['why-a-bend']!.read).toBe(true);
  });

  it('continues at the lesson opened last (the latest at)', () => {
    const s = new MemoryStorage();
    let p = visit(loadProgress(s), 'softmax', 'temperature', 0.5, 5000);
    p = visit(p, 'why-a-bend', '', 0.1, 3000);
    saveProgress(s, p);
    const back = loadProgress(s);
    expect(back.last).toBe('softmax');
    expect(continueTarget(back, ['why-a-bend', 'softmax'])).toEqual({ slug: 'softmax', section: 'temperature' });
  });

  it('an exercise saved by a page that loaded earlier keeps the lesson written since (the store re-reads before a change)', () => {
    const s = new MemoryStorage();
    const embed = new ProgressStore(s);            // the exercise iframe, loaded first
    saveProgress(s, visit(loadProgress(s), 'relu-family', 'dead', 0.3, 100));
    embed.recordAttempt('saturate', { a: '0' }, false);
    const doc = JSON.parse(s.getItem(STORE_KEY)!);
    expect(doc.lessons['relu-family'].section).toBe('dead');
    expect(doc.exercises.saturate.attempts).toBe(1);
  });
});

describe('migrating the legacy actlab:course record', () => {
  const legacy = JSON.stringify({ v: 1, last: 'softmax', lessons: {
    'why-a-bend': { section: 'xor', furthest: 0.6, read: false, at: 10 },
    softmax: { section: 'temperature', furthest: 1, read: true, at: 20 },
  } });

  it('folds it into the store, removes the old key, and keeps the exercises', () => {
    const s = new MemoryStorage();
    new ProgressStore(s).recordAttempt('xor', { a: 'relu' }, true);
    s.setItem(LEGACY_KEY, legacy);
    const p = loadProgress(s);
    expect(s.getItem(LEGACY_KEY)).toBeNull();
    expect(p.lessons['why-a-bend']).toEqual({ section: 'xor', furthest: 0.6, read: false, at: 10 });
    expect(p.lessons.softmax!.read).toBe(true);
    expect(p.last).toBe('softmax');
    const doc = JSON.parse(s.getItem(STORE_KEY)!);
    expect(doc.exercises.xor.solved).toBe(true);
    expect(doc.lessons.softmax.section).toBe('temperature');
  });

  it('per lesson the entry opened later wins, the furthest share and the read flag from either', () => {
    const s = new MemoryStorage();
    saveProgress(s, visit(loadProgress(s), 'why-a-bend', 'bend-slope', 0.3, 50));
    s.setItem(LEGACY_KEY, JSON.stringify({ v: 1, last: 'why-a-bend', lessons: { 'why-a-bend': { section: 'xor', furthest: 0.9, read: true, at: 10 } } }));
    expect(migrateLegacy(s)).toBe(true);
    expect(loadProgress(s).lessons['why-a-bend']).toEqual({ section: 'bend-slope', furthest: 0.9, read: true, at: 50 });
  });

  it('ignores a record of another version or shape and leaves it as it was', () => {
    for (const bad of ['<not json>', '{"v":99,"lessons":{"why-a-bend":{"read":true}}}', '[1,2]', '{"v":1,"lessons":null}']) {
      const s = new MemoryStorage();
      s.setItem(LEGACY_KEY, bad);
      expect(migrateLegacy(s)).toBe(false);
      expect(loadProgress(s).lessons).toEqual({});
      expect(s.getItem(LEGACY_KEY)).toBe(bad);
    }
  });

  it('a migrated record survives export and import with the exercises', () => {
    const s = new MemoryStorage();
    s.setItem(LEGACY_KEY, legacy);
    loadProgress(s);
    const text = new ProgressStore(s).exportText();
    const t = new MemoryStorage();
    new ProgressStore(t).importText(text);
    expect(loadProgress(t).lessons.softmax!.section).toBe('temperature');
  });
});

describe('a lesson result for the LMS', () => {
  const data = { version: 2 as const, exercises: {
    sigma: { attempts: 2, solved: true, lastAnswer: {} }, tanh: { attempts: 1, solved: false, lastAnswer: {} },
  }, lessons: { 'step-and-squashers': { read: true } } };
  it('is the share of the lesson’s exercises solved, × 100', () => {
    expect(lessonResult(data, 'step-and-squashers', ['sigma', 'tanh', 'step', 'saturate'])).toEqual({ score: 25, read: true, allAttempted: false });
    expect(lessonResult(data, 'step-and-squashers', ['sigma', 'tanh'])).toEqual({ score: 50, read: true, allAttempted: true });
  });
  it('is null for a lesson without exercises', () => {
    expect(lessonResult(data, 'why-a-bend', [])).toEqual({ score: null, read: false, allAttempted: true });
  });
});

describe('the whole course as suspend data', () => {
  it('ten exercises with their answers and eight lessons with their reading entries fit well within 4,096 characters', () => {
    const s = new MemoryStorage();
    const store = new ProgressStore(s);
    const answers: Record<string, Record<string, string>> = {
      prelu: { f: 'x > 0 ? x : alpha * x', df: 'x > 0 ? 1 : alpha', dalpha: 'x > 0 ? 0 : x' },
      depth: { 'layer.sigmoid': '6', 'layer.tanh': '0', 'layer.relu': '0', 'layer.gelu': '12' },
      elu: { f: 'x > 0 ? x : alpha * expm1(x)', df: 'x > 0 ? 1 : alpha * exp(x)', dead: 'none' },
      monitor: { rule: 'g < 1e-3 || g > 100' }, xor: { fastest: 'relu' }, sigma: { s0: '0.5', s1: '0.731', sm1: '1/(1+e)' },
      tanh: { z: '2*sigmoid(1.6)-1' }, chain: { factor: '0.2^3' }, step: { why: 'two' }, saturate: { p5: '0.00665', m5: '0.0066', relu: 'one' },
    };
    for (const [id, a] of Object.entries(answers)) { store.recordAttempt(id, a, false); store.recordAttempt(id, a, true); }
    const slugs = ['why-a-bend', 'step-and-squashers', 'gradients-through-depth', 'relu-family', 'smooth-gates', 'softmax', 'choosing', 'build-it-yourself'];
    let p = loadProgress(s);
    for (const slug of slugs) p = markRead(visit(p, slug, 'a-gradient-health-monitor', 0.8734567, 1_764_000_000_000), slug, 1_764_000_000_000);
    saveProgress(s, p);
    const text = encodeSuspend(new ProgressStore(s).data);
    console.log(`suspend data for the whole course: ${text.length} characters`);
    expect(text.length).toBeLessThan(SUSPEND_LIMIT / 2);
  });
});

// scorm-suspend.test.ts — progress as SCORM 1.2 suspend data (web/src/lms/suspend.ts): round trip,
// the 4,096-character limit with what goes first, unreadable data refused, and the merge of the
// LMS's copy with the browser's (solved stays solved, most attempts win, nothing lost).
import { describe, expect, it } from 'vitest';
import { decodeSuspend, encodeSuspend, mergeProgress, SUSPEND_LIMIT } from '../../web/src/lms/suspend';
import { emptyProgress, type Progress } from '../../web/src/state/progress';

const course = (): Progress => {
  const p = emptyProgress();
  const ids = ['prelu', 'depth-zero', 'elu', 'health-monitor', 'xor-race', 'sigmoid-values', 'tanh-identity', 'power', 'step-art', 'sigmoid-slope'];
  ids.forEach((id, i) => { p.exercises[id] = { attempts: i + 1, solved: i % 2 === 0, lastAnswer: { answer: `x > 0 ? x : ${i} * x` } }; });
  for (let i = 1; i <= 8; i++) p.lessons[`lesson-${i}`] = { read: i < 5, scrolled: i / 10, last: 'section-2' };
  return p;
};

describe('suspend data', () => {
  it('round-trips the course (ten exercises, eight lessons) with every answer, well within the limit', () => {
    const p = course();
    const text = encodeSuspend(p);
    expect(text.length).toBeLessThan(1000);
    const back = decodeSuspend(text);
    expect(back.lessons).toEqual(p.lessons);
    for (const [id, e] of Object.entries(p.exercises)) expect(back.exercises[id]).toEqual({ attempts: e.attempts, solved: e.solved, lastAnswer: e.lastAnswer });
    expect(decodeSuspend('')).toEqual(emptyProgress());
  });
  it('drops the longest answers first to fit 4,096 characters; solved flags and attempts always stay', () => {
    const p = course();
    p.exercises.prelu!.lastAnswer = { answer: 'x'.repeat(1000), alpha: 'y'.repeat(1000) };
    p.exercises.elu!.lastAnswer = { answer: 'z'.repeat(1000), b: 'w'.repeat(900), c: 'v'.repeat(800) };
    const text = encodeSuspend(p);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = decodeSuspend(text);
    expect(Object.keys(back.exercises)).toHaveLength(10);
    for (const [id, e] of Object.entries(p.exercises)) expect([back.exercises[id]!.attempts, back.exercises[id]!.solved]).toEqual([e.attempts, e.solved]);
    // Longest first, ties by exercise then box: elu.answer, then prelu.alpha; then it fits.
    expect(back.exercises.elu!.lastAnswer).toEqual({ b: 'w'.repeat(900), c: 'v'.repeat(800) });
    expect(back.exercises.prelu!.lastAnswer).toEqual({ answer: 'x'.repeat(1000) });
    expect(back.exercises.power!.lastAnswer).toEqual(p.exercises.power!.lastAnswer);
  });
  it('at the store’s bound (200 exercises) keeps the solved ones within the limit', () => {
    const p = emptyProgress();
    for (let i = 0; i < 200; i++) p.exercises[`exercise-number-${i}`] = { attempts: 1000 + i, solved: i < 60, lastAnswer: { a: 'x' } };
    const text = encodeSuspend(p);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = decodeSuspend(text);
    for (let i = 0; i < 60; i++) expect(back.exercises[`exercise-number-${i}`]?.solved).toBe(true);
  });
  it('refuses unreadable data with the store’s own messages', () => {
    expect(() => decodeSuspend('{"v":2,"x":{"a":[-1,0]}}')).toThrow(/exercises\.a\.attempts/);
    expect(() => decodeSuspend('not json')).toThrow();
  });
});

describe('merging the LMS copy with the browser’s', () => {
  it('keeps every exercise, solved if either says so, with the most attempts and that side’s answers', () => {
    const browser = emptyProgress();
    browser.exercises.a = { attempts: 2, solved: false, lastAnswer: { answer: 'mine' } };
    browser.exercises.b = { attempts: 1, solved: true, lastAnswer: {}, solvedAt: '2026-12-01T10:00:00.000Z' };
    browser.lessons.one = { read: false, scrolled: 0.5 };
    const lms = emptyProgress();
    lms.exercises.a = { attempts: 5, solved: true, lastAnswer: { answer: 'theirs' } };
    lms.exercises.c = { attempts: 1, solved: false, lastAnswer: {} };
    lms.lessons.one = { read: true, scrolled: 0.25 };
    lms.lessons.two = { read: true };
    const m = mergeProgress(browser, lms);
    expect(m.exercises.a).toEqual({ attempts: 5, solved: true, lastAnswer: { answer: 'theirs' } });
    expect(m.exercises.b!.solvedAt).toBe('2026-12-01T10:00:00.000Z');
    expect(Object.keys(m.exercises).sort()).toEqual(['a', 'b', 'c']);
    expect(m.lessons).toEqual({ one: { read: true, scrolled: 0.5 }, two: { read: true } });
  });
});

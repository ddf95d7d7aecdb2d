// course-coverage.test.ts — lessons/coverage.md maps each curriculum fact to a lesson and the
// demonstration next to it (a widget directive or a live number). Each demonstration must still be
// in its lesson, verbatim: delete one and this fails. Every lesson must appear in the table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from '../../web/src/state/exercises';

const root = join(__dirname, '../..');
const table = readFileSync(join(root, 'lessons/coverage.md'), 'utf8');
const MOVE_TO = new Set(['—', 'race', 'dead-neurons', 'nonlinearity', 'choose', 'exercise']);

interface Row { line: number; fact: string; lesson: string; demo: string; moveTo: string }

/** Rows "| fact | lesson | `demo` | move to |" (the demo may contain "|" inside its backticks). */
function rows(): Row[] {
  const out: Row[] = [];
  table.split('\n').forEach((text, i) => {
    const m = /^\| (.+?) \| (\S+\.md) \| `(.+)` \| (\S+) \|$/.exec(text);
    if (m) out.push({ line: i + 1, fact: m[1]!, lesson: m[2]!, demo: m[3]!, moveTo: m[4]! });
  });
  return out;
}

describe('lessons/coverage.md', () => {
  const all = rows();
  const lessons = readdirSync(join(root, 'lessons/en')).filter((f) => /^\d\d-.*\.md$/.test(f));
  it('has a row per fact, each well formed', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    const bodyLines = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| fact') && !l.startsWith('|---'));
    expect(bodyLines.length, 'a table row that does not parse').toBe(all.length);
    for (const r of all) {
      expect(MOVE_TO.has(r.moveTo), `coverage.md:${r.line}: move to "${r.moveTo}"`).toBe(true);
      expect(r.demo.startsWith('::: widget ') || r.demo.startsWith('{{ '), `coverage.md:${r.line}: a demonstration is a widget directive or a live number`).toBe(true);
    }
  });
  it('finds every demonstration in its lesson', () => {
    for (const r of all) {
      expect(lessons, `coverage.md:${r.line}`).toContain(r.lesson);
      const text = readFileSync(join(root, 'lessons/en', r.lesson), 'utf8');
      expect(text.includes(r.demo), `coverage.md:${r.line}: "${r.demo}" is no longer in ${r.lesson} (${r.fact})`).toBe(true);
    }
  });
  it('covers every lesson', () => {
    for (const l of lessons) expect(all.some((r) => r.lesson === l), `${l} has no row in coverage.md`).toBe(true);
  });
  it('embeds every one of the ten exercises in at least one lesson', () => {
    const texts = lessons.map((l) => readFileSync(join(root, 'lessons/en', l), 'utf8')).join('\n');
    expect(EXERCISE_IDS.length).toBe(10);
    for (const id of EXERCISE_IDS) expect(new RegExp(`^::: widget exercise id=${id}(&|$)`, 'm').test(texts), `exercise ${id} is in no lesson`).toBe(true);
  });
});

// course.test.ts — the lesson build's checks (web/course/): each kind of broken input fails the
// build with the right file:line, and the real lessons build cleanly with every live number
// equal to a fresh engine evaluation.
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCourse, loadEngines, type Course } from '../../web/course/build';
import { evaluateClaim, formatLive, live, type LiveEngines } from '../../web/course/live';
import { CourseError } from '../../web/course/render';
import { Trainer } from '../../web/src/engine/trainer';
import { FIGURE_WIDGETS } from '../../web/course/figures';
import { WIDGETS } from '../../web/course/widgets';

const root = join(__dirname, '../..');
let engines: LiveEngines;
beforeAll(async () => { engines = await loadEngines(); });

const GLOSSARY = '## Dead neuron\n\nA unit that never fires.\n\n## Saturation\n\nThe flat tails.\n';
const front = (order: number, extra = '') => `---\ntitle: Lesson ${order}\nsummary: A test lesson.\norder: ${order}\nprerequisites: []\nminutes: 15\n${extra}---\n`;
const lessonA = `${front(1)}\n## First section\n\nText with {{ f:sigmoid(0) }}.\n`;

/** Builds a course of lessonA plus one lesson file `02-b.md` with `body` after its front matter. */
function build(body: string, files: Record<string, string> = {}): Course {
  return buildCourse({
    dir: join(root, 'lessons/en'), root, engines, sitePages: new Set(['index.html']),
    files: new Map(Object.entries({ 'glossary.md': GLOSSARY, '01-a.md': lessonA, '02-b.md': `${front(2)}${body}`, ...files })),
  });
}

/** The problems a broken course reports, as "file:line: message" lines. */
function problems(body: string, files?: Record<string, string>): string[] {
  try {
    build(body, files);
  } catch (err) {
    if (err instanceof CourseError) return err.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw err;
  }
  return [];
}

// Front matter of lesson 2 is 7 lines ("---", 5 keys, "---"), so body line k is file line 7 + k.
const B = 'lessons/en/02-b.md';

describe('the course build rejects broken lessons with file:line', { timeout: 60_000 }, () => {
  it('accepts a valid lesson', () => {
    const c = build('\n## A section\n\n::: widget explorer act=sigmoid,relu&z=5&lock=act\nCaption.\n:::\n\nSee [the first](01-a.md#first-section).\n');
    expect(c.lessons.map((l) => l.slug)).toEqual(['a', 'b']);
    expect(c.lessons[1]!.page.widgets[0]).toMatchObject({ widget: 'explorer', query: 'act=sigmoid,relu&z=5&lock=act&hide=share', line: 11 });
  });
  it('an unknown widget', () => {
    expect(problems('\n## S\n\n::: widget racetrack act=relu\nx\n:::\n')).toEqual([expect.stringMatching(new RegExp(`^${B}:11: unknown widget "racetrack"`))]);
  });
  it('an invalid state: an unknown key, a value out of range, a bad choice, a bad lock', () => {
    const p = problems('\n## S\n\n::: widget explorer actt=relu\nx\n:::\n\n::: widget gradients layers=500\nx\n:::\n\n::: widget playground act=sigmoidd\nx\n:::\n\n::: widget softmax lock=nothing\nx\n:::\n');
    expect(p).toEqual([
      expect.stringMatching(new RegExp(`^${B}:11: explorer state: Unknown setting “actt”`)),
      expect.stringMatching(new RegExp(`^${B}:15: gradients state: Layers N: “500” is outside`)),
      expect.stringMatching(new RegExp(`^${B}:19: playground state:.*“sigmoidd” is not one of the choices`)),
      expect.stringMatching(new RegExp(`^${B}:19: playground state:.*too few valid choices`)),
      expect.stringMatching(new RegExp(`^${B}:23: softmax state: Cannot lock “nothing”`)),
    ]);
  });
  it('a malformed directive and an unknown one', () => {
    const p = problems('\n## S\n\n::: widget explorer a=1 b=2\nx\n:::\n\n::: sidebar\nx\n:::\n');
    expect(p[0]).toMatch(new RegExp(`^${B}:11: widget directive`));
    expect(p[1]).toMatch(new RegExp(`^${B}:15: unknown or malformed directive "::: sidebar"`));
  });
  it('live numbers the engine cannot compute', () => {
    const p = problems('\n## S\n\nOne {{ sigmod(5) }} and\ntwo {{ f:nosuch(1) }} and {{ probe:depth{"layers":5000}.grad[0] }}\nthree {{ exp(100) }} {{ f:relu(1) | fancy }} {{ train:data=nosuch@1.test.accuracy | pct }} {{ 0.5 | nonfinite }}\n');
    expect(p).toEqual([
      expect.stringMatching(new RegExp(`^${B}:11: live number \\{\\{ sigmod\\(5\\) \\}\\} cannot be computed: .*sigmoid`)),
      expect.stringMatching(new RegExp(`^${B}:12: .*unknown activation "nosuch"`)),
      expect.stringMatching(new RegExp(`^${B}:12: .*layers`)),
      expect.stringMatching(new RegExp(`^${B}:13: .*not a finite number`)),
      expect.stringMatching(new RegExp(`^${B}:13: .*unknown format "fancy"`)),
      expect.stringMatching(new RegExp(`^${B}:13: .*playground state: Data set: “nosuch”`)),
      expect.stringMatching(new RegExp(`^${B}:13: .*nonfinite.*finite 0.5`)),
    ]);
  });
  it('an unclosed live number', () => {
    expect(problems('\n## S\n\nValue {{ f:relu(1) here.\n')).toEqual([expect.stringMatching(new RegExp(`^${B}:11: unclosed live number`))]);
  });
  it('broken links: a missing lesson, a missing section, a widget page with a bad state, an unknown page', () => {
    const p = problems('\n## S\n\n[a](03-none.md) [b](01-a.md#no-such) [c](explorer.html?z=999) [d](nowhere.html) [e](#s) [f](#t) [g](../x.md)\n');
    expect(p).toEqual([
      expect.stringMatching(new RegExp(`^${B}:11: broken link "03-none.md"`)),
      expect.stringMatching(new RegExp(`^${B}:11: link "explorer.html\\?z=999": explorer state: z: “999” is outside`)),
      expect.stringMatching(new RegExp(`^${B}:11: broken link "nowhere.html"`)),
      expect.stringMatching(new RegExp(`^${B}:11: broken link "../x.md"`)),
      expect.stringMatching(new RegExp(`^${B}:11: broken link: a has no section "#no-such"`)),
      expect.stringMatching(new RegExp(`^${B}:11: broken link: this page has no section "#t"`)),
    ]);
  });
  it('glossary terms, maths, code and headings', () => {
    const p = problems('\n## S\n\nA [[dead-neuron]] and a [[zombie]].\n\n$\\frac{1}{$ and\n\n```rust\nfn x() {}\n```\n\n# Second title\n\n#### Too deep\n');
    expect(p).toEqual([
      expect.stringMatching(new RegExp(`^${B}:11: unknown glossary term "zombie"`)),
      expect.stringMatching(new RegExp(`^${B}:13: KaTeX cannot typeset`)),
      expect.stringMatching(new RegExp(`^${B}:15: code block language "rust"`)),
      expect.stringMatching(new RegExp(`^${B}:19: a "# " heading`)),
      expect.stringMatching(new RegExp(`^${B}:21: heading level jumps from h1 to h4`)),
    ]);
  });
  it('front matter: missing, incomplete, unknown keys, bad order, bad file names', () => {
    expect(problems('', { '02-b.md': 'no front matter\n' })[0]).toMatch(/^lessons\/en\/02-b\.md:1: the file must start with front matter/);
    const p = problems('', { '02-b.md': '---\ntitle: B\norder: 2\nminutes: 300\nauthor: me\n---\ntext\n', 'Lesson3.md': lessonA });
    expect(p).toEqual(expect.arrayContaining([
      expect.stringMatching(/^lessons\/en\/Lesson3\.md:1: a lesson file is named NN-slug\.md/),
      expect.stringMatching(/^lessons\/en\/02-b\.md:1: front matter "summary" must be a non-empty text/),
      expect.stringMatching(/^lessons\/en\/02-b\.md:4: front matter "minutes" must be a whole number 1–120/),
      expect.stringMatching(/^lessons\/en\/02-b\.md:5: unknown front matter key "author"/),
    ]));
    expect(problems('', { '02-b.md': `${front(3)}\ntext\n` })).toEqual([expect.stringMatching(/^lessons\/en\/02-b\.md:4: order 3: lessons are numbered/)]);
  });
});

describe('a lesson embeds its widgets without their share panel', { timeout: 60_000 }, () => {
  // A learner reading a lesson has no use for "Set by this link… / Copy embed code": the directive
  // hides the share panel by default (hide=share), added to whatever the preset hides already.
  it('adds share to hide in every iframe, the full-page link and the teacher\'s embed code', () => {
    const c = build('\n## S\n\n::: widget exercise id=sigma&hide=id\nx\n:::\n\n::: widget explorer act=relu\nx\n:::\n\n::: widget softmax K=3&hide=share\nx\n:::\n');
    const page = c.lessons[1]!.page;
    const hidden = (url: string) => (new URLSearchParams(url.replaceAll('&amp;', '&').split('?')[1] ?? '').get('hide') ?? '').split(',');
    const frames = [...page.html.matchAll(/<iframe[^>]* data-src="([^"]+)"/g)].map((m) => m[1]!);
    expect(frames).toHaveLength(3);
    for (const src of frames) expect(hidden(src), src).toContain('share');
    expect(hidden(frames[0]!)).toEqual(['id', 'share']);
    expect(hidden(frames[2]!)).toEqual(['share']);
    expect(page.widgets.map((w) => w.query)).toEqual(['id=sigma&hide=id,share', 'act=relu&hide=share', 'K=3&hide=share']);
    // The iframe's title says what the widget shows; the hidden share frame is not one of its settings.
    const titles = [...page.html.matchAll(/<iframe[^>]* title="([^"]+)"/g)].map((m) => m[1]!);
    expect(titles[1]).not.toMatch(/hidden by this link/);
    expect(titles[2]).toBe('Softmax lab: default settings');
  });
});

describe('every widget directive has a static figure made by the engine (print, no JavaScript)', { timeout: 120_000 }, () => {
  const KINDS: Record<string, { query: string; has: RegExp[] }> = {
    explorer: { query: 'act=sigmoid,relu&z=1', has: [/<svg class="fig-plot"[^]*<svg class="fig-plot"/, /<table class="fig-table">/] },
    art: { query: 'act=tanh&depth=3', has: [/<img class="fig-art"[^>]* src="data:image\/png;base64,iVBORw0KGgo/] },
    gradients: { query: 'act=sigmoid,relu&layers=10', has: [/<svg class="fig-plot"/, /<table class="fig-table">/] },
    playground: { query: 'data=xor&noise=0&units=4&act=tanh', has: [/<svg class="fig-plot"/, /After 200 epochs/] },
    softmax: { query: 'K=3&z1=100&z2=99&z3=0', has: [/<table class="fig-table">/, /Infinity|NaN/] },
    race: { query: 'act=relu,tanh&data=xor&units=4&epochs=5', has: [/<svg class="fig-plot"/, /After 5 epochs/] },
    'dead-neurons': { query: 'act=relu&bias=-6', has: [/<table class="fig-table">/, /Leaky ReLU/] },
    nonlinearity: { query: 'layers=3&bend=relu', has: [/<table class="fig-table">/, /<svg class="fig-plot"/] },
    choose: { query: 'layer=output&task=binary', has: [/<table class="fig-table">/, /Sigmoid/i] },
    exercise: { query: 'id=sigma&hide=id', has: [/class="fig-exercise"/, /Exercise \d+: σ\(0\)/] },
  };
  it('one figure for each kind of widget, inside its directive, with the live address as its caption', () => {
    expect(Object.keys(KINDS).sort()).toEqual(WIDGETS.map((w) => w.id).sort());
    expect([...FIGURE_WIDGETS].sort()).toEqual(WIDGETS.map((w) => w.id).sort());
    const body = Object.entries(KINDS).map(([id, k]) => `\n::: widget ${id} ${k.query}\nCaption.\n:::\n`).join('');
    const page = build(`\n## S\n${body}`).lessons[1]!.page;
    const figures = page.html.split('<figure class="lesson-widget"').slice(1);
    expect(figures).toHaveLength(WIDGETS.length);
    Object.entries(KINDS).forEach(([id, k], i) => {
      const f = figures[i]!;
      expect(f, id).toContain(`data-widget="${id}"`);
      const fig = /<div class="widget-static">([^]*?)<p class="widget-print">([^]*?)<\/p><\/div>/.exec(f);
      expect(fig, id).not.toBeNull();
      for (const re of k.has) expect(fig![1], `${id}: ${String(re)}`).toMatch(re);
      expect(fig![1], id).not.toContain('undefined');
      expect(fig![2], id).toContain(`.html?${page.widgets[i]!.query.replaceAll('&', '&amp;')}`);
      expect(page.widgets[i]!.figure, id).toBe(fig![1]);
    });
  });
  it('a figure the engine cannot make fails the build with file:line', () => {
    const apply = engines.engine.apply.bind(engines.engine);
    const spy = vi.spyOn(engines.engine, 'apply').mockImplementation((id, x, o) => {
      if (x.length > 1) throw new Error('the engine refused the curve');
      return apply(id, x, o);
    });
    try {
      expect(problems('\n## S\n\n::: widget explorer act=relu\nx\n:::\n')).toEqual([`${B}:11: widget explorer: its static figure cannot be made: the engine refused the curve`]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('claims: {{ check: A < B }} fails the build when the engine\'s numbers contradict the words', { timeout: 60_000 }, () => {
  it('a true claim passes and renders nothing', () => {
    const c = build('\n## S\n\nReLU passes more gradient than sigmoid{{ check: df:sigmoid(2) < df:relu(2) }}, and 0.25^10 is tiny{{ check: 0.25^10 < 1e-6 }}.\n');
    const page = c.lessons[1]!.page;
    expect(page.claims.map((x) => x.line)).toEqual([11, 11]);
    expect(page.html).toContain('than sigmoid, and 0.25^10 is tiny.');
    expect(page.html).not.toContain('check');
  });
  it('a false claim fails with file:line and the numbers', () => {
    const p = problems('\n## S\n\nText.\n\nSigmoid is steeper{{ check: df:sigmoid(2) > df:relu(2) }}\nand chained{{ check: f:relu(1) < f:relu(2) < f:relu(0) }}.\n');
    expect(p).toHaveLength(2);
    expect(p[0]).toMatch(new RegExp(`^${B}:13: claim \\{\\{ check: df:sigmoid\\(2\\) > df:relu\\(2\\) \\}\\} does not hold: 0\\.10\\d* > 1 is false`));
    expect(p[1]).toMatch(new RegExp(`^${B}:14: claim .* does not hold: 2 < 0 is false`));
  });
  it('a claim that cannot be computed or has no relation fails with file:line', () => {
    const p = problems('\n## S\n\nA{{ check: f:nosuch(1) < 2 }} B{{ check: f:relu(1) }} C{{ check: exp(100) > 1 }}\n');
    expect(p).toEqual([
      expect.stringMatching(new RegExp(`^${B}:11: claim .* cannot be computed: unknown activation "nosuch"`)),
      expect.stringMatching(new RegExp(`^${B}:11: claim .* cannot be computed: a claim needs a relation`)),
      expect.stringMatching(new RegExp(`^${B}:11: claim .* cannot be computed: "exp\\(100\\)" is Infinity`)),
    ]);
  });
  it('sides are live sources or quoted numbers, joined by + and −', () => {
    expect(evaluateClaim('f:relu(3) - f:relu(1) == 2', engines).holds).toBe(true);
    expect(evaluateClaim('0.79 − 0.71 > f:relu(0.05) + 0.02', engines).holds).toBe(true);
    expect(evaluateClaim('row[-3,0,3001]:x*Phi(x).minAt < 0 <= f:relu(-1)', engines).holds).toBe(true);
    expect(evaluateClaim('f:relu(1) != 1', engines).failed).toEqual(['1 != 1 is false (f:relu(1) = 1 != 1)']);
  });
});

describe('live numbers', { timeout: 60_000 }, () => {
  it('formats as the prose says', () => {
    expect(formatLive(9.5367431640625e-7, 'sci 2')).toBe('9.54 × 10⁻⁷');
    expect(formatLive(-0.16997, '2')).toBe('−0.17');
    expect(formatLive(0.652, 'pct')).toBe('65 %');
    expect(formatLive(46, 'int')).toBe('46');
    expect(formatLive(NaN, 'nonfinite')).toBe('NaN');
    expect(() => formatLive(0.5, 'int')).toThrow(/not a whole number/);
  });
  it('reads the engine: expressions, registry activations, probes, training', () => {
    expect(live('sigmoid(5) | 4', engines).text).toBe('0.9933');
    expect(live('f:gelu(-0.75) | 2', engines).text).toBe('−0.17');
    expect(live('probe:chain{"factor":0.25,"layers":10}.product[9] | sci 2', engines).text).toBe('9.54 × 10⁻⁷');
    expect(live('probe:depth{"activation":"sigmoid","layers":50}.vanishBackward | int', engines).value).toBeGreaterThan(1);
    const acc = live('train:data=xor&noise=0&units=8,8&act=relu&init=he@50.test.accuracy', engines).value;
    expect(acc).toBeGreaterThan(0.5);
    expect(acc).toBeLessThanOrEqual(1);
  }, 60_000);
  it('trains an identical run once per engine, however many live numbers and claims read it', () => {
    const advance = vi.spyOn(Trainer.prototype, 'advance');
    try {
      const q = 'train:data=xor&noise=0&units=4&act=tanh@7';
      const c = build(`\n## S\n\nLoss {{ ${q}.train.loss }}, accuracy {{ ${q}.test.accuracy | pct }}.\n\n{{ check: ${q}.train.loss > 0 }}\n`);
      expect(c.lessons[1]!.page.lives.map((v) => v.source)).toHaveLength(2);
      expect(advance).toHaveBeenCalledTimes(1);
      live(`${q}.health[0].deadShare`, engines);
      expect(advance).toHaveBeenCalledTimes(1);
    } finally {
      advance.mockRestore();
    }
  }, 60_000);
});

describe('the real lessons', () => {
  let course: Course;
  beforeAll(() => {
    course = buildCourse({ dir: join(root, 'lessons/en'), root, engines, sitePages: new Set(['index.html', 'embed-demo.html']) });
  }, 120_000);
  it('build without a problem, in order, each with widgets, live numbers, a "Try these" section and a next pointer', () => {
    expect(course.lessons.length).toBeGreaterThanOrEqual(3);
    course.lessons.forEach((l, i) => {
      expect(l.front.order).toBe(i + 1);
      expect(l.page.widgets.length, l.file).toBeGreaterThanOrEqual(3);
      expect(l.page.lives.length, l.file).toBeGreaterThanOrEqual(5);
      expect(l.page.toc.map((t) => t.id), l.file).toContain('try-these');
      expect(l.front.minutes).toBeGreaterThanOrEqual(15);
      expect(l.front.minutes).toBeLessThanOrEqual(25);
    });
  });
  it('every claim holds, and the digits-race and spiral sentences of lesson 7 are checked', () => {
    for (const l of course.lessons) for (const c of l.page.claims) expect(evaluateClaim(c.claim, engines).failed, `${l.file}:${c.line}`).toEqual([]);
    const seven = course.lessons.find((l) => l.file.endsWith('07-choosing.md'))!;
    expect(seven.page.claims.filter((c) => c.claim.includes('race:data=digits')).length).toBeGreaterThanOrEqual(3);
    expect(seven.page.claims.filter((c) => c.claim.includes('data=spiral')).length).toBeGreaterThanOrEqual(2);
    expect(course.lessons.reduce((n, l) => n + l.page.claims.length, 0)).toBeGreaterThanOrEqual(15);
  });
  it('every live number equals a fresh evaluation by the engine', async () => {
    const fresh = await loadEngines(); // a new module: nothing trained yet (runs are cached per module)
    for (const l of course.lessons) for (const v of l.page.lives) expect(live(v.source, fresh).text, `${l.file}:${v.line}`).toBe(v.text);
  }, 120_000);
  it('every widget in every lesson has its static figure', () => {
    for (const l of course.lessons) {
      expect(l.page.html.split('<div class="widget-static">').length - 1, l.file).toBe(l.page.widgets.length);
      for (const w of l.page.widgets) expect(w.figure, `${l.file}:${w.line}`).toMatch(/<svg class="fig-plot"|<table class="fig-table"|<img class="fig-art"|class="fig-exercise"/);
    }
  });
  it('every widget of the registry can be mounted by a directive (the list has the widgets on main)', () => {
    expect(WIDGETS.map((w) => w.id)).toEqual(expect.arrayContaining(['explorer', 'art', 'playground', 'gradients', 'softmax']));
  });
});

// exercises.spec.ts — the exercises page and the embed of one exercise in Chromium: every exercise
// answered right passes (engine-decided answers are computed with the Node engine first), a typical
// wrong answer shows its specific hint, the sandbox typesets and plots a typed activation and puts
// a typo's caret under its column, progress survives a reload and an export/import, reset asks
// first, the embed posts its result to the host, hostile links, axe light/dark, keyboard only, 360 px.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EXERCISES } from '../../web/src/state/exercises';
import { axeViolations, engine, watchErrors, widgetReady } from './helpers';

interface Mod { exerciseCheck(kind: string, spec: string): string; runProbe(kind: string, spec: string): string }
const mod = () => engine() as unknown as Mod;

/** The answers an engine run decides, from the Node engine (the same seeded runs as the page). */
function engineAnswers(): Record<string, Record<string, string>> {
  const depth = JSON.parse(mod().exerciseCheck('depthAnswers', JSON.stringify({ activations: ['sigmoid', 'tanh', 'relu', 'gelu'], answers: [0, 0, 0, 0],
    layers: 50, width: 5, init: 'normal', seed: 1, tolerance: 1 }))) as { rows: { activation: string; engine: number }[] };
  const race = JSON.parse(mod().exerciseCheck('race', JSON.stringify({ dataset: 'xor', noise: 0, samples: 500, hidden: [8, 8], lr: 0.1, epochs: 100,
    target: 0.1, activations: ['sigmoid', 'tanh', 'relu', 'gelu'] }))) as { fastest: number; runs: { activation: string }[] };
  const census = (id: string) => { const c = JSON.parse(mod().runProbe('census', JSON.stringify({ activation: id, biasMean: -3 }))) as { dead: number; weak: number }; return c.dead + c.weak; };
  const [relu, elu] = [census('relu'), census('elu')];
  return {
    depth: Object.fromEntries(depth.rows.map((r) => [`layers.${r.activation}`, String(r.engine)])),
    xor: { fastest: race.runs[race.fastest]!.activation },
    elu: { dead: relu > elu ? 'relu' : elu > relu ? 'elu' : 'same' },
  };
}

const RIGHT: Record<string, Record<string, string>> = {
  prelu: { f: 'x > 0 ? x : alpha * x' },
  elu: { f: 'x > 0 ? x : alpha * (exp(x) - 1)', df: 'x > 0 ? 1 : alpha * exp(x)' },
  monitor: { rule: '(g < 0.001) + (g > 100)' },
  sigma: { s0: '0.5', s1: '0.731', sm1: '1/(1+e)' },
  tanh: { rhs: '2 * sigmoid(2 * z) - 1' },
  chain: { factor: '0.008', meaning: 'vanish' },
  step: { why: 'two' },
  saturate: { p5: '0.00665', m5: '0.0066', relu: 'one' },
};

/** Types or picks each answer inside the card of exercise `id`. */
async function answer(page: Page, id: string, answers: Record<string, string>): Promise<void> {
  const card = page.locator(`[data-exercise="${id}"]`);
  for (const [key, value] of Object.entries(answers)) {
    const radio = card.locator(`input[type="radio"][data-answer="${key}"][value="${value}"]`);
    if (await radio.count() > 0) await radio.check();
    else await card.locator(`input[data-answer="${key}"]`).fill(value);
  }
}
async function check(page: Page, id: string): Promise<void> {
  const card = page.locator(`[data-exercise="${id}"]`);
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(card.locator('.exercise-summary')).not.toHaveText(/checking/, { timeout: 30_000 });
}

test('every exercise answered right passes; each is then marked solved', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto('exercises.html');
  await widgetReady(page);
  await expect(page.locator('article.exercise')).toHaveCount(10);
  const all = { ...RIGHT, ...engineAnswers() };
  all.elu = { ...RIGHT.elu, ...all.elu, f: RIGHT.elu!.f!, df: RIGHT.elu!.df! };
  for (const ex of EXERCISES) {
    await answer(page, ex.id, all[ex.id]!);
    await check(page, ex.id);
    const card = page.locator(`[data-exercise="${ex.id}"]`);
    await expect(card, `${ex.id}: ${await card.locator('.exercise-summary').textContent()}`).toHaveAttribute('data-passed', 'true');
    await expect(card.locator('.solved-badge')).toHaveText('✓ solved');
  }
  await expect(page.locator('.progress-line')).toHaveText('10 of 10 exercises solved (kept in this browser).');
  // PReLU's evidence: the trained α is shown, and it moved from its start (0.25).
  const alpha = await page.locator('[data-exercise="prelu"] .evidence td').nth(0).textContent();
  expect(Number(alpha)).not.toBe(0.25);
  expect(errors).toEqual([]);
});

test('a typical wrong answer shows its specific hint, and an expression shows where it differs', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('exercises.html');
  await widgetReady(page);
  for (const ex of EXERCISES) {
    for (const p of ex.parts) {
      if (p.kind !== 'expr' && p.kind !== 'number') continue;
      const m = p.mistakes[0]!;
      await answer(page, ex.id, { [p.key]: m.answer });
      await check(page, ex.id);
      const slot = page.locator(`[data-exercise="${ex.id}"] .part-verdict[data-part="${p.key}"]`);
      await expect(slot).toHaveAttribute('data-pass', 'false');
      await expect(slot.locator('[data-hint]'), `${ex.id}.${p.key}: ${m.answer}`).toContainText(m.hint);
      if (p.kind === 'expr') {
        await expect(slot.locator('.verdict-line')).toContainText('the largest difference is');
        await expect(slot.locator('.diff-plot canvas')).toHaveCount(1);
      }
    }
  }
  // The ELU hint the issue names, word for word.
  const elu = page.locator('[data-exercise="elu"] .part-verdict[data-part="f"] [data-hint]');
  await expect(elu).toContainText(/at x → 0⁻ your f tends to α, not 0 — ELU subtracts 1/i);
  // The health rule that only catches vanishing gradients misses the exploding run.
  await answer(page, 'monitor', { rule: 'g < 0.001' });
  await check(page, 'monitor');
  await expect(page.locator('[data-exercise="monitor"] [data-hint]')).toContainText('misses the exploding layers');
  // A typo in an answer: the caret display names the column.
  await answer(page, 'tanh', { rhs: '2 * sigmod(2 * z) - 1' });
  await check(page, 'tanh');
  await expect(page.locator('[data-exercise="tanh"] .part-verdict')).toContainText('did you mean "sigmoid"?');
});

test('the sandbox typesets, plots and describes a typed activation, and puts a caret under a typo', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('exercises.html');
  await widgetReady(page);
  const box = page.locator('#sandbox');
  await box.scrollIntoViewIfNeeded();
  await expect(box).toHaveAttribute('data-state', 'ok');
  await expect(box.locator('.sandbox-tex .katex').first()).toBeVisible({ timeout: 15_000 });
  await expect(box.locator('.plot-box canvas')).toHaveCount(1);
  await expect(box.locator('.legend')).toContainText('GELU');   // overlaid for comparison by default
  await expect(box.getByRole('link', { name: 'on the spiral' })).toHaveAttribute('href', /act=expr&fx=x\+\*\+sigmoid/);
  // The cheat-sheet row is the engine's.
  const m = engine() as unknown as { exprCheatRow(t: string, p: string, lo: number, hi: number, n: number): string };
  const row = (JSON.parse(m.exprCheatRow('x * sigmoid(1.702 * x)', '', -5, 5, 100)) as { row: { monotonic: string } }).row;
  await expect(box.locator('table')).toContainText(row.monotonic);
  const input = box.getByLabel('f(x) =');
  await input.fill('max(0,)');
  await expect(box).toHaveAttribute('data-state', 'error');
  await expect(box.locator('.error-line')).toHaveText('unexpected ")" at column 7');
  await expect(box.locator('pre.caret')).toHaveText('unexpected ")" at column 7\n  max(0,)\n        ^');
  await input.fill('x > 0 ? x : alpha * expm1(x)');
  await expect(box).toHaveAttribute('data-state', 'ok');
  await box.getByRole('button', { name: 'Train it against ReLU on the circle' }).click();
  await expect(box.locator('.sandbox-race canvas')).toHaveCount(1, { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('the sandbox text is in the link: typing updates it, a reload restores it; a bad or too long one gets a notice', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('exercises.html');
  await widgetReady(page);
  const box = page.locator('#sandbox');
  await expect(box).toHaveAttribute('data-state', 'ok');
  const input = box.getByLabel('f(x) =');
  await input.fill('x * tanh(softplus(x))');
  await expect.poll(() => new URL(page.url()).searchParams.get('fx'), { timeout: 10_000 }).toBe('x * tanh(softplus(x))');
  await page.reload();
  await widgetReady(page);
  await expect(box.getByLabel('f(x) =')).toHaveValue('x * tanh(softplus(x))');
  await expect(box).toHaveAttribute('data-state', 'ok');
  await expect(box.getByRole('link', { name: 'Open it in the explorer' })).toHaveAttribute('href', /explorer\.html\?.*fx=x\+\*\+tanh%28softplus%28x%29%29/);
  // Back to the default: the link forgets it.
  await box.getByLabel('f(x) =').fill('x * sigmoid(1.702 * x)');
  await expect.poll(() => new URL(page.url()).searchParams.has('fx'), { timeout: 10_000 }).toBe(false);
  // A typo in a link: the page stands, the notice and the sandbox both say where.
  await page.goto('exercises.html?fx=sigmod(x)');
  await widgetReady(page);
  await expect(page.locator('#notices')).toContainText('Sandbox f(x): unknown function "sigmod"');
  await expect(box).toHaveAttribute('data-state', 'error');
  await expect(box.locator('pre.caret')).toContainText('^');
  await expect(box.getByLabel('f(x) =')).toHaveValue('sigmod(x)');
  // Longer than the engine reads: the default, with a notice.
  await page.goto(`exercises.html?fx=${'x+'.repeat(600)}x`);
  await widgetReady(page);
  await expect(page.locator('#notices')).toContainText('Sandbox f(x): longer than 1000 characters; using the default.');
  await expect(box.getByLabel('f(x) =')).toHaveValue('x * sigmoid(1.702 * x)');
  await expect(box).toHaveAttribute('data-state', 'ok');
  // Four navigations in a row may cancel a page's favicon request; nothing else may fail.
  expect(errors.filter((e) => !e.endsWith('/favicon.svg'))).toEqual([]);
});

test('progress survives a reload, exports to a file and imports from one; a bad file changes nothing; reset asks first', async ({ page }) => {
  await page.goto('exercises.html');
  await widgetReady(page);
  await answer(page, 'sigma', RIGHT.sigma!);
  await check(page, 'sigma');
  await page.reload();
  await widgetReady(page);
  const card = page.locator('[data-exercise="sigma"]');
  await expect(card).toHaveAttribute('data-solved', 'true');
  await expect(card.locator('input[data-answer="s1"]')).toHaveValue('0.731');
  await expect(page.locator('.progress-line')).toHaveText('1 of 10 exercises solved (kept in this browser).');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress to a file' }).click()]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { version: number; exercises: Record<string, { solved: boolean }> };
  expect(file.version).toBe(2);
  expect(file.exercises.sigma!.solved).toBe(true);

  // Reset asks first; Cancel keeps everything.
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.progress-line')).toHaveText('1 of 10 exercises solved (kept in this browser).');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, forget all my progress' }).click();
  await expect(page.locator('.progress-line')).toHaveText('0 of 10 exercises solved (kept in this browser).');

  const chooser = page.getByLabel('Import progress from a file');
  await chooser.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 2, "exercises": {"sigma": {"attempts": "x"}}}') });
  await expect(page.locator('.progress-message')).toContainText('bad.json was not imported (nothing changed): exercises.sigma.attempts: expected a whole number from 0');
  await chooser.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.locator('.progress-message')).toContainText('Imported mine.json');
  await expect(page.locator('.progress-line')).toHaveText('1 of 10 exercises solved (kept in this browser).');
  await expect(page.locator('[data-exercise="sigma"]')).toHaveAttribute('data-solved', 'true');
  await page.reload();
  await widgetReady(page);
  await expect(page.locator('[data-exercise="sigma"]')).toHaveAttribute('data-solved', 'true');
});

test('a corrupt stored record is kept as a backup and the page says so', async ({ page }) => {
  await page.goto('exercises.html');
  await page.evaluate(() => localStorage.setItem('actlab.progress', '{broken'));
  await page.reload();
  await widgetReady(page);
  await expect(page.locator('#notices')).toContainText('could not be read');
  expect(await page.evaluate(() => localStorage.getItem('actlab.progress.backup'))).toBe('{broken');
});

test('embed/exercise.html?id=… shows one exercise and posts its result to the host page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route('**/test-host.html', (route) => route.fulfill({ contentType: 'text/html',
    body: '<!doctype html><html lang="en"><head><link rel="icon" href="favicon.svg"><title>host</title></head><body></body></html>' }));
  await page.goto('test-host.html');
  await page.evaluate(() => {
    const w = window as unknown as { posted: unknown[] };
    w.posted = [];
    addEventListener('message', (e) => w.posted.push(e.data));
    const frame = document.createElement('iframe');
    frame.src = 'embed/exercise.html?id=chain';
    frame.title = 'exercise';
    frame.style.height = '900px';
    document.body.append(frame);
  });
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('#widget')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(frame.locator('article.exercise')).toHaveCount(1);
  await frame.locator('input[data-answer="factor"]').fill('0.6');
  await frame.getByRole('button', { name: 'Check' }).click();
  const posted = () => page.evaluate(() => (window as unknown as { posted: { type?: string }[] }).posted.filter((m) => m?.type === 'actlab:exercise'));
  await expect.poll(async () => (await posted()).length, { timeout: 20_000 }).toBe(1);
  expect((await posted())[0]).toEqual({ type: 'actlab:exercise', version: 1, exercise: 'chain', passed: false, score: 0 });
  await frame.locator('input[data-answer="factor"]').fill('0.2^3');
  await frame.locator('input[value="vanish"]').check();
  await frame.getByRole('button', { name: 'Check' }).click();
  await expect.poll(async () => (await posted()).length, { timeout: 20_000 }).toBe(2);
  expect((await posted())[1]).toEqual({ type: 'actlab:exercise', version: 1, exercise: 'chain', passed: true, score: 1 });
  expect(errors).toEqual([]);
});

test('a hostile link shows a notice and the default exercise', async ({ page }) => {
  await page.goto('embed/exercise.html?id=%3Cimg%20src%3Dx%3E&bogus=1');
  await widgetReady(page);
  await expect(page.locator('#notices')).toContainText('Exercise: “<img src=x>” is not one of the choices');
  await expect(page.locator('#notices')).toContainText('Unknown setting “bogus”');
  await expect(page.locator('article.exercise')).toHaveAttribute('data-exercise', 'prelu');
});

test('keyboard only: Tab to an answer, type it, Enter checks; the verdict is announced', async ({ page }) => {
  await page.goto('embed/exercise.html?id=sigma');
  await widgetReady(page);
  const first = page.locator('input[data-answer="s0"]');
  for (let i = 0; i < 30 && !(await first.evaluate((n) => n === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.type('0.5');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0.731');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0.269');
  await page.keyboard.press('Enter');
  await expect(page.locator('article.exercise')).toHaveAttribute('data-passed', 'true', { timeout: 20_000 });
  await expect(page.locator('.part-verdict[data-part="s1"]')).toHaveAttribute('aria-live', 'polite');
  await page.getByRole('button', { name: 'Show the worked solution' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.solution')).toBeVisible();
});

for (const url of ['exercises.html', 'embed/exercise.html?id=elu']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${url} has no WCAG 2.2 AA violations, with verdicts shown (${colorScheme})`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await widgetReady(page);
      const id = url.includes('elu') ? 'elu' : 'tanh';
      await answer(page, id, id === 'elu' ? { f: 'x > 0 ? x : alpha * exp(x)' } : { rhs: '2 * sigmoid(z) - 1' });
      await check(page, id);
      await page.locator(`[data-exercise="${id}"]`).getByRole('button', { name: 'Show the worked solution' }).click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('360 px phone: nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('exercises.html');
  await widgetReady(page);
  await answer(page, 'elu', { f: 'x > 0 ? x : alpha * exp(x)' });
  await check(page, 'elu');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(360);
});

test('the playground trains a typed activation from the sandbox link; a typo is refused with its place', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('playground.html?data=xor&noise=0&units=8,8&opt=adam&speed=fast&act=expr&fx=x%20*%20sigmoid(1.702%20*%20x)');
  await widgetReady(page);
  await expect(page.getByRole('textbox', { name: 'Typed activation f(x)' })).toHaveValue('x * sigmoid(1.702 * x)');
  await page.getByRole('button', { name: 'Play' }).click();
  const acc = async () => Number(await page.locator('#widget').getAttribute('data-test-accuracy'));
  await expect.poll(acc, { timeout: 60_000 }).toBeGreaterThanOrEqual(0.9);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(errors).toEqual([]);
  await page.goto('playground.html?act=expr&fx=sigmod(x)');
  await widgetReady(page);
  // The engine's message (the own-points panel has an error line of its own, empty here).
  await expect(page.locator('#widget .error', { hasText: 'did you mean "sigmoid"?' })).toBeVisible();
});

// race.spec.ts — the activation race (site page and embed) in Chromium: the course's race of
// sigmoid, ReLU and GELU on the circle gives the Node engine's numbers and winner, every contestant
// starts from identical weights, the keyboard, URL round trip, hostile links, digits without maps,
// axe light and dark, and a 360 px phone.
import { expect, test, type Page } from '@playwright/test';
import type { RaceReport } from '../../web/src/engine/race-types';
import type { ActivationMeta } from '../../web/src/engine/types';
import { raceSpec, raceTable, type RaceState } from '../../web/src/state/race';
import { parseState } from '../../web/src/state/schema';
import { axeViolations, engine, fitsPhone, watchErrors, widgetReady } from './helpers';

interface RaceModule { Race: new () => { configure(s: string): string; step(n: number): number; reportJson(from: number): string; delete(): void } }
const metas = (): ActivationMeta[] => JSON.parse((engine() as unknown as { activationsJson(): string }).activationsJson()) as ActivationMeta[];
const ids = () => metas().map((m) => m.id).filter((id) => id !== 'softmax');

/** The Node engine's report for the race a query describes, after `epochs` rounds. */
function nodeRace(query: string, rounds: number): RaceReport {
  const state = parseState(raceTable(ids()), query).state as RaceState;
  const m = engine() as unknown as RaceModule;
  const r = new m.Race();
  try {
    const err = r.configure(JSON.stringify(raceSpec(state)));
    if (err) throw new Error(err);
    r.step(rounds);
    return JSON.parse(r.reportJson(0)) as RaceReport;
  } finally { r.delete(); }
}
interface PageReport { ranking: number[]; sameInitialWeights: boolean; contestants: Omit<RaceReport['contestants'][number], 'history'>[] }
const pageReport = async (page: Page): Promise<PageReport> =>
  JSON.parse((await page.locator('#widget').getAttribute('data-report'))!) as PageReport;

async function raceToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Race' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
}

for (const url of ['race.html', 'embed/race.html']) {
  test(`${url} loads with charts, one decision map per contestant and no console errors`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(url);
    await widgetReady(page);
    await expect(page.locator('.race-map canvas[role="img"]')).toHaveCount(3);
    await expect(page.locator('.race-chart canvas[role="img"]')).toHaveCount(2);
    await expect(page.locator('.race-verdict')).toContainText('3 contestants from the same initial weights');
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${url} has no WCAG 2.2 AA violations (${colorScheme}), before and after a race`, async ({ page }) => {
      test.setTimeout(120_000); // two axe passes and a race: more than the default 30 s on a loaded machine
      await page.emulateMedia({ colorScheme });
      await page.goto(`${url}?epochs=5&seeds=2`);
      await widgetReady(page);
      expect(await axeViolations(page)).toEqual([]);
      await raceToEnd(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('the course race: sigmoid, ReLU and GELU on the circle give the Node engine’s numbers, winner and verdict', async ({ page }) => {
  const errors = watchErrors(page);
  const q = 'epochs=40';
  await page.goto(`race.html?${q}`);
  await widgetReady(page);
  await raceToEnd(page);
  const want = nodeRace(q, 40);
  const got = await pageReport(page);
  expect(got.ranking).toEqual(want.ranking);
  expect(got.sameInitialWeights).toBe(true);
  got.contestants.forEach((c, i) => {
    const w = want.contestants[i]!;
    expect(c).toMatchObject({ activation: w.activation, initialHash: w.initialHash, testAccuracy: w.testAccuracy, trainLoss: w.trainLoss,
      testLoss: w.testLoss, improvement: w.improvement, epochsToTarget: w.epochsToTarget });
  });
  // The verdict names the engine's winner first; the standings list the engine's order.
  const names: Record<string, string> = Object.fromEntries(metas().map((m) => [m.id, m.name]));
  const winner = want.contestants[want.ranking[0]!]!;
  await expect(page.locator('.race-verdict')).toContainText(`After 40 epochs: ${names[winner.activation]}`);
  if (winner.epochsToTarget !== null) await expect(page.locator('.race-verdict')).toContainText(`reached 95 % first, at epoch ${winner.epochsToTarget}`);
  await expect(page.locator('table.data tbody th')).toHaveText(want.ranking.map((i) => names[want.contestants[i]!.activation]!));
  expect(errors).toEqual([]);
});

test('contestants start from identical initial weights (the engine’s fingerprint of W and b, equal to Node’s)', async ({ page }) => {
  await page.goto('race.html?act=sigmoid,relu,leaky_relu,gelu,tanh&par=d,d,0.2&units=8,8&init=he');
  await widgetReady(page);
  const got = await pageReport(page);
  const want = nodeRace('act=sigmoid,relu,leaky_relu,gelu,tanh&par=d,d,0.2&units=8,8&init=he', 0);
  expect(new Set(got.contestants.map((c) => c.initialHash)).size).toBe(1);
  expect(got.contestants[0]!.initialHash).toBe(want.contestants[0]!.initialHash);
  await expect(page.locator('.race-view')).toContainText(`All 5 contestants started from the same initial weights (fingerprint ${want.contestants[0]!.initialHash.slice(0, 8)}`);
  await expect(page.locator('table.data tbody td:last-child')).toHaveText(Array(5).fill(want.contestants[0]!.initialHash.slice(0, 8)));
});

test('keyboard only: add a contestant, set its parameter, step an epoch; the URL follows', async ({ page }) => {
  await page.goto('race.html?act=relu,gelu');
  await widgetReady(page);
  const add = page.getByRole('button', { name: 'Add a contestant' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/act=relu,gelu,tanh/);
  // Focus moved to the new contestant's select: choose Leaky ReLU by keyboard.
  await expect(page.getByRole('combobox', { name: 'Contestant 3' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Contestant 3' }).selectOption('leaky_relu');
  await expect(page).toHaveURL(/act=relu,gelu,leaky_relu/);
  const alpha = page.getByRole('spinbutton', { name: /^alpha/ });
  await alpha.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0.3');
  await page.keyboard.press('Tab');
  await expect(page).toHaveURL(/par=d,d,0.3/);
  await page.getByRole('button', { name: 'Step one epoch' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
  const want = nodeRace('act=relu,gelu,leaky_relu&par=d,d,0.3', 1);
  const got = await pageReport(page);
  expect(got.contestants.map((c) => c.trainLoss)).toEqual(want.contestants.map((c) => c.trainLoss));
});

test('URL round trip: a link restores every setting, and a reload keeps it', async ({ page }) => {
  const q = 'act=tanh,relu&data=xor&units=8,8&opt=sgd&lr=0.1&epochs=30&target=0.9&seeds=3&seed=7&loss=train';
  await page.goto(`race.html?${q}`);
  await widgetReady(page);
  await expect(page.getByRole('combobox', { name: 'Data set' })).toHaveValue('xor');
  await expect(page.getByRole('textbox', { name: 'Hidden layers (units each)' })).toHaveValue('8, 8');
  await expect(page.getByRole('spinbutton', { name: 'Seeds (runs per contestant)' })).toHaveValue('3');
  await expect(page.getByRole('combobox', { name: 'Loss chart shows' })).toHaveValue('train');
  await page.reload();
  await widgetReady(page);
  expect(new URL(page.url()).search.slice(1)).toBe(q);
  await expect(page.locator('.race-status')).toHaveText('Epoch 0 of 30 · 3 seeds');
});

test('a hostile link gets notices and safe values, never a blank page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('race.html?act=evil,relu&units=0,%3Cb%3E&epochs=1e9&data=%3Cimg%20src=x%20onerror=alert(1)%3E&par=9,9');
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeVisible();
  await expect(page.locator('#notices')).toContainText('Contestants');
  await expect(page.locator('#notices img')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Data set' })).toHaveValue('circle');
  await expect(page.locator('.race-map')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('digits: accuracy only, no decision maps; the engine’s numbers', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('race.html?data=digits&units=16&act=sigmoid,relu&epochs=3&batch=32&lr=0.003');
  await widgetReady(page);
  await expect(page.locator('.race-map')).toHaveCount(0);
  await expect(page.locator('.race-view')).toContainText('there is no plane to colour');
  await raceToEnd(page);
  const got = await pageReport(page);
  expect(got.contestants[1]!.testAccuracy).toBeGreaterThan(0.5);
  expect(errors).toEqual([]);
});

test('the noise control shows only for the 2-D sets: hidden for the digits, back when a 2-D set is chosen', async ({ page }) => {
  await page.goto('race.html?data=digits&units=16&act=sigmoid,relu&epochs=3');
  await widgetReady(page);
  const noise = page.locator('#widget [data-state-key="noise"]').first();
  await expect(noise).toBeHidden();
  const data = page.locator('#widget [data-state-key="data"] select');
  await data.selectOption('circle');
  await expect(noise).toBeVisible();
  await data.selectOption('digits');
  await expect(noise).toBeHidden();
});

fitsPhone('race.html?act=sigmoid,relu,gelu,tanh,elu,swish,leaky_relu,softplus');

test('a preset loads its link; over 5 seeds the standings show the engine’s spread', async ({ page }) => {
  await page.goto('race.html');
  await widgetReady(page);
  await page.getByRole('combobox', { name: 'Preset (replaces every setting)' }).selectOption('course-seeds');
  await expect(page).toHaveURL(/seeds=5/);
  await widgetReady(page);
  await page.getByRole('button', { name: 'Step one epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
  const want = nodeRace('seeds=5', 1);
  const got = await pageReport(page);
  got.contestants.forEach((c, i) => expect(c.spread).toEqual(want.contestants[i]!.spread));
  await expect(page.locator('table.data thead')).toContainText('Test accuracy over 5 seeds: min – mean – max');
  await expect(page.locator('.race-verdict')).toContainText('over 5 seeds');
});

test('a parameter outside its activation’s range: the engine’s message, and the race runs with the defaults', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('race.html?act=relu,leaky_relu&par=d,5');
  await widgetReady(page);
  await expect(page.locator('.race-view .error')).toContainText("The engine refused this link's parameters");
  await expect(page.locator('.race-view .error')).toContainText('race.contestants[1]');
  await expect(page.locator('.race-map')).toHaveCount(2);
  await expect(page).not.toHaveURL(/par=/);
  expect(errors).toEqual([]);
});

test('every parameter of each contestant: in the link, checked, named in the standings, and the engine races with them', async ({ page }) => {
  const errors = watchErrors(page);
  // ELU α = 7.5 was out of reach before (parameters stopped at 5); "2_4" gives Swish a second value it does not have.
  await page.goto('race.html?act=relu,swish,elu&par=0.3,2_4,7.5');
  await widgetReady(page);
  await expect(page.locator('#notices')).toContainText('Contestant 1 (ReLU) takes no parameter: 0.3 as parameter 1 is ignored.');
  await expect(page.locator('#notices')).toContainText('Contestant 2 (Swish / SiLU) takes 1 parameter (beta): 4 as parameter 2 is ignored.');
  await expect(page).toHaveURL(/par=d,2,7\.5(&|$)/);
  await expect(page.getByRole('spinbutton', { name: /^beta/ })).toHaveValue('2');
  await expect(page.getByRole('spinbutton', { name: /^alpha/ })).toHaveValue('7.5');
  await page.getByRole('button', { name: 'Step one epoch' }).click();
  await expect(page.locator('#widget')).toHaveAttribute('data-epoch', '1');
  const table = page.locator('.race-view table').first();
  await expect(table).toContainText('Swish / SiLU (β = 2)');
  await expect(table).toContainText('ELU (α = 7.5)');
  const want = nodeRace('act=relu,swish,elu&par=d,2,7.5', 1);
  const got = await pageReport(page);
  expect(got.contestants.map((c) => c.trainLoss)).toEqual(want.contestants.map((c) => c.trainLoss));
  expect(errors).toEqual([]);
});

// access.spec.ts — hide and lock, walked over EVERY hideable key of every widget's state table, on the
// site page and the embed (issue 7, bug 4): a hidden control hides whole (label, input, button, help
// text) and nothing else goes; a locked control stays visible with every input disabled. The keys come
// from the tables themselves (web/src/state) and the engine's registry, so a new field is walked too.
import { expect, test, type Page } from '@playwright/test';
import { artTable } from '../../web/src/state/art';
import { baseOf, explorerTable, paramKey, SOFTMAX_ID } from '../../web/src/state/explorer';
import { gradientsTable } from '../../web/src/state/gradients';
import { softmaxTable } from '../../web/src/state/softmax';
import { deadTable } from '../../web/src/state/dead-neurons';
import { playgroundTable } from '../../web/src/state/playground';
import { exercisesTable } from '../../web/src/state/exercises';
import { nonlinearityTable } from '../../web/src/state/nonlinearity';
import { chooseTable } from '../../web/src/state/choose';
import { raceTable } from '../../web/src/state/race';
import { FRAME_CONTROLS, type Table } from '../../web/src/state/schema';
import type { ActivationMeta } from '../../web/src/engine/types';
import { engine, widgetReady } from './helpers';

const metas = (): ActivationMeta[] => JSON.parse((engine() as unknown as { activationsJson(): string }).activationsJson()) as ActivationMeta[];

/**
 * Parts that belong to a key but carry other words than its label (the whole of a control, as a
 * learner sees it): a key's hidden page must show none of them. Bug 4 was "Export PNG" here.
 */
const EXTRA: Record<string, Record<string, string[]>> = {
  art: { seed: ['Randomise'], act: ['A different activation per layer'], z: ['Play'], export: ['Export PNG'] },
  explorer: {},
  gradients: {},
  softmax: {},
  'dead-neurons': {},
  playground: { dseed: ['Regenerate'], seed: ['New weights'], units: ['Add a layer', 'Remove'], act: ['A different activation per layer'] },
  exercises: {},
  nonlinearity: { curve: ['Reset the curve'] },
  choose: {},
  race: { act: ['Add a contestant', 'Remove'] },
};
/** On embeds the frame's share control is the embed's own "Copy embed code" button. */
const EMBED_EXTRA: Record<string, string[]> = { share: ['Copy embed code'] };

/** Everything a learner can see of the widget: labels, legends, help text, and each control's name. */
async function visibleParts(page: Page, within?: string): Promise<string[]> {
  return page.evaluate((key) => {
    const roots = key === null ? [document.body] : [...document.querySelectorAll(`[data-state-key="${key}"], [data-state-view="${key}"]`)];
    const out: string[] = [];
    for (const root of roots) {
      const nodes = [root, ...root.querySelectorAll('label, legend, summary, .hint, button, input, select, textarea')];
      for (const n of nodes as HTMLElement[]) {
        if (!n.checkVisibility({ checkVisibilityCSS: true }) || n.classList.contains('lock-note')) continue;
        const tag = n.tagName.toLowerCase();
        if (tag === 'input' || tag === 'select' || tag === 'textarea') {
          const c = n as HTMLInputElement;
          const name = c.getAttribute('aria-label') ?? c.labels?.[0]?.textContent ?? '';
          out.push(`${tag}[${c.type}]:${name.trim()}`);
        } else if (['label', 'legend', 'summary', 'button'].includes(tag) || n.classList.contains('hint')) {
          const text = (n.childNodes.length > 0 ? [...n.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join('') : '').trim();
          if (text !== '') out.push(`${tag}:${text}`);
        }
      }
    }
    return out;
  }, within ?? null);
}

type Widget = 'explorer' | 'art' | 'gradients' | 'softmax' | 'playground' | 'exercises' | 'nonlinearity' | 'choose' | 'dead-neurons' | 'race';
/** The page of a widget: its name, except the exercises (site `exercises.html`, embed `embed/exercise.html`). */
const pageOf = (widget: Widget, embed: boolean): string => (widget === 'exercises' ? (embed ? 'embed/exercise.html' : 'exercises.html') : `${embed ? 'embed/' : ''}${widget}.html`);
/** The widget's state table for the registry. */
function tableOf(widget: Widget, all: ReturnType<typeof metas>): Table {
  if (widget === 'explorer') return explorerTable(all);
  if (widget === 'gradients') return gradientsTable(all.map((m) => m.id));
  if (widget === 'softmax') return softmaxTable();
  if (widget === 'exercises') return exercisesTable;
  if (widget === 'dead-neurons') return deadTable();
  if (widget === 'playground') return playgroundTable(all.map((m) => m.id).filter((id) => id !== SOFTMAX_ID));
  if (widget === 'nonlinearity') return nonlinearityTable(all.map((m) => m.id).filter((id) => id !== SOFTMAX_ID));
  if (widget === 'choose') return chooseTable();
  if (widget === 'race') return raceTable(all.map((m) => m.id).filter((id) => id !== SOFTMAX_ID));
  return artTable(all.map((m) => m.id));
}

interface Case { widget: Widget; key: string; label: string; state: string }

function cases(widget: Widget, table: Table): Case[] {
  const out: Case[] = [];
  for (const [key, f] of Object.entries(table)) {
    if (!f.hideable) continue;
    let state = '';
    if (widget === 'explorer') {
      // A parameter row shows only when its activation is chosen; T only with softmax.
      const dot = key.indexOf('.');
      // A second copy's row (leaky_relu-2.alpha) shows only beside its base activation.
      if (dot > 0) state = `act=${[...new Set([baseOf(key.slice(0, dot)), key.slice(0, dot)])].join(',')}`;
      if (key === 'T') state = `act=sigmoid,${SOFTMAX_ID}`;
    }
    if (widget === 'art' && key === 'act') state = 'act=relu,tanh,relu&depth=3';
    // Logits beyond K show only when K reaches them.
    if (widget === 'softmax' && /^z\d+$/.test(key) && Number(key.slice(1)) > 3) state = `K=${key.slice(1)}`;
    if (widget === 'playground' && key === 'act') state = 'act=relu,tanh';
    // The drawing pad shows only for the drawn target.
    if (widget === 'nonlinearity' && key === 'curve') state = 'target=drawn';
    // A contestant's parameter box shows only for an activation that has one.
    if (widget === 'race' && key === 'par') state = 'act=relu,leaky_relu';
    // Own points' controls show with own data; a schedule's settings with that schedule.
    if (widget === 'playground' && (key === 'pts' || key === 'pclass')) state = 'data=own';
    if (widget === 'playground' && (key === 'every' || key === 'decay')) state = 'sched=step';
    if (widget === 'playground' && key === 'period') state = 'sched=cosine';
    out.push({ widget, key, label: f.label, state });
  }
  for (const [key, label] of Object.entries(FRAME_CONTROLS)) out.push({ widget, key, label, state: '' });
  return out;
}

for (const embed of [false, true]) {
  for (const widget of ['explorer', 'art', 'gradients', 'softmax', 'playground', 'exercises', 'nonlinearity', 'choose', 'dead-neurons', 'race'] as const) {
    test(`${pageOf(widget, embed)}: hide=K hides every part of K and nothing else, for every hideable key K`, async ({ page }) => {
      test.setTimeout(240_000);
      const all = metas();
      const table: Table = tableOf(widget, all);
      const url = pageOf(widget, embed);
      for (const c of cases(widget, table)) {
        await page.goto(`${url}?${c.state}`);
        await widgetReady(page);
        const shown = await visibleParts(page);
        const own = await visibleParts(page, c.key);
        expect(own.length, `${url}: ${c.key} has a visible control tagged data-state-key="${c.key}"`).toBeGreaterThan(0);
        for (const extra of [...(EXTRA[widget]?.[c.key] ?? []), ...(embed ? EMBED_EXTRA[c.key] ?? [] : [])]) expect(own.join('\n'), `${c.key} includes “${extra}”`).toContain(extra);
        await page.goto(`${url}?${c.state}${c.state ? '&' : ''}hide=${c.key}`);
        await widgetReady(page);
        const after = await visibleParts(page);
        const left = own.filter((p) => after.includes(p));
        expect(left, `${url}?hide=${c.key}: still visible`).toEqual([]);
        // Nothing else disappeared (the students' line "Set by this link" may appear).
        const gone = shown.filter((p) => !own.includes(p) && !after.includes(p));
        expect(gone, `${url}?hide=${c.key}: other parts that vanished`).toEqual([]);
      }
    });
  }
}

for (const widget of ['explorer', 'art', 'gradients', 'softmax', 'playground', 'exercises', 'nonlinearity', 'choose', 'dead-neurons', 'race'] as const) {
  test(`${pageOf(widget, false)}: lock=K keeps every part of K visible and every input of it disabled, for every lockable key K`, async ({ page }) => {
    test.setTimeout(240_000);
    const all = metas();
    const table: Table = tableOf(widget, all);
    for (const c of cases(widget, table).filter((k) => Object.hasOwn(table, k.key))) {
      await page.goto(`${pageOf(widget, false)}?${c.state}${c.state ? '&' : ''}lock=${c.key}`);
      await widgetReady(page);
      const tagged = page.locator(`#widget [data-state-key="${c.key}"]`);
      for (const node of await tagged.all()) await expect(node, `${c.key} is shown`).toBeVisible();
      await expect(tagged.locator('.lock-note'), `${c.key} says it is locked`).toHaveText(['Locked by this link.']);
      const states = await tagged.evaluateAll((nodes) => nodes.flatMap((n) =>
        [...(n.matches('input, select, textarea, button') ? [n] : []), ...n.querySelectorAll('input, select, textarea, button')]
          .filter((x) => x.closest('[data-lock="skip"]') === null).map((x) => (x as HTMLInputElement).disabled)));
      expect(states.length, `${c.key} has inputs`).toBeGreaterThan(0);
      expect(states.every(Boolean), `${c.key}: every input disabled`).toBe(true);
      await expect(page.locator('.link-summary'), 'students read what is locked').toContainText('locked');
    }
  });
}

test('paramKey rows exist for every registry parameter (the walk covers them)', () => {
  const table = explorerTable(metas());
  const withParams = metas().filter((m) => m.params.length > 0);
  expect(withParams.length).toBeGreaterThan(0);
  for (const m of withParams) for (const p of m.params) expect(table[paramKey(m.id, p.name)]?.hideable).toBe(true);
});

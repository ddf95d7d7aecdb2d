// helpers.ts — shared pieces of the browser tests: console-error capture, the axe check at WCAG 2.2 AA
// (and the light/dark axe tests every widget page has), the Node build of the engine (to compare page
// readouts with engine values and probes), and FNV-1a 64.
import { createRequire } from 'node:module';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The site's origin and the deep sub-path copy (ports from ACTLAB_E2E_PORT, as playwright.config.ts). */
export const sitePort = Number(process.env.ACTLAB_E2E_PORT ?? 4173);
export const siteOrigin = `http://localhost:${sitePort}`;
export const subPathRoot = `http://localhost:${sitePort + 1}/course/unit-3/activation-lab/`;

/** Collects console errors, page errors, failed requests and HTTP errors of `page`. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  // A request the test's own next page.goto() cut off (net::ERR_ABORTED: e.g. a KaTeX font still
  // loading when choose.spec walks to the next link) is not the page's failure; a missing file
  // still shows as HTTP 404 below, and every other network error is kept.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  return errors;
}

/**
 * Watches the scripts `page` fetches for KaTeX's JS (its `renderToString` export). The pages' formulas
 * are typeset at build time (web/tex-prerender.ts), so none should: the returned function resolves
 * with the URLs of any that were.
 */
export function watchKatexScripts(page: Page): () => Promise<string[]> {
  const checks: Promise<string | undefined>[] = [];
  page.on('response', (r) => {
    if (!/\.m?js(\?|$)/.test(r.url())) return;
    checks.push(r.text().then((body) => (body.includes('renderToString') ? r.url() : undefined), () => undefined));
  });
  return async () => (await Promise.all(checks)).filter((url): url is string => url !== undefined);
}

/** Axe violations at the WCAG 2.2 AA tags, as readable lines (expect them to equal []). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** Waits until the widget in #widget has drawn from engine values. */
export async function widgetReady(page: Page): Promise<void> {
  await expect(page.locator('#widget')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
}

/** Opens `url` and waits for its widget to be ready. */
export async function openWidget(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await widgetReady(page);
}

/**
 * Opens `url`, waits for its widget, runs `checks`, then expects no console, page or network errors
 * from the whole visit.
 */
export async function loadsCleanly(page: Page, url: string, checks: () => Promise<void>): Promise<void> {
  const errors = watchErrors(page);
  await openWidget(page, url);
  await checks();
  expect(errors).toEqual([]);
}

/**
 * Registers the two tests `${url} has no WCAG 2.2 AA violations (light|dark)`: the page in that colour
 * scheme, its widget ready (and `settled`, if given, awaited), no axe violations. `timeout` sets the
 * tests' time limit in ms (for pages whose axe walk is long).
 */
export function axeInBothThemes(url: string, options: { timeout?: number; settled?: (page: Page) => Promise<unknown> } = {}): void {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${url} has no WCAG 2.2 AA violations (${colorScheme})`, async ({ page }) => {
      if (options.timeout !== undefined) test.setTimeout(options.timeout);
      await page.emulateMedia({ colorScheme });
      await openWidget(page, url);
      if (options.settled) await options.settled(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

/** How many CSS px the page is wider than its viewport (0 or less: no sideways scrolling). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Registers the test that `url`, its widget ready, fits a 360 px phone screen without sideways scrolling. */
export function fitsPhone(url: string): void {
  test('fits a 360 px phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openWidget(page, url);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
}

interface NodeModule {
  F32Buffer: new (n: number) => { view(): Float32Array; delete(): void };
  apply(id: string, i: unknown, o: unknown, d: boolean, p0: number, p1: number, simd: boolean): string;
  ArtRenderer: new () => { configure(json: string): string; hash(w: number, h: number, z: number): string; delete(): void };
}
let nodeModule: NodeModule | undefined;

/** The Node build of the engine (build/wasm/actlab_node.js). */
export function engine(): NodeModule {
  if (nodeModule === undefined) {
    const require = createRequire(__filename);
    nodeModule = require(path.resolve(__dirname, '../../build/wasm/actlab_node.js'))() as NodeModule;
  }
  return nodeModule;
}

/** The Node engine's probe `kind` run on `spec` (the JSON the page sends), parsed. */
export function engineProbe<T>(kind: string, spec: unknown): T {
  const m = engine() as unknown as { runProbe(kind: string, json: string): string };
  return JSON.parse(m.runProbe(kind, JSON.stringify(spec))) as T;
}

/** f(z) or f′(z) of `id` with default parameters, from the engine. */
export function engineValue(id: string, z: number, derivative: boolean): number {
  const m = engine();
  const buf = new m.F32Buffer(1);
  try {
    buf.view()[0] = z;
    const err = m.apply(id, buf, buf, derivative, NaN, NaN, true);
    if (err) throw new Error(err);
    return buf.view()[0]!;
  } finally { buf.delete(); }
}

/** FNV-1a 64 of bytes, as 16 hex digits (the engine's pixel-hash definition, for checking a canvas). */
export function fnv1a64(bytes: ArrayLike<number>): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < bytes.length; i++) h = ((h ^ BigInt(bytes[i]!)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

// embed.spec.ts — the embed protocol (docs/embedding.md): each embed page posts its height to the
// parent, and embed.js on a plain host page (public/embed-demo.html) sizes each iframe to fit it,
// also when the widget's content grows. Embed pages carry no site chrome.
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

interface Posted { type: string; version: number; widget: string; height: number }

for (const widget of ['explorer', 'art', 'gradients', 'softmax', 'playground', 'exercise', 'nonlinearity', 'choose', 'dead-neurons', 'race']) {
  test(`embed/${widget}.html posts its height to the parent page`, async ({ page }) => {
    const errors = watchErrors(page);
    // A bare host page that records every message, then gets the widget's iframe.
    await page.route('**/test-host.html', (route) => route.fulfill({ contentType: 'text/html',
      body: '<!doctype html><html lang="en"><head><link rel="icon" href="favicon.svg"><title>host</title></head><body></body></html>' }));
    await page.goto('test-host.html');
    await page.evaluate((src) => {
      const w = window as unknown as { posted: unknown[] };
      w.posted = [];
      addEventListener('message', (e) => w.posted.push(e.data));
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'test';
      document.body.append(frame);
    }, `embed/${widget}.html`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { posted: Posted[] }).posted
      .filter((m) => m?.type === 'actlab:resize').at(-1)?.height ?? 0), { timeout: 20_000 }).toBeGreaterThan(300);
    const last = await page.evaluate(() => (window as unknown as { posted: Posted[] }).posted.filter((m) => m?.type === 'actlab:resize').at(-1)!);
    expect(last).toMatchObject({ type: 'actlab:resize', version: 1, widget });
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('.site-bar')).toHaveCount(0);
    await expect(frame.locator('#widget')).toHaveAttribute('data-ready', 'true');
    expect(errors).toEqual([]);
  });
}

test('embed.js sizes each iframe of a plain host page to its widget, and follows changes', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto('embed-demo.html');
  const frames = page.locator('iframe');
  await expect(frames).toHaveCount(3);
  for (const i of [0, 1, 2]) {
    const frame = frames.nth(i);
    await frame.scrollIntoViewIfNeeded(); // loading="lazy"
    await expect(frame.contentFrame().locator('#widget')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    // The iframe's height equals its document's height (no inner scrollbar, no gap).
    await expect.poll(async () => {
      const outer = await frame.evaluate((f) => f.getBoundingClientRect().height);
      const inner = await frame.contentFrame().locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
      return Math.abs(outer - inner);
    }).toBeLessThanOrEqual(1);
  }
  // Growing content (unfolding the activation list, then adding one) grows the iframe.
  const explorer = frames.nth(0);
  const before = await explorer.evaluate((f) => f.getBoundingClientRect().height);
  const fold = explorer.contentFrame().locator('.act-fold');
  if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('summary').click();
  await explorer.contentFrame().getByRole('checkbox', { name: 'GELU (exact)' }).check();
  await expect.poll(() => explorer.evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(before);
  expect(errors).toEqual([]);
});

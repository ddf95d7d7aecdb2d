// first-load.spec.ts — nothing holds the HTML parser on the way to a widget's first plot: every
// classic script a built page names (public/file-notice.js, injected by web/offline-plugin.ts) is
// deferred, so it neither blocks parsing nor waits for the style sheets before it. Before, the
// explorer's DOM was interactive only after every style sheet and file-notice.js had loaded
// (domInteractive 432–540 ms → 68–154 ms in headless Chromium on a loaded 2-core machine).
import { expect, test } from '@playwright/test';

const PAGES = ['index', 'explorer', 'art', 'gradients', 'softmax', 'exercises', 'nonlinearity', 'choose', 'dead-neurons', 'playground', 'race', 'embed/explorer', 'embed/art'];

test('no built page has a parser-blocking script', async ({ request }) => {
  for (const name of PAGES) {
    const html = await (await request.get(`${name}.html`)).text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, name).toBeGreaterThan(0);
    for (const s of scripts) expect(s, name).toMatch(/type="module"|\bdefer\b|\basync\b/);
  }
});

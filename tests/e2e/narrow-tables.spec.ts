// narrow-tables.spec.ts — at 360 px (a small phone, light and dark) no widget page is wider than
// the screen, and every data table wider than its box scrolls inside that box with a visible cue:
// a shadow on the side that has more columns (web/src/ui/base.css .table-scroll), so a cut last
// column reads as "scroll me", not as the end of the table.
import { expect, test } from '@playwright/test';
import { widgetReady } from './helpers';

const PAGES = ['explorer', 'gradients', 'softmax', 'dead-neurons', 'nonlinearity', 'choose', 'exercises', 'art', 'embed/explorer', 'embed/gradients'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`360 px, ${scheme}`, () => {
    test.use({ viewport: { width: 360, height: 740 }, colorScheme: scheme, hasTouch: true, isMobile: true });
    for (const name of PAGES) {
      test(`${name}: nothing wider than the screen, each cut table scrolls in its box with a cue`, async ({ page }) => {
        await page.goto(`${name}.html`);
        await widgetReady(page);
        const r = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const clippedByScrollBox = (e: Element): boolean => {
            for (let a = e.parentElement; a; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') return a.getBoundingClientRect().right <= vw + 0.5;
            }
            return false;
          };
          const wide = [...document.querySelectorAll('body *')].filter((e) => {
            const b = e.getBoundingClientRect();
            return b.width > 0 && (b.right > vw + 0.5 || b.left < -0.5) && !clippedByScrollBox(e);
          }).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
          const tables = [...document.querySelectorAll('table')].filter((t) => t.getClientRects().length > 0).map((t) => {
            const box = t.closest('.table-scroll') as HTMLElement | null;
            if (!box) return { caption: t.caption?.textContent ?? '', box: false, cut: t.getBoundingClientRect().right > vw + 0.5 };
            const cut = box.scrollWidth > box.clientWidth + 1;
            box.scrollLeft = 0;
            const s = getComputedStyle(box);
            const cue = (s.backgroundImage.match(/gradient/g) ?? []).length >= 2 && s.backgroundAttachment.includes('local');
            box.scrollLeft = box.scrollWidth;
            const scrolls = box.scrollLeft > 0;
            box.scrollLeft = 0;
            return { caption: t.caption?.textContent ?? '', box: true, cut, scrolls: !cut || scrolls, cue: !cut || cue,
              inside: box.getBoundingClientRect().right <= vw + 0.5 };
          });
          return { doc: document.documentElement.scrollWidth, vw, wide, tables };
        });
        expect(r.wide, 'elements wider than the screen').toEqual([]);
        expect(r.doc).toBeLessThanOrEqual(r.vw);
        for (const t of r.tables) {
          expect(t, t.caption).toMatchObject(t.box ? { scrolls: true, cue: true, inside: true } : { cut: false });
        }
      });
    }
  });
}

// share.spec.ts — the "Share with a class" panel as a teacher uses it (issue 7): build a locked
// "Sigmoid vs ReLU at z = 5" preset without touching the URL, copy the embed code, paste it into a
// plain host page and check what students get (hidden and locked controls, light theme even when the
// teacher's site theme is dark, the height); preset pinning and Reset; the preview; keyboard only;
// axe at 360/768/1280 px in both themes with the panel open.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, sidewaysOverflow, widgetReady } from './helpers';

/** Serves `body` as a plain HTML page at `name` on the site's origin (a course page stand-in). */
async function hostPage(page: Page, name: string, snippet: string): Promise<void> {
  await page.route(`**/${name}`, (route) => route.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unit 3</title><link rel="icon" href="favicon.svg"></head>` +
      `<body style="margin:0;background:#fff"><h1>Unit 3: activations</h1>\n${snippet}\n</body></html>` }));
  await page.goto(name);
}

async function buildSigmoidVsRelu(page: Page): Promise<void> {
  await page.goto('explorer.html');
  await widgetReady(page);
  const fold = page.locator('.act-fold');
  if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('summary').click();
  await page.getByRole('checkbox', { name: 'Tanh', exact: true }).uncheck();
  const z = page.getByRole('spinbutton', { name: 'z (input) (number)' });
  await z.fill('5');
  await z.press('Enter');
  await page.getByText('Choose what students may change, the theme and the size').click();
  const panel = page.locator('.share-panel');
  await panel.getByRole('combobox', { name: 'Activations', exact: true }).selectOption('locked');
  await panel.getByRole('combobox', { name: 'z', exact: true }).selectOption('locked');
  await panel.getByRole('combobox', { name: 'Cheat sheet' }).selectOption('hidden');
  await panel.getByRole('combobox', { name: 'GELU exact vs tanh error view' }).selectOption('hidden');
}

test('a teacher builds a locked “Sigmoid vs ReLU at z = 5” embed and a plain course page shows it, light, at its height', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('explorer.html');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark'); // the teacher's own site theme
  await buildSigmoidVsRelu(page);
  const panel = page.locator('.share-panel');
  await expect(panel.locator('.share-summary')).toHaveText(
    'The link holds: Sigmoid (logistic) vs ReLU, z = 5; locked: activations and z; hidden: GELU exact vs tanh error view and cheat sheet.');
  await expect(page).toHaveURL(/explorer\.html\?act=sigmoid,relu&z=5$/); // the teacher's page keeps every control
  await panel.getByRole('button', { name: 'Copy embed code' }).click();
  const code = await panel.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(code).toContain('/embed/explorer.html?act=sigmoid,relu&amp;z=5&amp;hide=gelu,sheet&amp;lock=act,z"');
  expect(code).not.toContain('theme=');
  expect(code).toContain('embed.js');

  await page.setViewportSize({ width: 1000, height: 900 });
  await hostPage(page, 'class-page.html', code);
  const iframe = page.locator('iframe');
  const frame = iframe.contentFrame();
  await iframe.scrollIntoViewIfNeeded();
  await expect(frame.locator('#widget')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(iframe).toHaveAttribute('title', 'Activation explorer (Activation Lab)');
  // Light, although the lab site was left on dark.
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 255, 255)');
  // Locked: shown, not editable; hidden: gone; the students read what the link set.
  await expect(frame.locator('.link-summary')).toHaveText('Set by this link: Sigmoid (logistic) vs ReLU, z = 5; activations and z locked; 2 controls hidden by this link.');
  const fold = frame.locator('.act-fold');
  if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('summary').click();
  await expect(frame.getByRole('checkbox', { name: 'Sigmoid (logistic)' })).toBeDisabled();
  await expect(frame.getByRole('checkbox', { name: 'Sigmoid (logistic)' })).toBeChecked();
  await expect(frame.getByRole('checkbox', { name: 'Tanh', exact: true })).toBeDisabled();
  await expect(frame.getByRole('slider', { name: 'z (input)' })).toBeDisabled();
  await expect(frame.getByRole('spinbutton', { name: 'z (input) (number)' })).toHaveValue('5');
  await expect(frame.getByRole('checkbox', { name: 'Cheat sheet' })).toHaveCount(0);
  await expect(frame.locator('.sheet')).toBeHidden();
  await expect(frame.getByRole('slider', { name: 'z from' })).toBeEnabled(); // not locked
  // The height: embed.js fits the iframe to its content (no inner scrollbar, no gap).
  await expect.poll(async () => {
    const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    return Math.abs(outer - inner);
  }).toBeLessThanOrEqual(1);
});

test('a fixed height, a title and the dark or reader’s theme go into the embed code', async ({ page }) => {
  await page.goto('art.html?act=step&seed=7');
  await widgetReady(page);
  const panel = page.locator('.share-panel');
  await page.getByText('Choose what students may change, the theme and the size').click();
  await panel.getByRole('combobox', { name: 'Embed theme' }).selectOption('dark');
  await panel.getByRole('textbox', { name: /Embed title/ }).fill('Step art for unit 3 "edges"');
  await panel.getByRole('spinbutton', { name: /Height in pixels/ }).fill('700');
  await panel.getByRole('combobox', { name: 'Seed' }).selectOption('hidden');
  await panel.getByRole('button', { name: 'Copy embed code' }).click();
  const code = await panel.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(code).toMatch(/^<iframe src="[^"]+\/embed\/art\.html\?seed=7&amp;act=step&amp;hide=seed&amp;theme=dark" title="Step art for unit 3 &quot;edges&quot;" style="width:100%;border:0" height="700" loading="lazy"><\/iframe>$/);
  await hostPage(page, 'fixed-page.html', code);
  const iframe = page.locator('iframe');
  await iframe.scrollIntoViewIfNeeded();
  await expect(iframe.contentFrame().locator('#widget')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(iframe.contentFrame().locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(iframe.contentFrame().getByRole('spinbutton', { name: 'Seed' })).toHaveCount(0);
  expect(await iframe.evaluate((f) => f.getBoundingClientRect().height)).toBe(700);

  await page.goto('art.html');
  await widgetReady(page);
  await page.getByText('Choose what students may change, the theme and the size').click();
  await page.getByRole('combobox', { name: 'Embed theme' }).selectOption('auto');
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  expect(await page.getByRole('textbox', { name: 'Embed code' }).inputValue()).toContain('embed/art.html?theme=auto"');
});

test('the preset can be pinned (later changes stay out of the link), Reset clears it, Copy link gives the page link', async ({ page }) => {
  await page.goto('art.html?seed=3');
  await widgetReady(page);
  const panel = page.locator('.share-panel');
  await expect(panel).toHaveAttribute('data-query', 'seed=3');
  const seed = page.getByRole('spinbutton', { name: 'Seed' });
  await seed.fill('4');
  await seed.press('Enter');
  await expect(panel).toHaveAttribute('data-query', 'seed=4'); // follows the settings
  await page.getByText('Choose what students may change, the theme and the size').click();
  await panel.getByRole('button', { name: 'Use the current settings as the preset' }).click();
  await seed.fill('9');
  await seed.press('Enter');
  await expect(page).toHaveURL(/seed=9/);
  await expect(panel).toHaveAttribute('data-query', 'seed=4');
  await expect(panel.locator('.share-summary')).toHaveText('The link holds: seed 4.');
  await panel.getByRole('combobox', { name: 'Seed' }).selectOption('locked');
  await panel.getByRole('button', { name: 'Copy link' }).click();
  expect(await panel.getByRole('textbox', { name: 'Link' }).inputValue()).toMatch(/\/art\.html\?seed=4&lock=seed$/);
  await panel.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(panel).toHaveAttribute('data-query', 'seed=9');
  await expect(panel.getByRole('combobox', { name: 'Seed' })).toHaveValue('open');
});

test('Preview shows the students’ view in the page, at the chosen theme', async ({ page }) => {
  await buildSigmoidVsRelu(page);
  const panel = page.locator('.share-panel');
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByRole('button', { name: 'Close the preview' })).toHaveAttribute('aria-expanded', 'true');
  const preview = page.locator('.share-preview iframe').contentFrame();
  await expect(preview.locator('#widget')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(preview.locator('.link-summary')).toContainText('activations and z locked');
  await expect(preview.getByRole('slider', { name: 'z (input)' })).toBeDisabled();
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'light');
  await panel.getByRole('combobox', { name: 'Embed theme' }).selectOption('dark');
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('keyboard only: lock the seed and copy the embed code', async ({ page }) => {
  await page.goto('art.html?seed=12');
  await widgetReady(page);
  const options = page.getByText('Choose what students may change, the theme and the size');
  await options.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.share-options')).toHaveAttribute('open', '');
  const seedRow = page.locator('.share-panel').getByRole('combobox', { name: 'Seed' });
  // Tab through the preset buttons to the first row, then choose "Locked" with the arrow key.
  for (let i = 0; i < 6 && !(await seedRow.evaluate((s) => s === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(seedRow).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(seedRow).toHaveValue('locked');
  const copy = page.locator('.share-panel').getByRole('button', { name: 'Copy embed code' });
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Embed code' })).toHaveValue(/seed=12&amp;lock=seed/);
});

for (const width of [360, 768, 1280]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the open panel at ${width} px (${colorScheme}): no WCAG 2.2 AA violations, no sideways scrolling`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(width === 768 ? 'art.html?lock=seed,act&hide=export' : 'explorer.html?act=sigmoid,relu&lock=act&hide=sheet');
      await widgetReady(page);
      await page.getByText('Choose what students may change, the theme and the size').click();
      await page.locator('.share-panel').getByRole('button', { name: 'Copy embed code' }).click();
      expect(await axeViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });
  }
}

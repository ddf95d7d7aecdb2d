// choose.spec.ts — the chooser (site page and embed) in Chromium: a transformer's hidden layer gets
// GELU and its evidence link opens the explorer with GELU, cleanly; the output layer follows the task;
// every link the page shows opens its page with no notice; keyboard only; URL round trip; hostile
// link; axe in both themes; 360 px.
import { expect, test } from '@playwright/test';
import { allEvidence, evidenceHref } from '../../web/src/state/choose';
import { axeInBothThemes, fitsPhone, loadsCleanly, watchErrors, widgetReady } from './helpers';

for (const url of ['choose.html', 'embed/choose.html']) {
  test(`${url} loads with an answer and the three pitfalls, and no console errors`, async ({ page }) => {
    await loadsCleanly(page, url, async () => {
      await expect(page.locator('.choose-pick')).toContainText('ReLU');
      await expect(page.locator('.choose-pitfalls li')).toHaveCount(3);
    });
  });

  axeInBothThemes(url);
}

test('a transformer’s hidden layers: GELU, and its link opens the explorer with GELU, no notice', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('choose.html');
  await widgetReady(page);
  await page.getByRole('radio', { name: 'Transformer' }).check();
  await expect(page).toHaveURL(/arch=transformer/);
  await expect(page.locator('.choose-pick')).toContainText('For the hidden layers of a Transformer: GELU');
  await expect(page.locator('#widget')).toHaveAttribute('data-pick', 'gelu');
  await page.getByRole('link', { name: 'GELU beside ReLU and Swish in the explorer' }).click();
  await expect(page).toHaveURL(/explorer\.html\?act=gelu,relu,swish$/);
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'GELU (exact)' })).toBeChecked();
  expect(errors).toEqual([]);
});

test('a transformer’s hidden layers link to a race of GELU, ReLU and Swish from the same weights', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('choose.html?arch=transformer');
  await widgetReady(page);
  await page.getByRole('link', { name: 'GELU, ReLU and Swish race on the spiral' }).click();
  await expect(page).toHaveURL(/race\.html\?act=gelu,relu,swish&data=spiral&units=16,16&epochs=200&target=0\.9$/);
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeHidden();
  await expect(page.locator('.race-verdict')).toContainText('3 contestants from the same initial weights');
  expect(errors).toEqual([]);
});

test('keyboard only: the output layer follows the task (softmax for multi-class, identity for regression)', async ({ page }) => {
  await page.goto('choose.html');
  await widgetReady(page);
  await page.getByRole('radio', { name: 'Hidden layer' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/layer=output/);
  await expect(page.locator('.choose-pick')).toContainText('Sigmoid, one output unit');
  await page.getByRole('radio', { name: 'Binary classification' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.choose-pick')).toContainText('Softmax, one output unit per class');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.choose-pick')).toContainText('Identity');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.choose-pick')).toContainText('Tanh, one output unit');
  await expect(page).toHaveURL(/task=bounded/);
});

test('every evidence and pitfall link opens its page cleanly (engine ready, no notice, no console error)', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const seen = new Set<string>();
  for (const e of allEvidence()) {
    const href = evidenceHref(e, false);
    if (seen.has(href)) continue;
    seen.add(href);
    await page.goto(href);
    await widgetReady(page);
    await expect(page.locator('#notices'), href).toBeHidden();
  }
  expect(errors).toEqual([]);
});

test('URL round trip and a hostile link', async ({ page }) => {
  await page.goto('choose.html?layer=output&arch=rnn&task=regression');
  await widgetReady(page);
  await expect(page.getByRole('radio', { name: 'Output layer' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Regression (any number)' })).toBeChecked();
  await page.reload();
  await widgetReady(page);
  expect(new URL(page.url()).search.slice(1)).toBe('layer=output&arch=rnn&task=regression');
  const errors = watchErrors(page);
  await page.goto('choose.html?layer=%3Cimg%20src=x%20onerror=alert(1)%3E&arch=lstm&zz=1');
  await widgetReady(page);
  await expect(page.locator('#notices')).toBeVisible();
  await expect(page.locator('#notices img')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Hidden layer' })).toBeChecked();
  expect(errors).toEqual([]);
});

fitsPhone('choose.html');

// nav.spec.ts — the site header's grouped navigation (web/partials/header.html, ui/site-nav.ts):
// from 768 px the bar is one row with a button per group that opens its links; at 360 px the links
// and the theme choice fold behind a Menu button that says whether it is open, opens by keyboard
// and closes with Escape.
import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers';

test('wide: three group buttons on one row open their links; one at a time; Escape closes and returns focus', async ({ page }) => {
  for (const width of [768, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('softmax.html');
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    const nav = page.getByRole('navigation', { name: 'Site' });
    const labs = nav.getByRole('button', { name: 'Labs' });
    const widgets = nav.getByRole('button', { name: 'Widgets' });
    // One row: the bar is no taller than the brand's line.
    expect((await page.locator('.site-bar').boundingBox())!.height).toBeLessThan(70);
    await expect(nav.getByRole('link', { name: 'Softmax' })).toBeHidden();
    await expect(page.locator('.nav-group.has-current')).toContainText('Labs'); // the current page's group is marked
    await labs.click();
    await expect(labs).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Softmax' })).toHaveAttribute('aria-current', 'page');
    await widgets.click();
    await expect(labs).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Explorer' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(widgets).toHaveAttribute('aria-expanded', 'false');
    await expect(widgets).toBeFocused();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  }
});

test('360 px: links and theme fold behind Menu; keyboard opens it, Escape closes it and returns focus', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('gradients.html');
  const menu = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Site' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Explorer' })).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Explorer' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Softmax' })).toBeVisible(); // every group shows its links in the menu
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  // Nothing wider than the screen with the menu open or closed.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

// nav.spec.ts — the site header's grouped navigation (web/partials/header.html, ui/site-nav.ts):
// wide screens show every link in its group; at 360 px the links and the theme choice fold behind
// a Menu button that says whether it is open, opens by keyboard and closes with Escape.
import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers';

test('wide: every group and link shows, no Menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('softmax.html');
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  const nav = page.getByRole('navigation', { name: 'Site' });
  for (const group of ['Course', 'Widgets', 'Labs']) await expect(nav.getByRole('list', { name: group })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Softmax' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
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
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  // Nothing wider than the screen with the menu open or closed.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

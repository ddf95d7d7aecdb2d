// frame.spec.ts — the frame every page shares: navigation home → explorer → art studio (by keyboard),
// the skip link, the theme choice (kept across pages), and every page and embed from a deep sub-path.
import { expect, test } from '@playwright/test';
import { subPathRoot, watchErrors, widgetReady } from './helpers';

test('keyboard only: skip link, then home → explorer → art studio through the navigation', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Tab'); // brand
  await page.keyboard.press('Tab'); // the Course group
  await page.keyboard.press('Tab'); // the Widgets group
  const nav = page.getByRole('navigation', { name: 'Site' });
  await expect(nav.getByRole('button', { name: 'Widgets' })).toBeFocused();
  await page.keyboard.press('Enter'); // opens its links
  await page.keyboard.press('Tab'); // Explorer, the group's first link
  await expect(nav.getByRole('link', { name: 'Explorer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/explorer\.html$/);
  await widgetReady(page);
  await expect(nav.getByRole('link', { name: 'Explorer', includeHidden: true })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('button', { name: 'Widgets' }).focus();
  await page.keyboard.press('Enter');
  const art = nav.getByRole('link', { name: 'Art studio' });
  await art.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/art\.html$/);
  await widgetReady(page);
});

test('the home page leads to the widgets', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('main').getByRole('link', { name: 'Activation explorer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activation explorer');
  await page.goto('./');
  await page.getByRole('main').getByRole('link', { name: 'Art studio' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Art studio');
});

test('the theme choice applies at once and is kept across pages', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('explorer.html');
  await widgetReady(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).not.toBe(light);
  await page.goto('art.html');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('auto');
  expect(await bg()).toBe(light);
});

test('an embed takes its theme from the link', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('embed/explorer.html?theme=dark&act=relu');
  await widgetReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#notices')).toBeHidden(); // theme is a frame key, not an unknown setting
});

for (const path of ['explorer.html', 'art.html', 'gradients.html', 'softmax.html', 'playground.html', 'embed/explorer.html', 'embed/art.html', 'embed/gradients.html', 'embed/softmax.html', 'embed/playground.html', 'exercises.html', 'embed/exercise.html', 'nonlinearity.html', 'embed/nonlinearity.html', 'choose.html', 'embed/choose.html', 'dead-neurons.html', 'embed/dead-neurons.html', 'race.html', 'embed/race.html']) {
  test(`${path} works from a deep sub-path`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`${subPathRoot}${path}`);
    await widgetReady(page);
    expect(errors).toEqual([]);
  });
}

test('an embed never takes the theme saved on the lab site: light by default, theme=auto follows the reader', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('art.html');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark'); // saved in localStorage
  await page.goto('embed/explorer.html?act=relu');
  await widgetReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.goto('embed/explorer.html?act=relu&theme=auto');
  await widgetReady(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
  await page.goto('embed/art.html?theme=purple');
  await widgetReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('#notices')).toContainText('Theme: “purple” is not light, dark or auto');
});

test('every page, embed and the demo course page has a CSP with base-uri and object-src none (#8)', async ({ request }) => {
  for (const path of ['index.html', 'explorer.html', 'art.html', 'gradients.html', 'softmax.html', 'playground.html', 'embed/explorer.html', 'embed/art.html', 'embed/gradients.html', 'embed/softmax.html', 'embed/playground.html', 'exercises.html', 'embed/exercise.html', 'embed-demo.html', 'nonlinearity.html', 'embed/nonlinearity.html', 'choose.html', 'embed/choose.html', 'dead-neurons.html', 'embed/dead-neurons.html', 'race.html', 'embed/race.html', 'lessons/why-a-bend.html', 'lessons/glossary.html']) {
    const html = await (await request.get(path)).text();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp, path).toBeDefined();
    expect(csp, path).toContain("base-uri 'none'");
    expect(csp, path).toContain("object-src 'none'");
  }
});

// playwright.config.ts — browser tests of the BUILT site (dist/) in Debian's Chromium.
//   npx vite build --config web/vite.config.ts && npx playwright test --config tests/e2e/playwright.config.ts
// Never `npx playwright install`: the browser is Debian's /usr/bin/chromium.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(__dirname, '../..');

export default defineConfig({
  testDir: '.',
  outputDir: path.join(root, 'test-results'),
  workers: 2,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  use: {
    baseURL: 'http://localhost:4173/',
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      command: 'npx vite preview --config web/vite.config.ts --port 4173 --strictPort',
      cwd: root,
      url: 'http://localhost:4173/',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The same dist/ under a deep sub-path, as a self-hoster or a course platform would serve it.
      command: 'node tests/e2e/serve-subpath.mjs 4174 /course/unit-3/activation-lab/',
      cwd: root,
      url: 'http://localhost:4174/course/unit-3/activation-lab/',
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});

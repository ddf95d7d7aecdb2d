// playwright.config.ts — browser tests of the BUILT site (dist/) in Debian's Chromium.
//   npx vite build --config web/vite.config.ts && npx playwright test --config tests/e2e/playwright.config.ts
// Never `npx playwright install`: the browser is Debian's /usr/bin/chromium.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(__dirname, '../..');
// Ports: ACTLAB_E2E_PORT (default 4173) for the site, the next one for the sub-path copy, so two
// checkouts on one machine can run their browser tests at once without sharing a server.
const port = Number(process.env.ACTLAB_E2E_PORT ?? 4173);
const subPort = port + 1;

export default defineConfig({
  testDir: '.',
  outputDir: path.join(root, 'test-results'),
  workers: 2,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  // 60 s a test: the axe walks of the larger pages took over 30 s on a loaded 2-core machine. In CI a
  // failed test runs once more (a timing failure then passes; a real failure fails twice).
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  use: {
    baseURL: `http://localhost:${port}/`,
    browserName: 'chromium',
    headless: true,
    // The offline cache stays out of every test but offline.spec.ts, which allows it and checks it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      command: `npx vite preview --config web/vite.config.ts --port ${port} --strictPort`,
      cwd: root,
      url: `http://localhost:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The same dist/ under a deep sub-path, as a self-hoster or a course platform would serve it.
      command: `node tests/e2e/serve-subpath.mjs ${subPort} /course/unit-3/activation-lab/`,
      cwd: root,
      url: `http://localhost:${subPort}/course/unit-3/activation-lab/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});

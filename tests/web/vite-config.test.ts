// vite-config.test.ts — the site's Vite config (web/vite.config.ts) and everything it imports load
// without Vite's `configLoader: 'native'` warning: each runtime import names its file (.ts), no
// __dirname, so the config also loads once native loading becomes Vite's default.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, loadConfigFromFile } from 'vite';

const root = join(__dirname, '../..');

describe('web/vite.config.ts', () => {
  it('loads without a warning (no extension-less import in the config or the course build it imports)', async () => {
    const warnings: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (msg) => { warnings.push(msg); };
    logger.warnOnce = (msg) => { warnings.push(msg); };
    // As `vite preview` loads it: the config's own code is bundled and checked, the lessons are not built.
    const loaded = await loadConfigFromFile({ command: 'serve', mode: 'production', isPreview: true },
      join(root, 'web/vite.config.ts'), root, 'warn', logger);
    expect(loaded?.dependencies.some((d) => d.endsWith('web/course/live.ts'))).toBe(true);
    expect(warnings).toEqual([]);
  }, 60_000);
});

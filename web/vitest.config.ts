// vitest.config.ts — unit tests of the TypeScript engine API against the Node wasm build.
//   npx vitest run --config web/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/web/**/*.test.ts'],
    environment: 'node',
  },
});

import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Lives in tests/ (the project's top level is fixed); the root is the repository.
export default defineConfig({
  root: join(import.meta.dirname, '..'),
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});

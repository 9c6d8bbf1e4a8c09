import { defineConfig } from 'vitest/config';

// Browser journeys: Playwright drives Debian's Chromium against the real app on loopback.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/browser/**/*.test.ts'],
    // One Chromium at a time on a 2-core machine.
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: 'test' },
  },
});

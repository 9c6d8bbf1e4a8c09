import { defineConfig } from 'vitest/config';

const DATABASE_FREE = [
  'src/modules/goals/goals.seed-data.test.ts',
  'src/modules/goals/assessment.test.ts',
  'src/modules/cases/stats.chart.test.ts',
  'src/modules/cases/cases.deadline.test.ts',
  'src/modules/promises/promises.form.test.ts',
  'src/modules/promises/fulfilment.test.ts',
  'src/modules/meetings/meetings.rules.test.ts',
  'src/modules/meetings/meetings.seed.test.ts',
  'src/modules/kolada/kolada.client.test.ts',
  'src/modules/accounts/password-policy.test.ts',
  'src/modules/satisfaction/nki.test.ts',
  'src/modules/calendar/calendar.test.ts',
  'src/modules/portal/portal.theme.test.ts',
  'src/modules/portal/portal.lix.test.ts',
];

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // On PostgreSQL, the files that never open a database are not run again: they ran on the
    // embedded run and their result cannot depend on the database.
    exclude: ['test/browser/**', 'node_modules/**', ...(process.env.TEST_DATABASE_URL ? DATABASE_FREE : [])],
    // Each file opens its own embedded database: two workers fit a 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});

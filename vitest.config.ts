import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    // The end-to-end tests run the built binary: `npm test` builds first (pretest).
    pool: 'forks',
    // Removes the temporary folders each test file made with tempDir() (test/helpers/temp.ts).
    setupFiles: ['test/helpers/setup.ts'],
  },
});

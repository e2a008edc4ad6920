import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    // The PDF path loads pdf.js and reads 25 pages; on a loaded 2-core CI box that takes seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

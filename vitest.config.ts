import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    // A stray .only would silently skip every other test in its file; CI does not set CI, so the
    // default (allowed unless CI) is not enough. `npx vitest run --allowOnly` while debugging.
    allowOnly: false,
    // The PDF path loads pdf.js and reads 25 pages; on a loaded 2-core CI box that takes seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

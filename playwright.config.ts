import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './build/chromium.mjs';

// PW_PORT lets two runs share a machine (each builds into its own out/web-<port>).
const PORT = Number(process.env.PW_PORT ?? 4173);
// (vite's root is src-renderer/, so the folder is given from the project root.)
const OUT = PORT === 4173 ? '' : ` --outDir ${JSON.stringify(path.resolve('out', `web-${PORT}`))}`;

/**
 * End-to-end tests drive the web build in Debian's Chromium: no Electron binary and no Playwright
 * browser download are possible on the build machines. The server builds the default workspace
 * and the web app first, so a run always tests what the sources say now.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: PORT === 4173 ? 'test-results' : `test-results-${PORT}`,
  fullyParallel: true,
  // Always: CI does not set CI, and a stray .only would silently skip every other spec.
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npm run build:workspace && npx vite build -c vite.config.web.ts${OUT} && npx vite preview -c vite.config.web.ts${OUT} --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

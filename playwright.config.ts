import { defineConfig, devices } from '@playwright/test';

const PORT = 4173;

/**
 * End-to-end tests drive the web build in Debian's Chromium: no Electron binary and no Playwright
 * browser download are possible on the build machines. The server builds the default workspace
 * and the web app first, so a run always tests what the sources say now.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npm run build:workspace && npx vite build -c vite.config.web.ts && npx vite preview -c vite.config.web.ts --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

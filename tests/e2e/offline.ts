import { expect, test as base } from '@playwright/test';

export interface PageLog {
  /** Every URL the page and its workers requested. */
  requests: string[];
  /** Console errors and uncaught exceptions (CSP violations show up here). */
  errors: string[];
}

/**
 * Every test runs offline and clean: requests that would leave the page's origin are recorded and
 * blocked, and at the end none may have been made and nothing may have been logged as an error.
 */
export const test = base.extend<{ log: PageLog }>({
  log: [
    async ({ context, page, baseURL }, use) => {
      const origin = new URL(baseURL ?? '').origin;
      // Belt and braces: even if the app tried, nothing may leave this machine during a test.
      await context.route(
        (url) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin,
        (route) => route.abort('blockedbyclient'),
      );
      const log: PageLog = { requests: [], errors: [] };
      page.on('request', (req) => log.requests.push(req.url()));
      page.on('console', (msg) => {
        if (msg.type() === 'error') log.errors.push(msg.text());
      });
      page.on('pageerror', (e) => log.errors.push(e.message));
      await use(log);
      const offsite = log.requests.filter((url) => {
        if (url.startsWith('data:')) return false;
        const inner = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
        return new URL(inner).origin !== origin;
      });
      expect(offsite, 'requests that left the page origin').toEqual([]);
      expect(log.errors, 'console errors (CSP violations show up here)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

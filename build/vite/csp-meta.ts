import type { Plugin } from 'vite';
import { contentSecurityPolicy, metaPolicy, withMetaPolicy } from '../../src-main/electron/security-policy.ts';

/**
 * Keeps the CSP <meta> in src-renderer/index.html honest. A build fails if it differs from the
 * policy main sends as a header; the dev server swaps in the relaxed dev policy, because Vite
 * injects an inline React Refresh preamble and inline <style> tags that the strict one blocks.
 */
export function cspMeta(): Plugin {
  let serving = false;
  return {
    name: 'peel:csp-meta',
    configResolved(config) {
      serving = config.command === 'serve' && !config.isProduction;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const found = metaPolicy(html);
        const expected = contentSecurityPolicy({ delivery: 'meta' });
        if (found !== expected) {
          throw new Error(
            `index.html's Content-Security-Policy <meta> must be exactly:\n  ${expected}\nbut is:\n  ${found ?? '(missing)'}`,
          );
        }
        return serving ? withMetaPolicy(html, contentSecurityPolicy({ delivery: 'meta', dev: true })) : html;
      },
    },
  };
}

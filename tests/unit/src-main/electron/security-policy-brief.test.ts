import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BRIEF_CSS } from '../../../../src-core/brief/html-style';
import { BRIEF_STYLE_HASH, contentSecurityPolicy } from '../../../../src-main/electron/security-policy';

// The Briefing view's preview is an <iframe sandbox srcdoc>: the srcdoc document inherits the app's
// policy, so the pack's one <style> must be allowed by its hash, and nothing else inline.
describe('the CSP and the briefing preview', () => {
  it('allows exactly the pack’s stylesheet by hash (recomputed here, so a changed sheet fails this test)', () => {
    const hash = createHash('sha256').update(BRIEF_CSS, 'utf8').digest('base64');
    expect(BRIEF_STYLE_HASH).toBe(`'sha256-${hash}'`);
    for (const delivery of ['header', 'meta'] as const) {
      const csp = contentSecurityPolicy({ delivery });
      expect(csp).toContain(`style-src 'self' ${BRIEF_STYLE_HASH};`);
      expect(csp).not.toContain('unsafe-inline');
      // Scripts stay as they were: the preview runs none (sandbox="" as well).
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    }
  });

  it('leaves the hash out for the dev server, whose inline styles need the unsafe-inline a hash would cancel', () => {
    expect(contentSecurityPolicy({ dev: true })).toContain("style-src 'self' 'unsafe-inline'");
  });
});

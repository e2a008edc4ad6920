import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts } from '../../../../src-main/electron/ipc-guard';

const trusted = { webContentsId: 7, origins: ['app://app'] };
const mainFrame: SenderFacts = { webContentsId: 7, frameUrl: 'app://app/index.html', isTopFrame: true };

describe('isTrustedSender', () => {
  it("accepts the main window's top frame showing the app", () => {
    expect(isTrustedSender(mainFrame, trusted)).toBe(true);
  });

  it('refuses other windows, iframes and frames that have gone', () => {
    expect(isTrustedSender({ ...mainFrame, webContentsId: 8 }, trusted)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, isTopFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, frameUrl: null }, trusted)).toBe(false);
  });

  it('refuses pages from any other origin, even in the main window', () => {
    for (const frameUrl of [
      'https://example.com/',
      'file:///tmp/evil.html',
      'app://evil/index.html',
      'about:blank',
      'http://localhost:5173/',
    ]) {
      expect(isTrustedSender({ ...mainFrame, frameUrl }, trusted), frameUrl).toBe(false);
    }
  });

  it('refuses everyone before the main window exists', () => {
    expect(isTrustedSender(mainFrame, { ...trusted, webContentsId: null })).toBe(false);
  });

  it('accepts the dev server only when it is one of the allowed origins', () => {
    const dev = { ...trusted, origins: ['app://app', 'http://localhost:5173'] };
    expect(isTrustedSender({ ...mainFrame, frameUrl: 'http://localhost:5173/' }, dev)).toBe(true);
  });
});

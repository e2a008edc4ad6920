import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../../src-main/electron/window-options';

describe('the main window', () => {
  it('isolates and sandboxes the page, without Node and with web security on', () => {
    const prefs = mainWindowOptions({ preload: '/app/out/preload/preload.cjs', devTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('experimentalFeatures');
  });

  it('offers DevTools only when asked (development builds)', () => {
    expect(mainWindowOptions({ preload: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

import { BrowserWindow } from 'electron';
import { mainWindowOptions, type MainWindowOptions } from './window-options';

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options));
  win.once('ready-to-show', () => win.show());
  return win;
}

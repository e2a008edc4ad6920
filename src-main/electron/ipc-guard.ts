import { originOf } from './security-policy';

/** What main knows about the frame behind an IPC message, lifted out of Electron so it can be tested. */
export interface SenderFacts {
  webContentsId: number;
  /** Null when the frame has already gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** The sender is the top frame of its WebContents, not an iframe. */
  isTopFrame: boolean;
}

export interface TrustedSender {
  /** The main window's WebContents id; null until it exists. */
  webContentsId: number | null;
  origins: readonly string[];
}

/**
 * Only the main window's top frame, showing our own origin, may call the host. A compromised or
 * injected iframe, a navigated-away page or another window gets nothing.
 */
export function isTrustedSender(sender: SenderFacts, trusted: TrustedSender): boolean {
  if (trusted.webContentsId === null || sender.webContentsId !== trusted.webContentsId) return false;
  if (!sender.isTopFrame || sender.frameUrl === null) return false;
  const origin = originOf(sender.frameUrl);
  return origin !== null && trusted.origins.includes(origin);
}

import type { ReactNode } from 'react';
import { SourcePanelContext, type SourcePanelState } from './source-context';

/** Lets every Show source button inside (however deep) open this view's Source panel. */
export function SourceScope({ panel, children }: { panel: SourcePanelState; children: ReactNode }) {
  return <SourcePanelContext.Provider value={panel}>{children}</SourcePanelContext.Provider>;
}

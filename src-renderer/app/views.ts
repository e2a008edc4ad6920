import { z } from 'zod';

export const VIEWS = [
  { id: 'reports', label: 'Reports' },
  { id: 'findings', label: 'Findings' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'file-review', label: 'File review' },
  { id: 'briefing', label: 'Briefing' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export const tabId = (view: ViewId) => `tab-${view}`;
export const panelId = (view: ViewId) => `panel-${view}`;

/** The current view as remembered per workspace: one of the views, or nothing. */
export const VIEW_SCHEMA = z.enum(VIEWS.map((v) => v.id) as [ViewId, ...ViewId[]]);

import type { AboutInfo } from '../../src-core/host/contract';

export const PRODUCT_NAME = 'PEEL Workbench';

export const LICENCES =
  'PEEL Workbench is free software under the MIT licence. The bundled report, PEEL: Police effectiveness 2017 – ' +
  'An inspection of Gwent Police (HMICFRS, March 2018), is Crown copyright and used under the Open Government Licence v3.0.';

/** What Help › About shows. Versions come from process.versions, so they are the ones running. */
export function aboutInfo(version: string, versions: Partial<Record<'electron' | 'chrome' | 'node', string>>): AboutInfo {
  return {
    name: PRODUCT_NAME,
    version,
    electron: versions.electron ?? null,
    chrome: versions.chrome ?? null,
    node: versions.node ?? null,
    licences: LICENCES,
  };
}

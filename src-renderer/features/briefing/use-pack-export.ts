import { useCallback, useState } from 'react';
import type { PackDefinition } from '../../../src-core/brief/definition';
import type { Host } from '../../../src-core/host/contract';
import type { DbClient } from '../../db/db-client';
import type { ExportStage, PackFormat } from '../../../src-core/service/protocol';
import { sentence } from '../../shared/text/words';

export const FORMAT_LABEL: Record<PackFormat, string> = { docx: 'DOCX', pdf: 'PDF', html: 'HTML', md: 'Markdown' };

const STAGE_TEXT: Record<ExportStage, string> = {
  building: 'reading the workspace',
  chart: 'drawing the chart',
  writing: 'writing the file',
};

export type PackExportState =
  | { phase: 'idle' }
  | { phase: 'running'; format: PackFormat; stage: ExportStage }
  | { phase: 'done'; message: string }
  | { phase: 'error'; message: string };

export function exportProgressText(state: PackExportState): string {
  return state.phase === 'running' ? `Exporting ${FORMAT_LABEL[state.format]}: ${STAGE_TEXT[state.stage]}…` : '';
}

/** Makes the pack in the worker (from the workspace as it is now) and hands the file to the host to save. */
export function usePackExport(host: Host, client: DbClient) {
  const [state, setState] = useState<PackExportState>({ phase: 'idle' });
  const run = useCallback(
    async (definition: PackDefinition, format: PackFormat) => {
      setState({ phase: 'running', format, stage: 'building' });
      const made = await client.exportPack(definition, format, (p) => setState({ phase: 'running', format, stage: p.stage }));
      if (!made.ok) {
        setState({
          phase: 'error',
          message: `The ${FORMAT_LABEL[format]} export failed. ${sentence(made.error.message)} Nothing was saved.`,
        });
        return;
      }
      const { suggestedName, mime, bytes } = made.value;
      const saved = await host.saveExport({ suggestedName, mime, bytes });
      if (!saved.ok)
        setState({ phase: 'error', message: `The ${FORMAT_LABEL[format]} file was not saved. ${sentence(saved.error.message)}` });
      else if (!saved.value.saved) setState({ phase: 'idle' });
      else setState({ phase: 'done', message: `Exported the pack as ${saved.value.name} (${definition.marking}).` });
    },
    [host, client],
  );
  return { state, run };
}

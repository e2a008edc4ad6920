import { isReportFileName, REPORT_FORMATS_IN_WORDS } from '../../../src-core/extract/formats';
import { MAX_REPORT_BYTES } from '../../../src-core/service/protocol';
import { sizeText } from '../../shared/text/words';

/**
 * Why a dropped file will not be imported, said so the analyst knows what to do, or null when it
 * may be. Checked before the file is read, so a 2 GB video dropped by mistake is never loaded.
 */
export function refusal(file: { name: string; size: number }): string | null {
  if (!isReportFileName(file.name)) {
    return `Only ${REPORT_FORMATS_IN_WORDS.replace(' or ', ' and ')} reports can be imported; save the report in one of those formats and drop it again.`;
  }
  if (file.size > MAX_REPORT_BYTES) {
    return `It is ${sizeText(file.size)}; reports over 50 MB are refused. Import the report’s text (.txt or .md) instead.`;
  }
  return null;
}

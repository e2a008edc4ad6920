import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Pins a PDF's /CreationDate and /ModDate to `stamp` (14 digits, yyyymmddhhmmss) so repeated runs
 * give identical bytes. The replacement has the same length, so the xref offsets stay valid.
 */
export function normalisePdfDates(pdfPath, stamp) {
  const s = readFileSync(pdfPath).toString('latin1');
  const fixed = s.replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (m, key, _ts, tz) => {
    const r = `/${key} (D:${stamp}${tz})`;
    return r.length === m.length ? r : m;
  });
  if (fixed !== s) writeFileSync(pdfPath, Buffer.from(fixed, 'latin1'));
}

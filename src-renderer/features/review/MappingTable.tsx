import { useId } from 'react';
import { FIELD_LABELS, FIELDS, REQUIRED_FIELDS, type SampleField } from '../../../src-core/samples/fields';
import type { Mapping } from './use-sample-import';

interface Props {
  headers: string[];
  /** The file's first rows, for examples of what each column holds. */
  rows: string[][];
  mapping: Mapping;
  onChange: (header: string, field: SampleField | null) => void;
}

const examples = (rows: string[][], column: number) =>
  rows
    .map((r) => (r[column] ?? '').trim())
    .filter((v) => v !== '')
    .slice(0, 3);

/** Each column of the file against the field it holds, pre-filled by the suggestion; each select is named by the file's header. */
export function MappingTable({ headers, rows, mapping, onChange }: Props) {
  const id = useId();
  const taken = new Map<SampleField, number>();
  for (const h of headers) {
    const f = mapping[h];
    if (f) taken.set(f, (taken.get(f) ?? 0) + 1);
  }
  return (
    <table className="data-table review-table mapping-table">
      <caption className="muted">Each column of the file, and the field it holds</caption>
      <thead>
        <tr>
          <th scope="col">Column in the file</th>
          <th scope="col">Examples</th>
          <th scope="col">Field</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((h, i) => {
          const field = mapping[h] ?? null;
          const twice = field !== null && (taken.get(field) ?? 0) > 1;
          return (
            <tr key={`${i}-${h}`}>
              <th scope="row">
                <label htmlFor={`${id}-${i}`}>{h || `Column ${i + 1} (no header)`}</label>
              </th>
              <td className="mapping-examples">{examples(rows, i).join(' · ') || <span className="muted">empty</span>}</td>
              <td>
                <select
                  id={`${id}-${i}`}
                  value={field ?? ''}
                  aria-invalid={twice || undefined}
                  aria-describedby={twice ? `${id}-${i}-twice` : undefined}
                  onChange={(e) => onChange(h, e.target.value === '' ? null : (e.target.value as SampleField))}
                >
                  <option value="">Not imported</option>
                  {FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {FIELD_LABELS[f]}
                      {REQUIRED_FIELDS.includes(f) ? '' : ' (optional)'}
                    </option>
                  ))}
                </select>
                {twice && (
                  <span id={`${id}-${i}-twice`} className="mapping-twice">
                    Another column is mapped to this field too
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { PACK_SECTION_TITLES, PACK_SECTIONS, type PackSectionKey } from '../../../src-core/brief/definition';

interface Props {
  sections: PackSectionKey[];
  problem?: string;
  onChange(sections: PackSectionKey[]): void;
}

/** Which sections the pack has; they always come in the pack's own order. */
export function SectionsField({ sections, problem, onChange }: Props) {
  const toggle = (key: PackSectionKey, on: boolean) => onChange(on ? [...sections, key] : sections.filter((s) => s !== key));
  return (
    <fieldset className="brief-fieldset">
      <legend>Sections</legend>
      <div className="brief-checks">
        {PACK_SECTIONS.map((key) => (
          <label key={key} className="brief-check">
            <input type="checkbox" checked={sections.includes(key)} onChange={(e) => toggle(key, e.target.checked)} />
            {PACK_SECTION_TITLES[key]}
          </label>
        ))}
      </div>
      {problem && <p className="brief-problem">{problem}</p>}
    </fieldset>
  );
}

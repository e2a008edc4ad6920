import { PopoverMenu } from '../../ui/PopoverMenu';

export interface ColumnChoice {
  colId: string;
  label: string;
  visible: boolean;
}

/** Which columns the grid shows (AG Grid Community has no columns tool panel). Saved with a view. */
export function ColumnsMenu({ columns, onChange }: { columns: ColumnChoice[]; onChange(colId: string, visible: boolean): void }) {
  const shown = columns.filter((c) => c.visible).length;
  return (
    <PopoverMenu label="Columns" anchor="columns">
      {() => (
        <fieldset className="columns-menu">
          <legend>Visible columns</legend>
          {columns.map((c) => (
            <label key={c.colId} className="columns-choice">
              <input
                type="checkbox"
                checked={c.visible}
                // The last column stays: a grid with no columns shows nothing to bring them back with.
                disabled={c.visible && shown === 1}
                onChange={(e) => onChange(c.colId, e.target.checked)}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
    </PopoverMenu>
  );
}

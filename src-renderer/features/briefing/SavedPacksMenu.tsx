import type { SavedPack } from '../../../src-core/query/model/packs';
import { PopoverMenu } from '../../ui/PopoverMenu';

interface Props {
  packs: SavedPack[] | null;
  problem: string | null;
  openId: number | null;
  onOpen(pack: SavedPack): void;
  onDelete(pack: SavedPack): void;
}

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
};

/** The workspace's saved packs: open one (its definition, regenerated from the workspace now) or delete it. */
export function SavedPacksMenu({ packs, problem, openId, onOpen, onDelete }: Props) {
  return (
    <PopoverMenu label={`Saved packs${packs?.length ? ` (${packs.length})` : ''}`} anchor="packs">
      {(close) => (
        <div className="brief-packs">
          {problem && <p className="brief-problem">{problem}</p>}
          {packs?.length === 0 && <p className="brief-hint">No saved packs yet. Fill in the form, then “Save pack”.</p>}
          {packs && packs.length > 0 && (
            <ul className="brief-packs-list" aria-label="Saved packs">
              {packs.map((p) => (
                <li key={p.id} className={p.id === openId ? 'is-open' : undefined}>
                  <div className="brief-pack-name">
                    <button
                      type="button"
                      className="link-button"
                      disabled={!p.definition}
                      aria-label={`Open ${p.title}`}
                      onClick={() => {
                        close();
                        if (p.definition) onOpen(p);
                      }}
                    >
                      {p.title}
                    </button>
                    <span className="brief-hint">
                      {p.definition
                        ? `${p.definition.marking} · saved ${when(p.updatedAt)}`
                        : 'Saved by another version; it cannot be opened here'}
                    </span>
                  </div>
                  <button type="button" className="link-button" aria-label={`Delete ${p.title}`} onClick={() => onDelete(p)}>
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </PopoverMenu>
  );
}

import { all, type SqlDatabase } from '../../db/sql-db';
import { packDefinitionSchema, type PackDefinition } from '../../brief/definition';
import type { SavedPack } from '../model/packs';

function toSavedPack(r: Record<string, unknown>): SavedPack {
  let definition: PackDefinition | null;
  try {
    const parsed = packDefinitionSchema.safeParse(JSON.parse(String(r.definition)));
    definition = parsed.success ? parsed.data : null;
  } catch {
    definition = null;
  }
  return { id: Number(r.id), title: String(r.title), definition, createdAt: String(r.created_at), updatedAt: String(r.updated_at) };
}

/** Every saved pack, most recently changed first (the one the analyst was working on comes top). */
export function readPacks(db: SqlDatabase): SavedPack[] {
  return all(db, 'SELECT id, title, definition, created_at, updated_at FROM briefing_packs ORDER BY updated_at DESC, id DESC').map(
    toSavedPack,
  );
}

export function readPack(db: SqlDatabase, id: number): SavedPack | null {
  const row = all(db, 'SELECT id, title, definition, created_at, updated_at FROM briefing_packs WHERE id = ?', [id])[0];
  return row ? toSavedPack(row) : null;
}

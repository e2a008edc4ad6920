import type { PackDefinition } from '../../brief/definition';

/** A briefing pack as saved in the workspace: its definition, regenerated into a pack on demand. */
export interface SavedPack {
  id: number;
  title: string;
  /** Null when the stored JSON is not a definition this version can read (hand-edited, or from a newer version). */
  definition: PackDefinition | null;
  createdAt: string;
  updatedAt: string;
}

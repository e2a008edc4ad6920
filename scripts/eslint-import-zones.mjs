// An ESLint rule: files in one folder may not import from another, judged on the path each
// relative import resolves to (so `../briefing/x`, `../../features/briefing/x` and `./../briefing`
// are one and the same). It is import/no-restricted-paths, written out because no installed plugin
// has it, and kept apart from no-restricted-imports on purpose: in a flat config a later block's
// options for a rule replace an earlier block's for the same files, so per-folder blocks of
// no-restricted-imports would silently drop the layering rules eslint.config.js already sets.
import path from 'node:path';

/**
 * A zone: files under `target` (a folder relative to the repository root, but not under any
 * folder of `except`) may not import anything under `from`. A trailing `/*` on both stands for
 * each subfolder, and forbids only imports between different ones: `src-renderer/features/*` to
 * `src-renderer/features/*` lets a feature import its own files and no other feature's.
 */
const zoneSchema = {
  type: 'object',
  properties: {
    target: { type: 'string' },
    except: { type: 'array', items: { type: 'string' } },
    from: { type: 'string' },
    message: { type: 'string' },
  },
  required: ['target', 'from', 'message'],
  additionalProperties: false,
};

/** `folder` or `folder/*` as a test of a repository-relative path: null when outside, else the subfolder ('' for a plain folder). */
function matcher(folder) {
  const each = folder.endsWith('/*');
  const base = each ? folder.slice(0, -2) : folder;
  return (rel) => {
    if (rel !== base && !rel.startsWith(`${base}/`)) return null;
    if (!each) return '';
    const sub = rel.slice(base.length + 1).split('/')[0];
    return sub || null;
  };
}

export const importZones = {
  meta: {
    type: 'problem',
    docs: { description: 'Folders whose files may not import from other folders (resolved relative imports).' },
    schema: [
      { type: 'object', properties: { zones: { type: 'array', items: zoneSchema } }, required: ['zones'], additionalProperties: false },
    ],
    messages: { forbidden: '{{message}} ({{source}})' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const rel = (p) => path.relative(root, p).split(path.sep).join('/');
    const here = rel(file);
    const zones = context.options[0].zones
      .map((z) => ({ ...z, inTarget: matcher(z.target), inFrom: matcher(z.from), excepted: (z.except ?? []).map(matcher) }))
      .filter((z) => z.inTarget(here) !== null && !z.excepted.some((m) => m(here) !== null));
    if (zones.length === 0) return {};

    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      // Packages ('react', 'ag-grid-community') are the layering rules' business, not this one's.
      if (!source.value.startsWith('.')) return;
      const target = rel(path.resolve(path.dirname(file), source.value));
      for (const z of zones) {
        const to = z.inFrom(target);
        if (to === null) continue;
        if (z.target.endsWith('/*') && z.from.endsWith('/*') && to === z.inTarget(here)) continue;
        context.report({ node: source, messageId: 'forbidden', data: { message: z.message, source: source.value } });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

import { describe, expect, it } from 'vitest';
import { violations } from './lint-helper';

/** pdf.js on the UI thread: the Source panel's one module may load its display build, nothing else may. */
const RESTRICTED = 'no-restricted-imports';
const DISPLAY = `import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';\nexport const lib = () => [import('pdfjs-dist/legacy/build/pdf.mjs'), workerUrl];\n`;

describe('pdf.js on the UI thread', () => {
  it('is allowed in src-renderer/shared/source/pdf-document.ts: the legacy display build and its bundled worker', async () => {
    expect(await violations('src-renderer/shared/source/pdf-document.ts', DISPLAY, RESTRICTED)).toEqual([]);
  });

  it('is refused in any other renderer module, the Source panel’s others included', async () => {
    expect(await violations('src-renderer/shared/source/PdfSource.tsx', DISPLAY, RESTRICTED)).toHaveLength(1);
    expect(
      await violations(
        'src-renderer/features/findings/x.ts',
        `import { getDocument } from 'pdfjs-dist';\nexport { getDocument };\n`,
        RESTRICTED,
      ),
    ).toHaveLength(1);
  });

  it('allows no other part of pdfjs-dist there, and still refuses sql.js and the DB worker’s adapters', async () => {
    const file = 'src-renderer/shared/source/pdf-document.ts';
    expect(await violations(file, `import 'pdfjs-dist/web/pdf_viewer.mjs';\n`, RESTRICTED)).toHaveLength(1);
    expect(await violations(file, `import 'pdfjs-dist/legacy/build/pdf.worker.mjs';\n`, RESTRICTED)).toHaveLength(1);
    expect(await violations(file, `import 'sql.js';\n`, RESTRICTED)).toHaveLength(1);
    expect(await violations(file, `import '../../db/adapters/pdf-reader';\n`, RESTRICTED)).toHaveLength(1);
  });
});

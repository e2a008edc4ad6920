import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

/**
 * Opening what the briefing writers export, as a reader's tools would: the DOCX's XML parts,
 * LibreOffice's rendering of it, and poppler's text of a PDF page by page.
 */

const require = createRequire(import.meta.url);

export const LIBREOFFICE = '/usr/bin/libreoffice';
export const hasLibreOffice = (): boolean => existsSync(LIBREOFFICE);

/** Every part of a DOCX (a zip) as text, by path. */
export async function docxParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file)
      parts.set(
        name,
        name.match(/\.(xml|rels)$/) ? await file.async('string') : `<binary ${(await file.async('uint8array')).length} bytes>`,
      );
  }
  return parts;
}

/** The text of a WordprocessingML part as Word would show it: the <w:t> runs, unescaped. */
export function wordText(xml: string): string {
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');
}

/** Converts a DOCX to PDF with LibreOffice headless, in its own profile so parallel runs do not collide. */
export function libreOfficePdf(docx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'peel-lo-'));
  try {
    const input = path.join(dir, 'pack.docx');
    writeFileSync(input, docx);
    execFileSync(
      LIBREOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    return new Uint8Array(readFileSync(path.join(dir, 'pack.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withPdfFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'peel-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext -layout of every page (poppler separates pages with form feeds). */
export function pdfPagesText(pdf: Uint8Array): string[] {
  const text = withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** pdfinfo's fields (Title, Author, Subject, Pages, Page size, …). */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = withPdfFile(pdf, (file) => execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }));
  return Object.fromEntries(
    out.split('\n').flatMap((l) => {
      const m = /^([^:]+):\s*(.*)$/.exec(l);
      return m ? [[(m[1] ?? '').trim(), (m[2] ?? '').trim()]] : [];
    }),
  );
}

export const nonEmptyLines = (page: string): string[] =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

/** The PDF's outline (bookmarks) and named destinations, read with pdf.js. */
export async function pdfOutline(pdf: Uint8Array): Promise<{ outline: OutlineNode[]; destinations: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pkgDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    standardFontDataUrl: pathToFileURL(path.join(pkgDir, 'standard_fonts') + path.sep).href,
    verbosity: 0,
  }).promise;
  try {
    const simplify = (items: { title: string; items: unknown[] }[] | null): OutlineNode[] =>
      (items ?? []).map((i) => ({ title: i.title, items: simplify(i.items as { title: string; items: unknown[] }[]) }));
    const outline = simplify((await doc.getOutline()) as { title: string; items: unknown[] }[] | null);
    const destinations = Object.keys((await doc.getDestinations()) as Record<string, unknown>);
    return { outline, destinations };
  } finally {
    await doc.destroy();
  }
}

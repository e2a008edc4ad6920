import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../../src-core/extract/extract';
import type { Extraction } from '../../src-core/extract/types';
import { readPdfText } from '../../src-main/node/pdf-text';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The seed report in the three forms an analyst imports: Markdown, PDF-to-text output, PDF. */
export const SEED_FILES = {
  markdown: 'data/gwent-peel-effectiveness-2017.md',
  text: 'tests/fixtures/gwent-2017.txt',
  pdf: 'tests/fixtures/gwent-2017.pdf',
} as const;

export type SeedFormat = keyof typeof SEED_FILES;

export function readFixture(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(ROOT, rel)));
}

const cache = new Map<string, Promise<Extraction>>();

export function extractSeed(format: SeedFormat): Promise<Extraction> {
  const rel = SEED_FILES[format];
  let p = cache.get(rel);
  if (!p) {
    p = extractReport(path.basename(rel), readFixture(rel), { readPdf: readPdfText });
    cache.set(rel, p);
  }
  return p;
}

export function extractBytes(name: string, bytes: Uint8Array): Promise<Extraction> {
  return extractReport(name, bytes, { readPdf: readPdfText });
}

import { describe, expect, it } from 'vitest';
import { batchText } from '../../../../../src-renderer/features/reports/import-text';
import { refusal } from '../../../../../src-renderer/features/reports/report-files';

describe('files dropped on the Reports view', () => {
  it('takes Markdown, text, web page and PDF reports up to 50 MB, whatever the case of the extension', () => {
    expect(refusal({ name: 'gwent.md', size: 60_000 })).toBeNull();
    expect(refusal({ name: 'dyfed-powys-peel-2017.HTML', size: 80_000 })).toBeNull();
    expect(refusal({ name: 'GWENT.PDF', size: 50 * 1024 * 1024 })).toBeNull();
    expect(refusal({ name: 'notes.txt', size: 0 })).toBeNull();
  });

  it('refuses other types and larger files, saying what to do instead', () => {
    expect(refusal({ name: 'brief.docx', size: 10 })).toMatch(
      /^Only Markdown \(\.md\), plain text \(\.txt\), web pages \(\.html\) and PDF \(\.pdf\) reports/,
    );
    expect(refusal({ name: 'report.pdf.exe', size: 10 })).toMatch(/^Only Markdown/);
    expect(refusal({ name: 'scan.pdf', size: 51 * 1024 * 1024 })).toBe(
      'It is 51.0 MB; reports over 50 MB are refused. Import the report’s text (.txt or .md) instead.',
    );
  });

  it('sums up a several-file import in one line', () => {
    const imported = { status: 'done' as const, result: { status: 'imported' as const } };
    const duplicate = { status: 'done' as const, result: { status: 'duplicate' as const } };
    expect(batchText([imported, duplicate, { status: 'failed' }, { status: 'failed' }])).toBe(
      '4 files: 1 imported, 1 duplicate, 2 not imported.',
    );
    expect(batchText([imported, imported])).toBe('2 files: 2 imported.');
  });
});

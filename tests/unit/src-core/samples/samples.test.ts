import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../src-core/db/import-report';
import { all } from '../../../../src-core/db/sql-db';
import { DEMO_SOURCE, generateDemoSample } from '../../../../src-core/samples/demo';
import { importSamples } from '../../../../src-core/samples/import';
import { readReconciliation } from '../../../../src-core/samples/reconcile';
import { cohensKappa, readAgreement, readSampleSummary, wilson } from '../../../../src-core/samples/stats';
import { checkZipInflation, readCsvTable, SampleFileError } from '../../../../src-core/samples/table';
import { suggestMapping, validateSamples } from '../../../../src-core/samples/validate';
import { extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';
import { freshWorkspace } from '../../../helpers/workspace';

const csv = (text: string) => readCsvTable('sample.csv', new TextEncoder().encode(text));
const HEADER =
  'Case Ref,Offence,Date Recorded,Reviewer,Vulnerable?,First contact,Risk assessment,Allocated,Effective investigation,Supervision,Victim updated,Needs assessed,Notes';

describe('reading and validating a sample file', () => {
  it('maps differently named columns, reads UK dates and Y/N spellings, and keeps formula-like text as text', () => {
    const table = csv(
      [
        HEADER,
        'GW-1,Theft from the person,03/02/2017,AB,Y,Yes,y,YES,No,N/A,n,not applicable,=HYPERLINK("http://x")',
        'GW-2,GBH,3 Feb 2017,AB,N,N/A,Y,Y,Y,Y,Y,Y,+44 20 7946 0000',
        'GW-2,Rape (including attempts),2017-02-03,CD,no,na,yes,yes,yes,no,yes,yes,',
      ].join('\r\n'),
    );
    expect(suggestMapping(table.headers)).toMatchObject({
      'Case Ref': 'case_ref',
      Offence: 'crime_type',
      'Vulnerable?': 'vulnerable_victim',
      Notes: 'note',
    });
    const r = validateSamples(table, { force: 'Gwent Police' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => [x.caseRef, x.crimeType, x.dateRecorded, x.scores.vulnerable_victim, x.scores.supervision_evident])).toEqual([
      ['GW-1', 'theft from person', '2017-02-03', 'yes', 'n/a'],
      ['GW-2', 'grievous bodily harm', '2017-02-03', 'no', 'yes'],
      ['GW-2', 'rape', '2017-02-03', 'no', 'no'],
    ]);
    expect(r.rows[0]?.note).toBe('=HYPERLINK("http://x")');
    expect(r.rows[1]?.note).toBe('+44 20 7946 0000');
  });

  it('rejects the whole file, naming row, column, value and what was expected for each problem', () => {
    const table = csv(
      [
        HEADER,
        'GW-1,Burglary,31/02/2017,AB,maybe,Y,Y,Y,Y,Y,Y,Y,',
        ',Stalking,01/01/2017,AB,Y,Y,Y,Y,Y,Y,Y,Y,',
        'GW-3,Stalking,01/01/2017,AB,Y,Y,Y,Y,Y,Y,Y,Y,',
        'gw-3,Harassment,02/01/2017,ab,N,N/A,Y,Y,Y,Y,Y,Y,',
      ].join('\n'),
    );
    const r = validateSamples(table, { force: 'Gwent Police' });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          row: 2,
          column: 'Offence',
          value: 'Burglary',
          message:
            'expected one of: theft from person, rape, stalking, harassment, common assault, grievous bodily harm, actual bodily harm',
        },
        { row: 2, column: 'Date Recorded', value: '31/02/2017', message: 'expected a date such as 03/02/2017 or 3 Feb 2017 (day first)' },
        { row: 2, column: 'Vulnerable?', value: 'maybe', message: 'expected Y, N or N/A (Yes, No and Not applicable are fine too)' },
        { row: 3, column: 'Case Ref', value: '', message: 'expected a case reference' },
        {
          row: 5,
          column: 'Case Ref',
          value: 'gw-3',
          message: 'case gw-3 was already scored by ab on row 4; one reviewer scores a file once',
        },
      ],
    });
  });

  it('says which fields have no column', () => {
    const r = validateSamples(csv('Case Ref,Offence\nGW-1,Stalking\n'), { force: 'Gwent Police' });
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toContain("no column for Date recorded: map one of the file's columns to it");
    const mapped = validateSamples(csv(`${HEADER.replace('Offence', 'Kind of crime')}\nGW-1,Stalking,01/01/2017,AB,Y,Y,Y,Y,Y,Y,Y,Y,\n`), {
      force: 'Gwent Police',
      mapping: { ...suggestMapping(HEADER.replace('Offence', 'Kind of crime').split(',')), 'Kind of crime': 'crime_type' },
    });
    expect(mapped.ok).toBe(true);
  });

  it('refuses UTF-16, oversized files and zip bombs before parsing them', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x43, 0x00]);
    expect(() => readCsvTable('excel.csv', utf16)).toThrow('excel.csv is UTF-16 text; save it as CSV UTF-8 and import it again');
    expect(() => readCsvTable('huge.csv', new Uint8Array(50 * 1024 * 1024 + 1))).toThrow(
      'huge.csv is 50.1 MB; sample files over 50 MB are refused',
    );
    expect(() => checkZipInflation('notes.xlsx', new TextEncoder().encode('not a zip at all'))).toThrow(/not an XLSX workbook/);
    // A zip whose one entry declares 300 MB uncompressed, in a few bytes.
    const bomb = zipDeclaring(300 * 1024 * 1024);
    const e = (() => {
      try {
        checkZipInflation('bomb.xlsx', bomb);
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(SampleFileError);
    expect((e as SampleFileError).code).toBe('zip-bomb');
  });
});

/** The smallest ZIP: one central-directory entry with the given uncompressed size, and its end record. */
function zipDeclaring(size: number): Uint8Array {
  const cd = new Uint8Array(46 + 1);
  const dv = new DataView(cd.buffer);
  dv.setUint32(0, 0x02014b50, true);
  dv.setUint32(20, 1000, true);
  dv.setUint32(24, size, true);
  dv.setUint16(28, 1, true);
  cd[46] = 0x61;
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, 0, true);
  return new Uint8Array([...cd, ...eocd]);
}

describe('statistics', () => {
  it('Wilson intervals match published values', () => {
    // Newcombe (1998), Statistics in Medicine 17:857, example: 81/263 → 0.2553 to 0.3662.
    const a = wilson(81, 263);
    expect([a.low, a.high].map((x) => Number(x?.toFixed(4)))).toEqual([0.2553, 0.3662]);
    const b = wilson(15, 16);
    expect([b.p, b.low, b.high].map((x) => Number(x?.toFixed(4)))).toEqual([0.9375, 0.7167, 0.9889]);
    expect(wilson(0, 20)).toMatchObject({ p: 0, low: 0 });
    expect(Number(wilson(0, 20).high?.toFixed(4))).toBe(0.1611);
    expect(wilson(0, 0)).toEqual({ p: null, low: null, high: null });
  });

  it("Cohen's kappa matches the worked example", () => {
    // 50 files: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 → po 0.70, pe 0.50, kappa 0.40.
    const pairs: [string, string][] = [
      ...Array<[string, string]>(20).fill(['yes', 'yes']),
      ...Array<[string, string]>(5).fill(['yes', 'no']),
      ...Array<[string, string]>(10).fill(['no', 'yes']),
      ...Array<[string, string]>(15).fill(['no', 'no']),
    ];
    expect(cohensKappa(pairs)).toBeCloseTo(0.4, 10);
    expect(cohensKappa([['yes', 'yes']])).toBeNull();
  });
});

describe('the synthetic demo sample for Gwent', () => {
  async function gwentWithDemo() {
    const db = await freshWorkspace();
    await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
    const r = importSamples(db, generateDemoSample(), { sourceName: DEMO_SOURCE, synthetic: true, reportId: 1 });
    expect(r).toEqual({ ok: true, imported: 70 });
    return db;
  }

  it('agrees with every figure the report states about its file review', async () => {
    const db = await gwentWithDemo();
    expect(readReconciliation(db).map((r) => [r.label, r.stated, r.computed, r.matches])).toEqual([
      ['Files with a vulnerable victim', 16, 16, true],
      ['…of which allocated to the most appropriate team', 15, 15, true],
      ['…of which an effective investigation', 8, 8, true],
      ['Case files reviewed in the force', 60, 60, true],
    ]);
    expect(readReconciliation(db)[0]?.statement).toBe(
      'Of the 16 files reviewed which had a vulnerable victim, 15 were allocated to the most appropriate team and 8 had an effective investigation.',
    );
    const summary = readSampleSummary(db, { force: 'Gwent Police' });
    expect(summary).toMatchObject({ n: 60, synthetic: true });
    expect(summary.criteria[0]).toMatchObject({ key: 'vulnerable_victim', yes: 16, n: 60, smallSample: false });
    expect(summary.byCrimeType.every((t) => t.criteria.every((c) => c.smallSample))).toBe(true);
    expect(all(db, 'SELECT DISTINCT synthetic, source_name FROM review_samples')).toEqual([{ synthetic: 1, source_name: DEMO_SOURCE }]);
    expect(generateDemoSample()).toEqual(generateDemoSample()); // seeded: the same every time
  });

  it('shows a mismatch when the sample disagrees with the report', async () => {
    const db = await gwentWithDemo();
    db.run(
      "UPDATE review_samples SET allocated_appropriately = 'no' WHERE id = (SELECT min(id) FROM review_samples WHERE vulnerable_victim = 'yes' AND allocated_appropriately = 'yes' AND reviewer = 'Reviewer A')",
    );
    const allocated = readReconciliation(db)[1];
    expect(allocated).toMatchObject({ stated: 15, computed: 14, matches: false, findingId: expect.any(Number) });
  });

  it('measures agreement where a second reviewer scored the same file', async () => {
    const db = await gwentWithDemo();
    const agreement = readAgreement(db);
    expect(agreement.every((a) => a.n === 10)).toBe(true);
    expect(agreement.find((a) => a.key === 'vulnerable_victim')?.disagreements).toEqual([]);
    const again = importSamples(db, generateDemoSample().slice(0, 1), { sourceName: 'again.csv', synthetic: false });
    expect(again.ok ? [] : again.errors.map((e) => e.message)).toEqual([
      'case GW-17-001 scored by Reviewer A is already in this workspace (Gwent Police); nothing was imported',
    ]);
  });
});

describe('real review data and the synthetic demo sample', () => {
  it('are never mixed: once a real sample exists for the force, the figures come from it alone', async () => {
    const db = await freshWorkspace();
    await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
    importSamples(db, generateDemoSample(), { sourceName: DEMO_SOURCE, synthetic: true, reportId: 1 });
    const real = validateSamples(
      csv(`${HEADER}\nGW-9,Stalking,01/02/2017,AB,Y,Y,Y,Y,N,Y,Y,Y,\nGW-10,Harassment,02/02/2017,AB,N,N/A,Y,Y,Y,Y,Y,Y,\n`),
      { force: 'Gwent Police' },
    );
    expect(real.ok).toBe(true);
    if (!real.ok) return;
    importSamples(db, real.rows, { sourceName: 'gwent-real.csv', synthetic: false, reportId: 1 });
    expect(readSampleSummary(db, { force: 'Gwent Police' })).toMatchObject({ n: 2, synthetic: false });
    expect(readReconciliation(db).map((r) => [r.stated, r.computed, r.matches])).toEqual([
      [16, 1, false],
      [15, 1, false],
      [8, 0, false],
      [60, 2, false],
    ]);
    expect(readAgreement(db).every((a) => a.n === 0)).toBe(true);
    expect(validateSamples(csv(`${HEADER}\nGW-1,Stalking,01/02/2017,AB,Y,Y,Y,Y,N,Y,Y,Y,\n`), { force: ' ' })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/^no force/) }],
    });
  });
});

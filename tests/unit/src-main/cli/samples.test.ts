import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerMapping } from '../../../../src-main/cli/samples';
import { runNode } from '../../../helpers/run-node';
import { ROOT } from '../../../helpers/seed';

const BIN = path.join(ROOT, 'bin/peel-workbench.mjs');
const cli = (...args: string[]) => runNode(BIN, args);
const F = 'tests/fixtures/samples';

const EXPECTED_CRIME_TYPES =
  'expected one of: theft from person, rape, stalking, harassment, common assault, grievous bodily harm, actual bodily harm';
const BAD_ERRORS = [
  { row: 2, column: 'Crime type', value: 'Burglary', message: EXPECTED_CRIME_TYPES },
  { row: 3, column: 'Date recorded', value: '31/02/2017', message: 'expected a date such as 03/02/2017 or 3 Feb 2017 (day first)' },
  {
    row: 4,
    column: 'Vulnerability identified at first contact',
    value: 'maybe',
    message: 'expected Y, N or N/A (Yes, No and Not applicable are fine too)',
  },
  { row: 5, column: 'Case reference', value: '', message: 'expected a case reference' },
  {
    row: 7,
    column: 'Case reference',
    value: 'GW17-0205',
    message: 'case GW17-0205 was already scored by CD on row 6; one reviewer scores a file once',
  },
];

describe('peel-workbench samples check', () => {
  it.each(['good.csv', 'good.xlsx'])('passes %s: {ok, rows, errors} with every row valid', async (file) => {
    const { code, stdout, stderr } = await cli('samples', 'check', `${F}/${file}`, '--force', 'Gwent Police', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ok: true, rows: 20, errors: [] });
  });

  it('rejects bad.csv with exit code 1, still printing the JSON: each error names row, column, value and what was expected', async () => {
    const { code, stdout } = await cli('samples', 'check', `${F}/bad.csv`, '--json');
    expect(code).toBe(1);
    // Only row 6 passes; row 7 repeats its case and reviewer.
    expect(JSON.parse(stdout)).toEqual({ ok: false, rows: 1, errors: BAD_ERRORS });
  });

  it('lists the errors readably without --json', async () => {
    const { code, stdout } = await cli('samples', 'check', `${F}/bad.csv`);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'bad.csv: 5 errors; nothing can be imported until they are fixed',
      `  row 2, Crime type "Burglary": ${EXPECTED_CRIME_TYPES}`,
      '  row 3, Date recorded "31/02/2017": expected a date such as 03/02/2017 or 3 Feb 2017 (day first)',
      '  row 4, Vulnerability identified at first contact "maybe": expected Y, N or N/A (Yes, No and Not applicable are fine too)',
      '  row 5, Case reference "": expected a case reference',
      '  row 7, Case reference "GW17-0205": case GW17-0205 was already scored by CD on row 6; one reviewer scores a file once',
      '',
    ]);
  });

  it('names the fields renamed columns leave unmapped, and accepts the file once --map maps them', async () => {
    const file = `${F}/renamed-headers.csv`;
    const unmapped = await cli('samples', 'check', file, '--json');
    expect(unmapped.code).toBe(1);
    expect(JSON.parse(unmapped.stdout)).toEqual({
      ok: false,
      rows: 0,
      errors: [
        { row: 1, column: '', value: '', message: "no column for Reviewer: map one of the file's columns to it" },
        {
          row: 1,
          column: '',
          value: '',
          message: "no column for Allocated to the most appropriate team: map one of the file's columns to it",
        },
      ],
    });
    expect((await cli('samples', 'check', file)).stdout).toContain(
      'Columns not mapped to a field: "Assessed by", "Team OK?"; map one with --map "Column=field"',
    );
    const mapped = await cli(
      'samples',
      'check',
      file,
      '--map',
      'Assessed by=reviewer',
      '--map',
      'Team OK?=Allocated to the most appropriate team',
    );
    expect(mapped.stdout).toBe('renamed-headers.csv: 20 rows are valid (17 case files); ready to import\n');
    expect(mapped.code).toBe(0);
  });
});

describe('peel-workbench samples summary', () => {
  it('prints per-criterion and per-crime-type counts, proportions and 95% Wilson intervals, flagging n < 30', async () => {
    const { code, stdout } = await cli('samples', 'summary', `${F}/good.xlsx`, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      n: number;
      scorings: number;
      criteria: {
        key: string;
        yes: number;
        no: number;
        na: number;
        n: number;
        p: number;
        low: number;
        high: number;
        smallSample: boolean;
      }[];
      byCrimeType: { crimeType: string; n: number; criteria: { key: string; p: number; low: number; high: number }[] }[];
    };
    // Three files were scored twice; each counts once, with its first scoring.
    expect(out).toMatchObject({ ok: true, file: 'good.xlsx', scorings: 20, n: 17, smallSampleBelow: 30 });
    const allocated = out.criteria.find((c) => c.key === 'allocated_appropriately');
    expect(allocated).toMatchObject({ yes: 15, no: 2, na: 0, n: 17, smallSample: true });
    expect(allocated?.p).toBeCloseTo(15 / 17, 10);
    const firstContact = out.criteria.find((c) => c.key === 'vulnerability_at_first_contact');
    expect(firstContact).toMatchObject({ yes: 7, no: 3, na: 7, n: 10 });
    expect(out.byCrimeType.map((t) => [t.crimeType, t.n])).toEqual([
      ['actual bodily harm', 2],
      ['common assault', 2],
      ['grievous bodily harm', 2],
      ['harassment', 2],
      ['rape', 3],
      ['stalking', 3],
      ['theft from person', 3],
    ]);
    // 0 of 3: the Wilson interval is [0, z²/(n + z²)] = [0, 0.5615], not the Wald interval's [0, 0].
    const stalking = out.byCrimeType.find((t) => t.crimeType === 'stalking')?.criteria.find((c) => c.key === 'effective_investigation');
    expect(stalking?.p).toBe(0);
    expect(stalking?.low).toBeCloseTo(0, 12);
    expect(stalking?.high).toBeCloseTo(1.959964 ** 2 / (3 + 1.959964 ** 2), 6);
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await cli('samples', 'summary', `${F}/good.csv`);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^good\.csv: 17 case files \(20 scorings; a file scored twice counts once, with its first scoring\)/);
    expect(stdout).toMatch(/\(n < 30\) marks a small sample/);
    expect(stdout).toMatch(/^Allocated to the most appropriate team\s+15\s+2\s+0\s+17\s+88\.2%\s+65\.7% – 96\.7%\s+\(n < 30\)$/m);
    expect(stdout).toMatch(/^stalking \(3 files\)\n/m);
  });

  it('refuses to summarise an invalid file, listing its errors', async () => {
    const { code, stdout } = await cli('samples', 'summary', `${F}/bad.csv`, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({ ok: false, rows: 1, errors: BAD_ERRORS });
  });
});

describe('files refused before validation', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'peel-samples-'));
  // Sparse: 51 MB on paper, nothing on disk. Refused from its size before it is read.
  const huge = path.join(tmp, 'huge.csv');
  writeFileSync(huge, '');
  truncateSync(huge, 51 * 1024 * 1024);
  const truncated = path.join(tmp, 'truncated.xlsx');
  const good = readFileSync(path.join(ROOT, F, 'good.xlsx'));
  writeFileSync(truncated, good.subarray(0, good.length >> 1));

  it.each([
    ['bomb.xlsx', `${F}/bomb.xlsx`, 'bomb.xlsx would inflate to 256 MB from 255 KB; refused as unsafe to open (a "zip bomb")'],
    ['huge.csv', huge, 'huge.csv is 51.0 MB; sample files over 50 MB are refused'],
    ['truncated.xlsx', truncated, 'truncated.xlsx is not an XLSX workbook (no ZIP directory found); save it as .xlsx or .csv'],
    ['bom-utf16.csv', `${F}/bom-utf16.csv`, 'bom-utf16.csv is UTF-16 text; save it as CSV UTF-8 and import it again'],
    ['a missing file', `${F}/no-such.csv`, `${F}/no-such.csv does not exist`],
  ])('refuses %s with exit code 1 and one line', async (_, file, reason) => {
    const { code, stdout, stderr } = await cli('samples', 'check', file, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`peel-workbench: ${reason}\n`);
  });

  it('refuses a --map that names no column or no field', async () => {
    const noColumn = await cli('samples', 'check', `${F}/good.csv`, '--map', 'Crime=crime_type');
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toMatch(
      /^peel-workbench: --map "Crime=crime_type": the file has no column "Crime"; its columns are "Case reference", /,
    );
    const noField = await cli('samples', 'check', `${F}/good.csv`, '--map', 'Note=remarks');
    expect(noField.stderr).toMatch(/^peel-workbench: --map "Note=remarks": "remarks" is not a field; the fields are force, case_ref, /);
  });
});

describe('header mapping from --map', () => {
  const headers = ['Crime', 'Offence', 'Ref', 'Notes'];

  it('overrides a guess and takes the field from the column it was guessed for, so the two do not clash', () => {
    expect(headerMapping(headers, [])).toMatchObject({ Crime: 'crime_type', Offence: null });
    expect(headerMapping(headers, ['Offence=crime_type'])).toMatchObject({ Crime: null, Offence: 'crime_type' });
  });

  it('matches column names case-insensitively, fields by key or label, and ignores a column mapped to nothing', () => {
    expect(headerMapping(headers, ['ref=Case reference', 'NOTES='])).toMatchObject({ Ref: 'case_ref', Notes: null });
  });
});

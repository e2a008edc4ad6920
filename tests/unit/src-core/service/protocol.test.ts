import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ROWS, MAX_REPORT_BYTES, parseToWorker } from '../../../../src-core/service/protocol';

const KEY = '0b'.repeat(32);
const request = (request: unknown, id: unknown = 7) => parseToWorker({ kind: 'request', id, request });

function refused(parsed: ReturnType<typeof parseToWorker>) {
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed;
}

describe('the DB worker protocol', () => {
  it('accepts every request the client sends', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    for (const r of [
      { type: 'open', handle: 'a1_b-2', name: 'Default workspace', snapshot: bytes, journal: '', seal: null, sealKey: KEY },
      {
        type: 'open',
        handle: 'a1_b-2',
        name: 'Default workspace',
        snapshot: bytes,
        journal: '',
        seal: `hmac-sha256-16m:${'0a'.repeat(32)}:3`,
        sealKey: KEY,
      },
      { type: 'findings.page', query: {}, offset: 0, limit: 100 },
      {
        type: 'findings.page',
        query: { search: 'custody', sort: [{ column: 'kind', direction: 'desc' }] },
        offset: 200,
        limit: MAX_PAGE_ROWS,
      },
      { type: 'findings.count', query: { kinds: ['concern'], includeInBrief: true } },
      {
        type: 'findings.facets',
        query: { tags: ['drugs'], rags: ['none'], contains: [{ column: 'section', value: 'vulnerable' }] },
      },
      { type: 'findings.detail', id: 45 },
      { type: 'tags.suggest', prefix: 'co', limit: 20 },
      { type: 'views.list', view: 'findings' },
      { type: 'undo', author: 'Analyst', at: '2026-11-27T09:30:00.000Z' },
      { type: 'redo', author: 'Analyst', at: '2026-11-27T09:30:00.000Z' },
      { type: 'undo.state' },
      { type: 'reports.overview' },
      { type: 'edit', op: 'annotation.set', params: { anything: 'the session checks it' } },
      { type: 'checkpoint' },
      { type: 'import', name: 'report.pdf', bytes },
      { type: 'snapshot' },
    ]) {
      expect(request(r), r.type).toEqual({ ok: true, message: { kind: 'request', id: 7, request: r } });
    }
    expect(parseToWorker({ kind: 'storage-reply', id: 3, reply: { ok: false, message: 'disk full' } }).ok).toBe(true);
  });

  it('refuses malformed requests with a message that names the field, and keeps the id for the answer', () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'sql', sql: 'DROP TABLE findings' }, /type/],
      [{ type: 'findings.page', query: {}, offset: -1, limit: 100 }, /offset/],
      [{ type: 'findings.page', query: {}, offset: 0, limit: 0 }, /limit/],
      [{ type: 'findings.page', query: {}, offset: 0, limit: MAX_PAGE_ROWS + 1 }, /limit/],
      [{ type: 'findings.page', query: {}, offset: 0.5, limit: 10 }, /offset/],
      [{ type: 'findings.count', query: { sort: [{ column: 'text; DROP TABLE x', direction: 'asc' }] } }, /query\.sort\.0\.column/],
      [{ type: 'findings.count', query: { search: 'x'.repeat(501) } }, /query\.search/],
      [{ type: 'findings.count', query: { kinds: ['gossip'] } }, /query\.kinds/],
      [
        { type: 'open', handle: '../../etc/passwd', name: 'x', snapshot: new Uint8Array(), journal: '', seal: null, sealKey: KEY },
        /handle/,
      ],
      [{ type: 'open', handle: 'h', name: 'x', snapshot: [1, 2, 3], journal: '', seal: null, sealKey: KEY }, /snapshot/],
      // A seal only ever has one shape: anything else (or none at all) is refused, not passed on.
      [{ type: 'open', handle: 'h', name: 'x', snapshot: new Uint8Array(), journal: '', sealKey: KEY }, /seal/],
      [
        {
          type: 'open',
          handle: 'h',
          name: 'x',
          snapshot: new Uint8Array(),
          journal: '',
          seal: `hmac-sha256-16m:${'0A'.repeat(32)}:3`,
          sealKey: KEY,
        },
        /seal/,
      ],
      [
        {
          type: 'open',
          handle: 'h',
          name: 'x',
          snapshot: new Uint8Array(),
          journal: '',
          seal: `hmac-sha256-16m:${'0a'.repeat(32)}:3\n`,
          sealKey: KEY,
        },
        /seal/,
      ],
      [
        { type: 'open', handle: 'h', name: 'x', snapshot: new Uint8Array(), journal: '', seal: `md5:${'0a'.repeat(16)}:3`, sealKey: KEY },
        /seal/,
      ],
      // The unkeyed seal of earlier versions is not a seal any more.
      [
        {
          type: 'open',
          handle: 'h',
          name: 'x',
          snapshot: new Uint8Array(),
          journal: '',
          seal: `sha256-16m:${'0a'.repeat(32)}:3`,
          sealKey: KEY,
        },
        /seal/,
      ],
      // So does the installation's seal key, and where the host stopped reading the journal.
      [{ type: 'open', handle: 'h', name: 'x', snapshot: new Uint8Array(), journal: '', seal: null }, /sealKey/],
      [
        { type: 'open', handle: 'h', name: 'x', snapshot: new Uint8Array(), journal: '', seal: null, sealKey: KEY.toUpperCase() },
        /sealKey/,
      ],
      [
        {
          type: 'open',
          handle: 'h',
          name: 'x',
          snapshot: new Uint8Array(),
          journal: '',
          seal: null,
          sealKey: KEY,
          journalCut: { line: 1, reason: 'torn', bytes: 3 },
        },
        /journalCut/,
      ],
      [{ type: 'import', name: 'big.pdf', bytes: { length: MAX_REPORT_BYTES + 1 } }, /bytes/],
      [{ type: 'edit', op: '', params: {} }, /op/],
    ];
    for (const [r, field] of cases) {
      const parsed = refused(request(r));
      expect(parsed.id).toBe(7);
      expect(parsed.error.code).toBe('invalid-request');
      expect(parsed.error.message, JSON.stringify(r).slice(0, 80)).toMatch(field);
      expect(parsed.error.message).not.toContain('DROP TABLE');
    }
  });

  it('refuses reports over 50 MB', () => {
    const parsed = refused(request({ type: 'import', name: 'big.pdf', bytes: new Uint8Array(MAX_REPORT_BYTES + 1) }));
    expect(parsed.error.message).toMatch(/larger than 50 MB/);
  });

  it('cannot answer a message without a usable id, and says so', () => {
    expect(refused(parseToWorker({ kind: 'request', request: { type: 'checkpoint' } })).id).toBeNull();
    expect(refused(parseToWorker({ kind: 'request', id: -1, request: { type: 'checkpoint' } })).id).toBeNull();
    expect(refused(parseToWorker('hello')).id).toBeNull();
    expect(refused(parseToWorker(null)).id).toBeNull();
    expect(refused(parseToWorker({ kind: 'storage-reply', id: 1, reply: { ok: 'yes' } })).error.code).toBe('invalid-request');
  });
});

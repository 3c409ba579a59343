import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv.js';
import { readCandidateCsv, splitTags } from './import.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, embedded commas and newlines, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\nlast,')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['last', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('csvCell (CSV injection)', () => {
  it('prefixes formula-leading cells with a quote and quotes what needs it', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'plain', 'a,b', 'say "x"'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", 'plain', '"a,b"', '"say ""x"""']);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect([null, undefined, 3.5].map(csvCell)).toEqual(['', '', '3.5']);
  });

  it('is safe in a spreadsheet that splits on semicolons (issue 11): a cell with ; is quoted', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Ann;=HYPERLINK("http://evil","x")')).toBe(`"Ann;=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell(-2)).toBe('-2');
    // Read the file the way a semicolon-splitting spreadsheet does (quotes honoured, ; separates cells).
    const text = toCsv(['name', 'tags'], [['Ann;=1+1', 'x;@SUM(A1)'], ['Bob', 'a; -3']]);
    for (const line of text.trim().split('\r\n')) {
      const cells = line.match(/("([^"]|"")*"|[^;"])+/g) ?? [];
      for (const cell of cells) expect(cell.replace(/^"/, ''), line).not.toMatch(/^[=+\-@]/);
    }
  });

  it('round-trips through the parser', () => {
    const text = toCsv(['a', 'b'], [['=x', 'p,q']]);
    expect(text).toBe(`a,b\r\n'=x,"p,q"\r\n`);
    expect(parseCsv(text)).toEqual([['a', 'b'], ["'=x", 'p,q'], ]);
  });
});

describe('readCandidateCsv', () => {
  it('accepts rows with and without a header and optional columns', () => {
    const { rows, errors } = readCandidateCsv('Ann,ANN@x.org\nBen,ben@x.org,a; b |a,grp', new Set());
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 1, name: 'Ann', email: 'ann@x.org', tags: [], group: null },
      { line: 2, name: 'Ben', email: 'ben@x.org', tags: ['a', 'b'], group: 'grp' },
    ]);
  });

  it('reports each bad row by line', () => {
    const { rows, errors } = readCandidateCsv('name,email\nA,a@x.org\n,b@x.org\nC,c@\nD,a@x.org\nE,e@x.org,t,g,extra\nF,old@x.org', new Set(['old@x.org']));
    expect(rows.map((r) => r.name)).toEqual(['A']);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
  });

  it('refuses files over the row limit as a whole', () => {
    const big = Array.from({ length: 5001 }, (_, i) => `n${i},n${i}@x.org`).join('\n');
    expect(readCandidateCsv(big, new Set())).toEqual({ rows: [], errors: [{ line: 0, message: 'The file has more than 5000 rows: split it.' }] });
  });

  it('splits tags on ; and |', () => {
    expect(splitTags(' a ;b|a;;')).toEqual(['a', 'b']);
  });
});

/**
 * The layouts corpus (tests/fixtures/layouts): every sheet's kind and every stated field → column
 * must be recognised. Prints `layouts: N/N sheets kind right, M/M fields mapped` and fails below 100 %.
 */
import { recognizeSheet } from '../../../src/ledger/recognize';
import { columnLetter } from '../../../src/ledger/grid';
import { LAYOUTS } from '../../fixtures/layouts';

interface Miss {
  readonly where: string;
  readonly what: string;
}

function measure(): { sheets: number; kindsRight: number; fields: number; mapped: number; misses: Miss[] } {
  let sheets = 0;
  let kindsRight = 0;
  let fields = 0;
  let mapped = 0;
  const misses: Miss[] = [];
  for (const layout of LAYOUTS) {
    for (const e of layout.expect) {
      const grid = layout.grids.find((g) => g.sheet === e.sheet);
      if (!grid) throw new Error(`${layout.name}: no sheet ${e.sheet}`);
      const model = recognizeSheet(grid);
      sheets++;
      const where = `${layout.name}!${e.sheet}`;
      if (model.kind === e.kind) kindsRight++;
      else misses.push({ where, what: `kind ${model.kind}, expected ${e.kind}` });
      const byField = model.columns as ReadonlyMap<string, number>;
      for (const [field, col] of Object.entries(e.fields)) {
        fields++;
        const got = byField.get(field);
        if (got !== undefined && columnLetter(got) === col) mapped++;
        else misses.push({ where, what: `${field}: ${got === undefined ? 'not mapped' : columnLetter(got)}, expected ${col}` });
      }
    }
  }
  return { sheets, kindsRight, fields, mapped, misses };
}

describe('layouts corpus', () => {
  it('has at least 25 workbooks, each citing its source and stating kinds and fields', () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(25);
    for (const l of LAYOUTS) {
      expect(l.source.length).toBeGreaterThan(10);
      expect(l.expect.length).toBeGreaterThan(0);
      for (const e of l.expect) expect(Object.keys(e.fields).length).toBeGreaterThan(1);
    }
    expect(new Set(LAYOUTS.map((l) => l.name)).size).toBe(LAYOUTS.length);
  });

  it('recognises every sheet kind and every stated field', () => {
    const r = measure();
    const line = `layouts: ${r.kindsRight}/${r.sheets} sheets kind right, ${r.mapped}/${r.fields} fields mapped`;
    // The figure is the point of this test: print it for the closing note.
    console.log([line, ...r.misses.map((m) => `  ${m.where}: ${m.what}`)].join('\n'));
    expect(r.misses).toEqual([]);
    expect(r.kindsRight).toBe(r.sheets);
    expect(r.mapped).toBe(r.fields);
  });
});

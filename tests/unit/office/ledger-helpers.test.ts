import { msg } from '../../../src/i18n/message';
import { cellBlocks, packBlocks, utf8Length } from '../../../src/ledger/chunk';
import { needsTextGuard, valueEntry } from '../../../src/ledger/text-entry';
import { parseAreas, uncoveredRows } from '../../../src/ledger/a1-areas';
import { decodeSnapshot, encodeSnapshot } from '../../../src/ledger/undo-codec';
import { cadreFormulasToValues, isCadreFormula, repairCadreFormulas, repairedFormula } from '../../../src/ledger/transforms/cadre-formulas';
import type { Grid } from '../../../src/ledger/grid';

describe('cellBlocks / packBlocks', () => {
  it('covers exactly the written cells with few rectangles', () => {
    const cells = [];
    for (let r = 0; r < 1000; r++) cells.push({ row: r, col: 2, item: r }, { row: r, col: 3, item: -r });
    cells.push({ row: 5, col: 7, item: 99 });
    const blocks = cellBlocks(cells);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ top: 0, left: 2 });
    expect(blocks[0].items[999]).toEqual([999, -999]);
    expect(blocks[1]).toEqual({ top: 5, left: 7, items: [[99]] });
  });

  it('splits by rows so no batch exceeds the budget', () => {
    const blocks = cellBlocks(Array.from({ length: 100 }, (_, r) => ({ row: r, col: 0, item: 'x'.repeat(100) })));
    const batches = packBlocks(blocks, (items) => items.length * 102, 1000, 100);
    expect(batches.length).toBeGreaterThan(10);
    for (const b of batches) expect(b.reduce((n, x) => n + 100 + x.items.length * 102, 0)).toBeLessThanOrEqual(1000);
    expect(batches.flat().reduce((n, b) => n + b.items.length, 0)).toBe(100);
  });

  it('counts UTF-8 bytes', () => expect(utf8Length('a干😀')).toBe(1 + 3 + 4));
});

describe('text guard', () => {
  it.each(['=SUM(A1)', '+86 123', '-5 days', '@home', '00123', '1985.10', '1985年3月', 'TRUE', '#N/A', "'x", ' 3'])('guards %s', (t) => {
    expect(needsTextGuard(t)).toBe(true);
    expect(valueEntry(t)).toBe(`'${t}`);
  });
  it.each(['张三', '科员', 'Zhang San'])('leaves plain text %s alone', (t) => expect(valueEntry(t)).toBe(t));
  it('writes other values as they are', () => {
    expect(valueEntry(null)).toBe('');
    expect(valueEntry(3)).toBe(3);
    expect(valueEntry({ error: '#N/A' })).toBe('#N/A');
  });
});

describe('A1 areas', () => {
  it('parses Excel multi-area addresses, quoted sheet names included', () => {
    expect(parseAreas("'a, b''s'!$A$1:$B$4, 'a, b''s'!D6")).toEqual([
      { top: 0, left: 0, bottom: 3, right: 1 },
      { top: 5, left: 3, bottom: 5, right: 3 },
    ]);
    expect(uncoveredRows(0, 6, parseAreas('S!A1:C2,S!A5:C5'))).toEqual([2, 3, 5, 6]);
  });
});

describe('undo codec', () => {
  it('round-trips a snapshot in chunks below the cell limit and rejects damage', () => {
    const s = {
      id: 'u1',
      createdAt: '2026-01-01T00:00:00.000Z',
      label: msg('改', 'change'),
      cells: Array.from({ length: 2000 }, (_, i) => ({ sheet: '表', row: i, col: 1, state: { value: `值${i}`, formula: null, numberFormat: '@' } })),
      createdSheets: [],
    };
    const chunks = encodeSnapshot(s);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(32_767);
    expect(decodeSnapshot(chunks)).toEqual(s);
    expect(decodeSnapshot(chunks.slice(1))).toBeNull();
  });
});

function grid(cells: { r: number; c: number; v: Grid['values'][number][number]; f: string | null }[]): Grid {
  const rows = 3,
    cols = 3;
  const values = Array.from({ length: rows }, () => Array(cols).fill(null));
  const formulas = Array.from({ length: rows }, () => Array(cols).fill(null));
  for (const x of cells) {
    values[x.r][x.c] = x.v;
    formulas[x.r][x.c] = x.f;
  }
  return {
    sheet: '推荐',
    rowCount: rows,
    colCount: cols,
    values,
    formulas,
    numberFormats: Array.from({ length: rows }, () => Array(cols).fill('0%')),
    merges: [],
    hiddenRows: [],
    protected: false,
    visibility: 'visible',
  };
}

describe('CADRE formula sharing transforms', () => {
  const g = grid([
    { r: 0, c: 0, v: 0.5, f: '=CADRE.VOTERATIO(B1,C1)' },
    { r: 0, c: 1, v: { error: '#NAME?' }, f: '=[2]!_xldudf_CADRE_VOTEPASS(A1,"原班子")' },
    { r: 1, c: 0, v: { error: '#NAME?' }, f: '=CADRE.NOTICEEND(A2)' },
    { r: 1, c: 1, v: 3, f: '=SUM(A1:A2)' },
    { r: 2, c: 2, v: 'x', f: null },
  ]);

  it('recognises and repairs _xldudf_ names', () => {
    expect(isCadreFormula('=SUM(A1)')).toBe(false);
    expect(isCadreFormula('=_xldudf_CADRE_IDMASK(A1)')).toBe(true);
    expect(repairedFormula('=IF(Other.xla!_xldudf_CADRE_IDCHECK(A1),1,0)+_xldudf_CADRE_IDMASK(B1)')).toBe('=IF(CADRE.IDCHECK(A1),1,0)+CADRE.IDMASK(B1)');
  });

  it('「公式转为数值」 keeps results and formats, skips #NAME? cells', () => {
    const { plan, skipped } = cadreFormulasToValues(g);
    expect(plan.edits.map((e) => [e.row, e.col, e.new])).toEqual([[0, 0, { value: 0.5 }]]);
    expect(skipped.map((s) => [s.row, s.col])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(cadreFormulasToValues(g, { top: 2, left: 0, bottom: 2, right: 2 }).plan.edits).toEqual([]);
  });

  it('「修复公式」 restores names and re-enters #NAME? formulas, nothing else', () => {
    const plan = repairCadreFormulas(g);
    expect(plan.edits.map((e) => [e.row, e.col, e.new.formula, e.code])).toEqual([
      [0, 1, '=CADRE.VOTEPASS(A1,"原班子")', 'share.repair-xldudf'],
      [1, 0, '=CADRE.NOTICEEND(A2)', 'share.reenter-name-error'],
    ]);
  });
});

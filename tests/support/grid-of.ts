/** A Grid from rows of values (padded to the widest row), General formats, no merges. */
import type { CellValue, Grid } from '../../src/ledger/grid';

export function gridOf(rows: readonly (readonly CellValue[])[], sheet = '花名册'): Grid {
  const colCount = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(colCount - r.length).fill(null)]);
  return {
    sheet,
    rowCount: rows.length,
    colCount,
    values,
    formulas: values.map((r) => r.map(() => null)),
    numberFormats: values.map((r) => r.map(() => 'General')),
    merges: [],
    hiddenRows: [],
    protected: false,
    visibility: 'visible',
  };
}

/**
 * A ledger too big for `push(...list)`: check once spread every sheet's findings into one list,
 * and past about 120,000 findings V8 threw "Maximum call stack size exceeded" (a 250k-row roster
 * crashed `cadre-ledger check`). 150,000 rows whose names all carry a digit give 150,000 findings.
 */
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import type { CellValue, Grid } from '../../../src/ledger/grid';
import { DEFAULT_POLICY } from '../../../src/policy/policy';

const ROWS = 150000;

function roster(): Grid {
  const values: CellValue[][] = [['序号', '姓名', '性别', '现任职务']];
  for (let i = 0; i < ROWS; i++) values.push([i + 1, `干部${i}`, i % 2 ? '男' : '女', '科员']);
  const general = ['General', 'General', 'General', 'General'];
  const none = [null, null, null, null];
  return {
    sheet: '花名册',
    rowCount: values.length,
    colCount: 4,
    values,
    formulas: values.map(() => none),
    numberFormats: values.map(() => general),
    merges: [],
    hiddenRows: [],
    protected: false,
    visibility: 'visible',
  };
}

describe('a very big ledger', () => {
  it(`checks ${ROWS} rows and reports every finding`, () => {
    const { findings } = checkWorkbook([roster()], { policy: DEFAULT_POLICY, asOf: { y: 2023, m: 6, d: 30 } });
    expect(findings.filter((f) => f.code === 'name.suspicious')).toHaveLength(ROWS);
    expect(findings.find((f) => f.code === 'name.suspicious')).toMatchObject({ sheet: '花名册', row: 1, col: 1 });
    expect(findings.filter((f) => f.code === 'name.suspicious').at(-1)).toMatchObject({ row: ROWS, col: 1 });
  });
});

/**
 * The concrete failures of issue 11, each a test that failed on the engine before and passes now:
 * a probation ledger whose start column is headed 任职时间, a month kept as a real date compared
 * with the ID's day, a cadre-system export and a post-holding record.
 */
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { columnLetter } from '../../../src/ledger/grid';
import { D, id18, sheet } from '../../fixtures/layouts/kit';
import { LAYOUTS } from '../../fixtures/layouts';

const AS_OF = { y: 2025, m: 3, d: 10 };
const ctx = { policy: DEFAULT_POLICY, asOf: AS_OF };

describe('a probation ledger with 任职时间 (issue 11, failure 1)', () => {
  const g = sheet('试用期干部', [
    ['新提拔领导干部试用期管理台账'],
    ['序号', '姓名', '现任职务', '任职时间', '期满考核结果'],
    [1, '许一', '县商务局局长', D(2023, 6, 1), ''],
  ]);

  it('reads 任职时间 as the probation start, not 任现职时间', () => {
    const m = recognizeSheet(g);
    expect(m.kind).toBe('probation');
    expect(m.columns.get('probationStart')).toBe(3);
    expect(m.columns.has('postSince')).toBe(false);
  });

  it('runs the probation check: the probation ended 2024-06-01 without an assessment', () => {
    const { findings } = checkWorkbook([g], ctx);
    const codes = findings.map((f) => f.code);
    expect(codes).toContain('probation.awaiting-assessment');
    expect(codes).not.toContain('ledger.column-missing');
  });

  it('reads 任职时间 as 任现职时间 in a roster', () => {
    const roster = sheet('花名册', [
      ['姓名', '出生年月', '参加工作时间', '任职时间'],
      ['张三', '1985.03', '2007.07', '2019.03'],
    ]);
    const m = recognizeSheet(roster);
    expect(m.kind).toBe('roster');
    expect(m.columns.get('postSince')).toBe(3);
  });
});

describe('出生年月 kept as a real date (issue 11, failure 2)', () => {
  const id = id18('11010119880710123');
  it.each([
    ['出生年月', D(1988, 7, 1), false],
    ['出生年月', D(1988, 7, 1, 'yyyy/m/d'), false],
    ['出生年月', D(1988, 8, 1), true],
    ['出生日期', D(1988, 7, 1), true],
    ['出生日期', D(1988, 7, 10), false],
    ['出生年月', '1988.07', false],
  ])('%s %p against ID 1988-07-10 → mismatch %p', (header, birth, mismatch) => {
    const g = sheet('花名册', [
      ['姓名', header, '身份证号'],
      ['王五', birth, id],
    ]);
    const { findings } = checkWorkbook([g], ctx);
    expect(findings.some((f) => f.code === 'cross.id-birth-mismatch')).toBe(mismatch);
  });

  it('compares birth dates across sheets at the coarser column (出生年月 vs 出生日期)', () => {
    const a = sheet('花名册', [
      ['姓名', '出生年月', '参加工作时间'],
      ['王五', D(1988, 7, 1), '2010.07'],
    ]);
    const b = sheet('公示', [
      ['姓名', '出生日期', '公示开始日期', '公示截止日期'],
      ['王五', D(1988, 7, 10), D(2025, 3, 3), D(2025, 3, 7)],
    ]);
    const { findings } = checkWorkbook([a, b], ctx);
    expect(findings.filter((f) => f.code === 'xsheet.birth-mismatch')).toEqual([]);
  });
});

describe('exports of other systems (issue 11, failure 3)', () => {
  it('maps all 15 columns of the quoted roster export', () => {
    const layout = LAYOUTS.find((l) => l.name === 'system-export-15.xlsx');
    const m = recognizeSheet(layout!.grids[0]);
    expect(m.columns.size).toBe(15);
    expect(m.unmatched).toEqual([]);
    expect(m.kind).toBe('roster');
  });

  it('classifies a post-holding record (任职日期 | 任职始任日期) as a roster, not a probation ledger', () => {
    const m = recognizeSheet(
      sheet('任职信息', [
        ['姓名', '职务', '任职日期', '任职始任日期'],
        ['褚四', '馆长', D(2022, 9, 1), D(2018, 9, 1)],
      ]),
    );
    expect(m.kind).toBe('roster');
    expect(columnLetter(m.columns.get('postSince') ?? -1)).toBe('C');
    expect(columnLetter(m.columns.get('postFirstSince') ?? -1)).toBe('D');
  });
});

describe('columns read by their values', () => {
  it.each([
    ['证照号码', id18('43010219840712005'), 'idNumber'],
    // An ID typed as a number is still an ID column (the parser then reports the lost digits).
    ['证照号码', 430102198407120060, 'idNumber'],
    // Pinyin column codes of system exports (XB = 性别, MZ = 民族).
    ['XB', '男', 'sex'],
    ['MZ', '土家族', 'ethnicity'],
    ['族别', '土家族', 'ethnicity'],
    ['首次参加工作', '2006.07', 'workStart'],
    ['出生(公历)', D(1984, 7, 12), 'birth'],
    ['民主测评不称职人数', 3, 'incompetentVotes'],
    ['实际参加测评人数', 40, 'present'],
    ['编号', 3, null],
    ['备用', '2006.07', null],
    ['说明', '某某情况', null],
  ])('%s holding %p → %p', (header, value, field) => {
    const m = recognizeSheet(
      sheet('名册', [
        ['姓名', '职务', header],
        ['蒋六', '副局长', value],
        ['沈七', '局长', value],
      ]),
    );
    const found = [...m.inferred.entries()].find(([, c]) => c === 2)?.[0] ?? null;
    expect(found).toBe(field);
  });

  it('never overrides a column a header names', () => {
    const id = id18('43010219840712005');
    const m = recognizeSheet(
      sheet('名册', [
        ['姓名', '身份证号', '证照号码'],
        ['蒋六', id, id],
      ]),
    );
    expect(m.columns.get('idNumber')).toBe(1);
    expect(m.inferred.size).toBe(0);
  });
});

describe('per-year grade columns', () => {
  it('reads the latest year as the grade in force, in either order', () => {
    const m = recognizeSheet(
      sheet('考核', [
        ['姓名', '2024年度考核等次', '2022年度考核等次', '2023年度考核等次'],
        ['邹五', '称职', '优秀', '称职'],
      ]),
    );
    expect(m.columns.get('grade')).toBe(1);
    expect(m.kind).toBe('assessment');
  });
});

describe('a probation start kept to the month', () => {
  it('is reported on its cell, never skipped silently', () => {
    const g = sheet('试用期干部', [['试用期干部管理台账'], ['姓名', '职务', '任职时间'], ['许一', '局长', '2023.06']]);
    const f = checkWorkbook([g], ctx).findings.find((x) => x.code === 'probation.start-imprecise');
    expect(f).toMatchObject({ row: 2, col: 2, severity: 'warning' });
    expect(f?.message['zh-CN']).toBe('试用期开始 2023.06 只写到月，无法计算期满日期，未核对；请填写到日');
  });
});

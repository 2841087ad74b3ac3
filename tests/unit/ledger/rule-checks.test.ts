/**
 * The ledger texts the new rule checks read (四.3 resignation kinds and classified posts, 三.5
 * adjustment intentions, 二.4 asset details in a notice) and where the checks attach: table-driven. Exact findings per cell are in
 * fixtures.test.ts (resignation.xlsx, audit-orglife.xlsx, complaints-resignation.xlsx).
 */
import { resignationKindOf, sensitivePostOf } from '../../../src/ledger/checks/resignation';
import { adjustmentIntentOf } from '../../../src/ledger/checks/audit';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import type { Grid } from '../../../src/ledger/grid';
import { gridOf } from '../../support/grid-of';

describe('resignation texts (四.3)', () => {
  it.each([
    ['申请辞职', '申请辞职'],
    ['个人申请辞去职务', '申请辞职'],
    ['引咎辞职', '引咎辞职'],
    ['责令 辞职', '责令辞职'],
    ['调离', null],
    ['', null],
  ])('kind %p → %p', (text, kind) => expect(resignationKindOf(text)).toBe(kind));

  it.each([
    ['是', true],
    ['是（涉密岗位）', true],
    ['涉及国家安全', true],
    ['√', true],
    ['否', false],
    ['不涉密', false],
    ['非涉密', false],
    ['', false],
  ])('classified post %p → %p', (text, yes) => expect(sensitivePostOf(text)).toBe(yes));
});

describe('adjustment intentions (三.5)', () => {
  it.each([
    ['拟任', '拟任'],
    ['拟提拔', '拟任'],
    ['拟免', '拟免'],
    ['免去现职', '拟免'],
    ['交流', '交流'],
    ['轮岗交流', '交流'],
    ['继续留任观察', null],
    ['', null],
  ])('%p → %p', (text, intent) => expect(adjustmentIntentOf(text)).toBe(intent));
});

const grid = (rows: (string | number | null)[][]): Grid => gridOf(rows, 'S');

describe('new columns are recognised', () => {
  it.each([
    [['姓名', '应参加次数', '实参加次数'], 'roster', { name: 'A', meetingsHeld: 'B', meetingsAttended: 'C' }],
    [
      ['姓名', '拟任职务', '公示开始日期', '公示截止日期', '公示结果'],
      'notice',
      { name: 'A', proposedPost: 'B', noticeStart: 'C', noticeEnd: 'D', noticeResult: 'E' },
    ],
    [
      ['姓名', '辞职类型', '书面申请', '辞职原因', '批准日期', '离岗日期'],
      'resignation',
      { name: 'A', resignKind: 'B', resignApplication: 'C', resignReason: 'D', approvalDate: 'E', leftDate: 'F' },
    ],
    [['被反映人', '反映问题', '任现职时间', '问题发生时间'], 'complaints', { name: 'A', complaintIssue: 'B', postSince: 'C', problemDate: 'D' }],
    [
      ['考察对象姓名', '考察职位', '考察结果', '调整意向', '经济审计', '审计日期', '决定日期'],
      'inspection',
      { name: 'A', targetPost: 'B', inspectionResult: 'C', adjustIntent: 'D', audit: 'E', auditDate: 'F', decisionDate: 'G' },
    ],
  ])('%p → %s', (header, kind, columns) => {
    const m = recognizeSheet(grid([header, ['张三', ...header.slice(1).map(() => 'x')]]));
    expect(m.kind).toBe(kind);
    const letters = Object.fromEntries([...m.columns.entries()].map(([f, c]) => [f, String.fromCharCode(65 + c)]));
    expect(letters).toEqual(columns);
  });
});

describe('notice sheets: 家庭财产申报结果 with asset details (notice.asset-details)', () => {
  const header = ['姓名', '拟任职务', '家庭财产申报结果', '公示开始日期', '公示截止日期'];
  const assetFindings = (rows: (string | number | null)[][]) => {
    const { findings } = checkWorkbook([grid([header, ...rows])], { policy: DEFAULT_POLICY, asOf: { y: 2025, m: 3, d: 10 } });
    return findings.filter((f) => f.code === 'notice.asset-details').map((f) => [f.row, f.col, f.severity]);
  };

  it('flags the cell of each row that lists assets, as a warning, dated or not', () => {
    expect(
      assetFindings([
        ['张三', '县农业农村局局长', '存款30万元，住房两套共260平方米', '2025-03-03', '2025-03-07'],
        ['李四', '县农业农村局局长', '已如实申报', '2025-03-03', '2025-03-07'],
        ['王五', '县统计局副局长', '轿车1辆', null, null],
        ['赵六', '县统计局副局长', '经核查无异常（2025年3月）', null, null],
      ]),
    ).toEqual([
      [1, 2, 'warning'],
      [3, 2, 'warning'],
    ]);
  });

  it('the finding names the kinds of detail, not the figures', () => {
    const { findings } = checkWorkbook([grid([header, ['张三', '局长', '住房120平方米', null, null]])], {
      policy: DEFAULT_POLICY,
      asOf: { y: 2025, m: 3, d: 10 },
    });
    const f = findings.find((x) => x.code === 'notice.asset-details');
    expect(f?.message['zh-CN']).toContain('面积');
    expect(f?.message['zh-CN']).not.toContain('120');
    expect(f?.message['en-US']).not.toContain('120');
  });
});

/**
 * Fixture workbooks for the brief, built from code: one with something in every section (as of
 * 2025-03-10) and one with nothing to report. Full ID numbers, day-precision birth dates and
 * family-asset details are in the ledgers on purpose: the brief must never show them.
 */
import ExcelJS from 'exceljs';
import type { Grid } from '../../../src/ledger/grid';
import type { LocalDate } from '../../../src/values/local-date';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { d, id18 } from '../../fixtures/build';

export const AS_OF: LocalDate = { y: 2025, m: 3, d: 10 };

/** IDs of the roster, to assert they never appear in a brief. */
export const ROSTER_IDS = [
  id18('11010119780512001'),
  id18('11010119800315002'),
  id18('11010119820708003'),
  id18('11010119830909004'),
  id18('11010119851120005'),
  id18('11010119860101006'),
];

/** Text in the 家庭财产申报结果 column, which must never reach a brief. */
export const ASSET_TEXT = '住房一套120平方米，存款30万元';

/** A full ID typed into a free-text cell (公示结果), which the privacy guard must mask. */
export const STRAY_ID = id18('32010219790101123');

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function title(ws: ExcelJS.Worksheet, text: string, lastCol: number): void {
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = text;
}

export const AGRI = '县农业农村局局长';
export const STATS = '县统计局副局长';

/** Every section has something: 一职双备 pairs, probation due, elimination, an investigation. */
export async function fullBriefWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();

  const roster = wb.addWorksheet('花名册');
  title(roster, 'XX县科级干部花名册', 11);
  roster.getRow(2).values = ['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '入党时间', '参加工作时间', '学历', '工作单位', '现任职务'];
  const people: [string, string, Date, string, Date, Date, string, string, string][] = [
    ['张三', '男', d(1978, 5, 12), ROSTER_IDS[0], d(2001, 7, 1), d(2000, 8, 1), '大学', '县农业农村局', '副局长'],
    ['李四', '女', d(1980, 3, 15), ROSTER_IDS[1], d(2003, 6, 1), d(2002, 7, 1), '研究生', '县农业农村局', '副局长'],
    ['王五', '男', d(1982, 7, 8), ROSTER_IDS[2], d(2005, 7, 1), d(2004, 8, 1), '大学', '县水利局', '副局长'],
    ['赵六', '男', d(1983, 9, 9), ROSTER_IDS[3], d(2006, 7, 1), d(2005, 8, 1), '大学', '县林业局', '副局长'],
    ['孙七', '女', d(1985, 11, 20), ROSTER_IDS[4], d(2008, 7, 1), d(2007, 8, 1), '研究生', '县统计局', '办公室主任'],
    ['周八', '男', d(1986, 1, 1), ROSTER_IDS[5], d(2009, 7, 1), d(2008, 8, 1), '大学', '县统计局', '统计股股长'],
  ];
  people.forEach((p, i) => {
    roster.getRow(3 + i).values = [i + 1, p[0], p[1], '汉族', p[2], p[3], p[4], p[5], p[6], p[7], p[8]];
    for (const c of [5, 7, 8]) roster.getCell(3 + i, c).numFmt = 'yyyy-mm-dd';
  });

  const rec = wb.addWorksheet('民主推荐');
  title(rec, '2025年科级领导职位民主推荐情况汇总表', 8);
  rec.getRow(2).values = ['序号', '姓名', '人员类别', '推荐职位', '应到人数', '实到人数', '得票数', '推荐方式'];
  const recRows: [string, string, string, number][] = [
    ['张三', '原班子成员', AGRI, 30], // 30/48 = 62.5 %
    ['李四', '新推荐人选', AGRI, 20], // 41.67 %
    ['王五', '新推荐人选', AGRI, 16], // 33.33 %
    ['赵六', '新推荐人选', AGRI, 15], // 31.25 %
    ['孙七', '新推荐人选', STATS, 24], // 50 %
    ['周八', '新推荐人选', STATS, 18], // 37.5 %
  ];
  recRows.forEach((r, i) => (rec.getRow(3 + i).values = [i + 1, r[0], r[1], r[2], 50, 48, r[3], '群众推荐']));

  const insp = wb.addWorksheet('考察对象');
  title(insp, '2025年科级领导职位考察对象情况表', 5);
  insp.getRow(2).values = ['序号', '姓名', '拟任职位', '考察结果', '常委会确定'];
  const inspRows: [string, string, string, string][] = [
    ['张三', AGRI, '优秀', '是'],
    ['李四', AGRI, '优秀', '是'],
    ['王五', AGRI, '称职', ''],
    ['赵六', AGRI, '称职', ''],
    ['孙七', STATS, '优秀', ''],
    ['周八', STATS, '称职', ''],
  ];
  inspRows.forEach((r, i) => (insp.getRow(3 + i).values = [i + 1, ...r]));

  const notice = wb.addWorksheet('任前公示');
  title(notice, '县管领导干部任前公示', 10);
  notice.getRow(2).values = [
    '姓名',
    '现任职务（职称）',
    '拟任职务',
    '基本情况',
    '主要政绩',
    '经济审计',
    '家庭财产申报结果',
    '公示开始日期',
    '公示截止日期',
    '公示结果',
  ];
  const nrows: unknown[][] = [
    ['张三', '县农业农村局副局长', AGRI, '男，汉族，1978年5月12日出生', '推进高标准农田建设', '无问题', ASSET_TEXT, d(2025, 3, 3), d(2025, 3, 7), '无异议'], // Mon–Fri: 5 working days
    ['李四', '县农业农村局副局长', AGRI, '女，汉族', '完成农村改革试点', '无问题', ASSET_TEXT, d(2025, 3, 3), d(2025, 3, 5), `无异议；核对身份证号${STRAY_ID}`], // too short
  ];
  nrows.forEach((r, i) => {
    notice.getRow(3 + i).values = r as ExcelJS.CellValue[];
    notice.getCell(3 + i, 8).numFmt = 'yyyy-mm-dd';
    notice.getCell(3 + i, 9).numFmt = 'yyyy-mm-dd';
  });

  const prob = wb.addWorksheet('试用期台账');
  title(prob, '新提拔县管干部试用期管理台账', 10);
  prob.getRow(2).values = [
    '序号',
    '姓名',
    '工作单位',
    '现任职务',
    '试用期开始',
    '第一季度汇报',
    '第二季度汇报',
    '第三季度汇报',
    '第四季度汇报',
    '期满考核结果',
  ];
  const prows: unknown[][] = [
    ['吴九', '县民政局', '局长', d(2024, 3, 20), d(2024, 6, 15), d(2024, 9, 15), d(2024, 12, 15), null, ''], // ends 2025-03-20: 即将期满
    ['郑十', '县教育局', '副局长', d(2024, 2, 1), d(2024, 4, 25), d(2024, 7, 25), null, d(2025, 1, 20), ''], // ended 2025-02-01, not assessed, 3rd report missing
    ['钱一', '县财政局', '副局长', d(2024, 2, 20), d(2024, 5, 10), d(2024, 8, 10), d(2024, 11, 10), d(2025, 2, 10), '胜任'], // ended 2025-02-20, competent
    ['冯二', '县卫健局', '副局长', d(2024, 9, 1), d(2024, 11, 20), null, null, null, ''], // still in probation: not reported
  ];
  prows.forEach((r, i) => {
    prob.getRow(3 + i).values = [i + 1, ...(r as ExcelJS.CellValue[])];
    for (let c = 5; c <= 9; c++) prob.getCell(3 + i, c).numFmt = 'yyyy-mm-dd';
  });

  const assess = wb.addWorksheet('年度考核');
  title(assess, 'XX县2024年度全县正副科级实职领导干部考核测评汇总表', 11);
  assess.getRow(2).values = ['序号', '姓名', '工作单位', '现任职务', '职级', '优秀票', '称职票', '基本称职票', '不称职票', '有效票', '考核等次'];
  const surnames = '陈林黄何罗高梁宋唐许';
  const given = '明华强丽军峰静佳宁诺';
  for (let i = 0; i < 100; i++) {
    const name = `${surnames[Math.floor(i / 10)]}${given[i % 10]}${i % 3 === 0 ? '' : '平'}`;
    let inc = i % 3;
    if (i === 17) inc = 22; // 22/40 = 55 %: first, removal, and a joint investigation
    if (i === 42) inc = 10; // 25 %: second, admonition
    const valid = 40;
    const excellent = 8;
    assess.getRow(3 + i).values = [
      i + 1,
      name,
      `县直单位${i + 1}`,
      i % 2 ? '副局长' : '局长',
      i % 2 ? '副科级' : '正科级',
      excellent,
      valid - excellent - inc,
      0,
      inc,
      valid,
      inc >= 20 ? '不称职' : '称职',
    ];
  }
  return bytes(wb);
}

/** A roster only: nothing for the committee this time. */
export async function emptyBriefWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('花名册');
  roster.getRow(1).values = ['序号', '姓名', '性别', '出生日期', '身份证号'];
  roster.getRow(2).values = [1, '张三', '男', d(1978, 5, 12), ROSTER_IDS[0]];
  roster.getCell(2, 4).numFmt = 'yyyy-mm-dd';
  return bytes(wb);
}

export async function gridsOf(data: Uint8Array): Promise<Grid[]> {
  return (await openFileWorkbook(data)).read();
}

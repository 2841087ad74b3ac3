/**
 * A workbook with three proposed cadres (as of 2025-03-10), built from code, for the 干部任免审批表:
 * 张三 and 李四 are the 一职双备 pair the committee recorded for the 农业农村局 post (four were
 * inspected), 王芳 is under 任前公示 for the 统计局 post with no inspection record. The roster
 * holds most items of the form; 王芳's 出生日期 cell is empty (her birth comes from the ID
 * number), she has no 在职教育, and nobody has 健康状况 filled for 李四. Four annual tallies
 * (2021–2024) give the 年度考核结果 of the last three years. A full ID number is typed into
 * 李四's 简历 on purpose: no form may show it.
 */
import ExcelJS from 'exceljs';
import { d, id18 } from '../../fixtures/build';
import type { LocalDate } from '../../../src/values/local-date';

export const FORMS_AS_OF: LocalDate = { y: 2025, m: 3, d: 10 };
export const AGRI_POST = '县农业农村局局长';
export const STATS_POST = '县统计局局长';
export const FORM_IDS = [id18('11010119780512001'), id18('11010119800315002'), id18('11010119821123003'), id18('11010119830909004'), id18('11010119851120005')];
export const STRAY_RESUME_ID = id18('32010219790101123');

const RESUME_ZHANG = ['1996.09--2000.07  中国农业大学农学专业学习', '2000.08--2010.12  县农业局科员', '2011.01--  县农业农村局副局长'].join('\n');
const RESUME_LI = ['1998.09--2002.07  南京农业大学学习', `2002.07--  县农业农村局工作（身份证号${STRAY_RESUME_ID}）`].join('\n');

export async function formsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();

  const roster = wb.addWorksheet('花名册');
  roster.mergeCells(1, 1, 1, 20);
  roster.getCell(1, 1).value = 'XX县科级干部花名册';
  roster.getRow(2).values = [
    '序号',
    '姓名',
    '性别',
    '民族',
    '籍贯',
    '出生地',
    '出生日期',
    '身份证号',
    '入党时间',
    '参加工作时间',
    '健康状况',
    '专业技术职务',
    '全日制学历',
    '全日制毕业院校',
    '在职学历',
    '在职毕业院校',
    '工作单位',
    '现任职务',
    '工作简历',
    '奖惩情况',
  ];
  type P = ExcelJS.CellValue[];
  const people: P[] = [
    [
      '张三',
      '男',
      '汉族',
      '江苏南京',
      '江苏南京',
      d(1978, 5, 12),
      FORM_IDS[0],
      d(2001, 7, 1),
      d(2000, 8, 1),
      '健康',
      '高级农艺师',
      '大学本科 农学学士',
      '中国农业大学农学专业',
      '在职研究生 农业推广硕士',
      '南京农业大学农业推广专业',
      '县农业农村局',
      '副局长',
      RESUME_ZHANG,
      '2019年被评为全省农业农村系统先进个人',
    ],
    [
      '李四',
      '女',
      '汉族',
      '江苏扬州',
      '江苏镇江',
      d(1980, 3, 15),
      FORM_IDS[1],
      d(2003, 6, 1),
      d(2002, 7, 1),
      '',
      '',
      '大学本科 管理学学士',
      '南京农业大学农林经济管理专业',
      '',
      '',
      '县农业农村局',
      '副局长',
      RESUME_LI,
      '无',
    ],
    [
      '王五',
      '男',
      '汉族',
      '江苏徐州',
      '江苏徐州',
      d(1982, 7, 8),
      FORM_IDS[2],
      d(2005, 7, 1),
      d(2004, 8, 1),
      '健康',
      '',
      '大学本科',
      '扬州大学',
      '',
      '',
      '县水利局',
      '副局长',
      '',
      '',
    ],
    [
      '赵六',
      '男',
      '回族',
      '江苏淮安',
      '江苏淮安',
      d(1983, 9, 9),
      FORM_IDS[3],
      d(2006, 7, 1),
      d(2005, 8, 1),
      '健康',
      '',
      '大学本科',
      '河海大学',
      '',
      '',
      '县林业局',
      '副局长',
      '',
      '',
    ],
    [
      '王芳',
      '女',
      '汉族',
      '江苏苏州',
      '江苏无锡',
      null,
      FORM_IDS[4],
      d(2008, 7, 1),
      d(2007, 8, 1),
      '健康',
      '统计师',
      '硕士研究生 经济学硕士',
      '南京大学统计学专业',
      '',
      '',
      '县统计局',
      '副局长',
      '2007.08--  县统计局工作',
      '',
    ],
  ];
  people.forEach((p, i) => {
    roster.getRow(3 + i).values = [i + 1, ...p];
    for (const c of [7, 9, 10]) roster.getCell(3 + i, c).numFmt = 'yyyy-mm-dd';
    roster.getCell(3 + i, 19).alignment = { wrapText: true };
  });

  const rec = wb.addWorksheet('民主推荐');
  rec.getRow(1).values = ['序号', '姓名', '人员类别', '推荐职位', '应到人数', '实到人数', '得票数', '推荐方式'];
  const recRows: [string, string, number][] = [
    ['张三', '原班子成员', 30],
    ['李四', '新推荐人选', 20],
    ['王五', '新推荐人选', 16],
    ['赵六', '新推荐人选', 15],
  ];
  recRows.forEach((r, i) => (rec.getRow(2 + i).values = [i + 1, r[0], r[1], AGRI_POST, 50, 48, r[2], '群众推荐']));

  const insp = wb.addWorksheet('考察对象');
  insp.getRow(1).values = ['序号', '姓名', '拟任职位', '考察结果', '常委会确定'];
  (
    [
      ['张三', '优秀', '是'],
      ['李四', '优秀', '是'],
      ['王五', '称职', ''],
      ['赵六', '称职', ''],
    ] as const
  ).forEach((r, i) => (insp.getRow(2 + i).values = [i + 1, r[0], AGRI_POST, r[1], r[2]]));

  const notice = wb.addWorksheet('任前公示');
  notice.getRow(1).values = [
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
  const nrows: ExcelJS.CellValue[][] = [
    ['张三', '县农业农村局副局长', AGRI_POST, '男，汉族，大学', '推进高标准农田建设', '无问题', '已申报', d(2025, 3, 3), d(2025, 3, 7), '无异议'],
    ['李四', '县农业农村局副局长', AGRI_POST, '女，汉族，大学', '完成农村改革试点', '无问题', '已申报', d(2025, 3, 3), d(2025, 3, 7), '无异议'],
    ['王芳', '县统计局副局长（统计师）', STATS_POST, '女，汉族，研究生', '完成经济普查', '无问题', '已申报', d(2025, 3, 3), d(2025, 3, 7), '无异议'],
  ];
  nrows.forEach((r, i) => {
    notice.getRow(2 + i).values = r;
    notice.getCell(2 + i, 8).numFmt = 'yyyy-mm-dd';
    notice.getCell(2 + i, 9).numFmt = 'yyyy-mm-dd';
  });

  // Four years of tallies; only the last three reach the form.
  const grades: Record<number, Record<string, string>> = {
    2021: { 张三: '称职', 李四: '称职', 王芳: '称职' },
    2022: { 张三: '优秀', 李四: '称职', 王芳: '称职' },
    2023: { 张三: '称职', 李四: '优秀' },
    2024: { 张三: '优秀', 李四: '称职', 王芳: '优秀' },
  };
  for (const year of [2021, 2022, 2023, 2024]) {
    const ws = wb.addWorksheet(`${year}年度考核`);
    ws.getRow(1).values = ['序号', '姓名', '工作单位', '现任职务', '职级', '优秀票', '称职票', '基本称职票', '不称职票', '有效票', '考核等次'];
    Object.entries(grades[year]).forEach(([name, grade], i) => {
      const unit = name === '王芳' ? '县统计局' : '县农业农村局';
      ws.getRow(2 + i).values = [i + 1, name, unit, '副局长', '副科级', 10, 28, 0, 2, 40, grade];
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

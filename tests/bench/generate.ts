/**
 * The bench workbooks, built from code: a roster of n rows (12 columns under a title line, dates
 * in three shapes, every 97th ID number with a wrong check digit) and an assessment tally. Used by
 * tests/bench/cli.bench.ts and the golden output test (tests/unit/cli/check-golden.test.ts).
 */
import ExcelJS from 'exceljs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const id18 = (first17: string) => first17 + '10X98765432'[[...first17].reduce((s, ch, i) => s + Number(ch) * WEIGHTS[i], 0) % 11];

/** A roster of n data rows written to `file` (streamed: a 100k-row file never sits in memory). */
export async function writeRoster(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['XX县干部花名册']).commit();
  ws.addRow(['序号', '姓名', '性别', '出生年月', '身份证号', '参加工作时间', '任现职时间', '现任职务', '职级', '学历', '工作单位', '备注']).commit();
  for (let i = 0; i < n; i++) {
    const y = 1960 + (i % 40);
    const m = 1 + (i % 12);
    const birth = `${y}${String(m).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const id =
      i % 97 === 0 ? `${id18(`110101${birth}${String(i % 1000).padStart(3, '0')}`).slice(0, 17)}0` : id18(`110101${birth}${String(i % 1000).padStart(3, '0')}`);
    const birthCell = i % 3 === 0 ? `${y}.${String(m).padStart(2, '0')}` : i % 3 === 1 ? `${y}年${m}月` : new Date(Date.UTC(y, m - 1, 1));
    ws.addRow([
      i + 1,
      `干部${i}`,
      i % 2 ? '男' : '女',
      birthCell,
      id,
      `${y + 22}.07`,
      `${y + 30}.03`,
      '局长',
      i % 2 ? '正科级' : '副科级',
      '大学',
      '某局',
      '',
    ]).commit();
  }
  await wb.commit();
}

/** An assessment tally of n rows written to `file`. */
export async function writeAssessment(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('考核测评');
  ws.addRow(['XX县2022年度科级实职领导干部考核测评汇总表']).commit();
  ws.addRow(['序号', '姓名', '现任职务', '职级', '有效票', '优秀', '称职', '基本称职', '不称职', '考核等次']).commit();
  for (let i = 0; i < n; i++) {
    const inc = (i * 7919) % 23;
    ws.addRow([i + 1, `干部${i}`, '农业局局长', i % 2 ? '正科级' : '副科级', 40, 10, 40 - 10 - inc, 0, inc, inc >= 20 ? '不称职' : '称职']).commit();
  }
  await wb.commit();
}

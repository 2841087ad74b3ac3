/**
 * Builds the sample ledger shipped with the add-in (assets/sample-ledger.xlsx), which standalone
 * mode opens by default: a county roster (花名册) and an annual assessment tally (年度考核测评),
 * laid out the way organisation departments keep them — merged title row, unit/date line,
 * two-row header, 序号, a 合计 row and notes under the table. All people are fictional; the
 * data is generated from a fixed seed so the file is reproducible. Run: npm run build:sample
 */
import * as path from 'path';
import ExcelJS from 'exceljs';

const COUNTY = '青山县';
const YEAR = 2024;

/** mulberry32: small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = [
  '建国',
  '志强',
  '海燕',
  '丽华',
  '文斌',
  '晓明',
  '红梅',
  '德胜',
  '玉兰',
  '国庆',
  '春生',
  '秀英',
  '立新',
  '卫东',
  '振华',
  '雪梅',
  '永刚',
  '桂芳',
  '伟',
  '敏',
  '静',
  '磊',
  '洁',
  '军',
  '勇',
  '霞',
  '涛',
  '芳',
  '斌',
  '燕',
];
const UNITS = [
  ['县发展和改革局', '局长'],
  ['县财政局', '局长'],
  ['县教育局', '副局长'],
  ['县卫生健康局', '局长'],
  ['县农业农村局', '副局长'],
  ['县自然资源局', '局长'],
  ['县住房和城乡建设局', '副局长'],
  ['县交通运输局', '局长'],
  ['县水利局', '副局长'],
  ['县商务局', '局长'],
  ['县文化和旅游局', '副局长'],
  ['县民政局', '局长'],
  ['县司法局', '副局长'],
  ['县人力资源和社会保障局', '局长'],
  ['县市场监督管理局', '副局长'],
  ['城关镇', '党委书记'],
  ['城关镇', '镇长'],
  ['河口镇', '党委书记'],
  ['河口镇', '副镇长'],
  ['石门乡', '乡长'],
  ['石门乡', '党委副书记'],
  ['柳林镇', '党委书记'],
  ['柳林镇', '副镇长'],
  ['县统计局', '局长'],
  ['县审计局', '副局长'],
  ['县应急管理局', '局长'],
  ['县林业局', '副局长'],
  ['县医疗保障局', '局长'],
  ['县退役军人事务局', '副局长'],
  ['县生态环境分局', '局长'],
];
const PEOPLE = 30;
const FEMALE_GIVEN = new Set(['海燕', '丽华', '红梅', '玉兰', '秀英', '雪梅', '桂芳', '敏', '静', '洁', '霞', '芳', '燕']);

/** GB 11643 check digit. */
function idCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * w[i];
  return '10X98765432'[s % 11];
}

interface Person {
  name: string;
  sex: '男' | '女';
  nation: string;
  birth: { y: number; m: number; d: number };
  partyYear: number;
  workYear: number;
  fullTime: string;
  partTime: string;
  unit: string;
  post: string;
  level: '正科级' | '副科级';
  since: { y: number; m: number };
  id: string;
}

function people(): Person[] {
  const r = rng(20241231);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: Person[] = [];
  const used = new Set<string>();
  for (let i = 0; i < PEOPLE; i++) {
    let name = '';
    do name = pick([...SURNAMES]) + pick(GIVEN);
    while (used.has(name));
    used.add(name);
    const female = FEMALE_GIVEN.has(name.slice(1));
    const y = 1968 + Math.floor(r() * 18);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const [unit, post] = UNITS[i];
    const head = /^(局长|党委书记|镇长|乡长)$/.test(post);
    const seq = String(100 + Math.floor(r() * 800)).padStart(3, '0');
    const sexDigit = female
      ? Number(seq[2]) % 2 === 0
        ? seq
        : seq.slice(0, 2) + String((Number(seq[2]) + 1) % 10)
      : Number(seq[2]) % 2 === 1
        ? seq
        : seq.slice(0, 2) + String((Number(seq[2]) + 1) % 10);
    const first17 = `361127${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${sexDigit}`;
    out.push({
      name,
      sex: female ? '女' : '男',
      nation: r() < 0.9 ? '汉族' : pick(['回族', '畲族', '苗族']),
      birth: { y, m, d },
      partyYear: y + 21 + Math.floor(r() * 6),
      workYear: y + 20 + Math.floor(r() * 4),
      fullTime: pick([
        '大学 法学学士 江西师范大学法学专业',
        '大学 管理学学士 南昌大学行政管理专业',
        '大专 江西农业大学畜牧兽医专业',
        '大学 工学学士 华东交通大学土木工程专业',
        '大学 经济学学士 江西财经大学会计学专业',
      ]),
      partTime: pick(['', '在职研究生 公共管理硕士 江西财经大学', '中央党校大学 经济管理专业', '']),
      unit,
      post,
      level: head ? '正科级' : '副科级',
      since: { y: 2016 + Math.floor(r() * 8), m: 1 + Math.floor(r() * 12) },
      id: first17 + idCheckDigit(first17),
    });
  }
  return out;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_FONT = { name: '方正小标宋简体', size: 18 };
const BODY_FONT = { name: '仿宋_GB2312', size: 11 };
const HEAD_FONT = { name: '黑体', size: 11 };

function frame(ws: ExcelJS.Worksheet, top: number, bottom: number, cols: number): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      cell.font = r < top + 2 ? HEAD_FONT : BODY_FONT;
      cell.alignment = { vertical: 'middle', horizontal: c === 1 || r < top + 2 ? 'center' : 'left', wrapText: true };
    }
  }
}

function roster(wb: ExcelJS.Workbook, ps: Person[]): void {
  const ws = wb.addWorksheet('花名册', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const cols = 15;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = `${COUNTY}${YEAR}年科级领导干部花名册`;
  ws.getCell(1, 1).font = TITLE_FONT;
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  ws.mergeCells(2, 1, 2, 8);
  ws.getCell(2, 1).value = '填报单位：中共青山县委组织部（盖章）';
  ws.mergeCells(2, 9, 2, cols);
  ws.getCell(2, 9).value = `填报日期：${YEAR}年12月31日`;
  ws.getCell(2, 9).alignment = { horizontal: 'right' };
  const single = ['序号', '姓名', '性别', '民族', '出生年月', '籍贯', '入党时间', '参加工作时间'];
  single.forEach((h, i) => {
    ws.mergeCells(3, i + 1, 4, i + 1);
    ws.getCell(3, i + 1).value = h;
  });
  ws.mergeCells(3, 9, 3, 10);
  ws.getCell(3, 9).value = '学历学位';
  ws.getCell(4, 9).value = '全日制教育';
  ws.getCell(4, 10).value = '在职教育';
  ['现任职务', '职级', '任现职时间', '公民身份号码', '备注'].forEach((h, i) => {
    ws.mergeCells(3, 11 + i, 4, 11 + i);
    ws.getCell(3, 11 + i).value = h;
  });
  ps.forEach((p, i) => {
    const r = 5 + i;
    ws.getRow(r).values = [
      i + 1,
      p.name,
      p.sex,
      p.nation,
      `${p.birth.y}.${String(p.birth.m).padStart(2, '0')}`,
      '江西青山',
      `${p.partyYear}.${String(1 + ((i * 5) % 12)).padStart(2, '0')}`,
      `${p.workYear}.${String(1 + ((i * 7) % 12)).padStart(2, '0')}`,
      p.fullTime,
      p.partTime,
      `${p.unit}${p.post}`,
      p.level,
      `${p.since.y}.${String(p.since.m).padStart(2, '0')}`,
      p.id,
      '',
    ];
    ws.getCell(r, 14).numFmt = '@';
  });
  const last = 4 + ps.length;
  frame(ws, 3, last, cols);
  const note = last + 2;
  ws.mergeCells(note, 1, note, cols);
  ws.getCell(note, 1).value = '注：1. 出生年月、入党时间、参加工作时间按“年.月”填写；2. 公民身份号码以文本格式录入，防止末位丢失。';
  ws.getCell(note, 1).font = { ...BODY_FONT, size: 10 };
  [6, 9, 6, 7, 10, 10, 10, 12, 30, 26, 28, 8, 11, 21, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
}

function assessment(wb: ExcelJS.Workbook, ps: Person[]): void {
  const ws = wb.addWorksheet('年度考核测评', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const r = rng(7);
  const cols = 12;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = `${COUNTY}${YEAR}年度科级干部考核测评汇总表`;
  ws.getCell(1, 1).font = TITLE_FONT;
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  ws.mergeCells(2, 1, 2, 7);
  ws.getCell(2, 1).value = '填报单位：中共青山县委组织部干部科';
  ws.mergeCells(2, 8, 2, cols);
  ws.getCell(2, 8).value = `测评时间：${YEAR + 1}年1月10日`;
  ws.getCell(2, 8).alignment = { horizontal: 'right' };
  ['序号', '姓名', '单位及职务', '职级'].forEach((h, i) => {
    ws.mergeCells(3, i + 1, 4, i + 1);
    ws.getCell(3, i + 1).value = h;
  });
  ws.mergeCells(3, 5, 3, 6);
  ws.getCell(3, 5).value = '参评人数';
  ws.getCell(4, 5).value = '应到';
  ws.getCell(4, 6).value = '实到';
  ws.mergeCells(3, 7, 3, 9);
  ws.getCell(3, 7).value = '测评票数';
  ['优秀', '称职', '不称职'].forEach((h, i) => (ws.getCell(4, 7 + i).value = h));
  ['不称职票比例', '考核等次', '备注'].forEach((h, i) => {
    ws.mergeCells(3, 10 + i, 4, 10 + i);
    ws.getCell(3, 10 + i).value = h;
  });
  ps.forEach((p, i) => {
    const row = 5 + i;
    const eligible = 30 + Math.floor(r() * 20);
    const present = eligible - Math.floor(r() * 4);
    // Most cadres are rated well; a few draw a real share of 不称职 votes (the elimination tail).
    const badShare = i === 17 ? 0.55 : i === 8 ? 0.21 : i === 23 ? 0.16 : r() * 0.08;
    const bad = Math.round(present * badShare);
    const excellent = Math.floor((present - bad) * (0.3 + r() * 0.5));
    const fit = present - bad - excellent;
    const ratio = bad / present;
    const grade = ratio >= 0.5 ? '不称职' : excellent / present >= 0.6 ? '优秀' : '称职';
    ws.getRow(row).values = [i + 1, p.name, `${p.unit}${p.post}`, p.level, eligible, present, excellent, fit, bad];
    ws.getCell(row, 10).value = { formula: `IF(F${row}=0,"",I${row}/F${row})`, result: ratio };
    ws.getCell(row, 10).numFmt = '0.00%';
    ws.getCell(row, 11).value = grade;
    ws.getCell(row, 12).value = ratio >= 0.5 ? '不称职票达到二分之一' : '';
  });
  const first = 5;
  const last = 4 + ps.length;
  const total = last + 1;
  ws.mergeCells(total, 1, total, 4);
  ws.getCell(total, 1).value = '合计';
  for (let c = 5; c <= 9; c++) {
    const letter = String.fromCharCode(64 + c);
    let sum = 0;
    for (let rr = first; rr <= last; rr++) sum += Number(ws.getCell(rr, c).value);
    ws.getCell(total, c).value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: sum };
  }
  frame(ws, 3, total, cols);
  ws.getCell(total, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  const note = total + 2;
  ws.mergeCells(note, 1, note, cols);
  ws.getCell(note, 1).value = '注：不称职票比例 = 不称职票 ÷ 实到人数；测评对象为全县正、副科级实职领导干部。';
  ws.getCell(note, 1).font = { ...BODY_FONT, size: 10 };
  [6, 9, 30, 8, 7, 7, 7, 7, 8, 12, 10, 22].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
}

export async function buildSample(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '干部台账助手';
  wb.created = new Date(Date.UTC(YEAR, 11, 31));
  wb.modified = wb.created;
  const ps = people();
  roster(wb, ps);
  assessment(wb, ps);
  await wb.xlsx.writeFile(file);
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(__dirname, '..', '..', 'assets', 'sample-ledger.xlsx');
  buildSample(out).then(
    () => process.stdout.write(`${out}\n`),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
}

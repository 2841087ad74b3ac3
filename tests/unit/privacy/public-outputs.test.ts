/**
 * SPEC §3 (二.4): "Outputs meant for the public never show a full ID number (first 6 + ******** +
 * last 4) nor birth dates finer than month." The public outputs are the 任前公示 wizard's sheet
 * (任前公示表) and the standing-committee brief (its print-ready sheet and its .docx). Each is built
 * here from one workbook full of full ID numbers and exact birth dates — as text, full-width,
 * with spaces, 15-digit legacy IDs, an ID stored as a number, and both embedded in free text — then
 * saved, reloaded, and every cell / every text of document.xml is searched.
 *
 * Also: the notice carries the 家庭财产申报 result as the ledger states it when it is a result
 * (已如实申报), never a ledger cell that lists the assets themselves (a neutral placeholder and the
 * reason instead); and the brief never carries asset details at all.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../../src/cli/main';
import { memoryIo as sharedMemoryIo } from '../../support/cli-memory';
import { toHalfWidth } from '../../../src/values/text';
import { ASSETS_PLACEHOLDER, noticeWizard, NOTICE_SHEET } from '../../../src/wizards/notice';
import { cellText } from '../../../src/wizards/types';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { d, id18 } from '../../fixtures/build';
import { runAndWrite } from '../wizards/helpers';

const toFullWidth = (s: string): string => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

interface Person {
  readonly name: string;
  readonly birth: readonly [number, number, number];
  /** Every full form of the ID that must never appear (digits only, upper-case X). */
  readonly ids: readonly string[];
}

const ZHANG = id18('11010119780512001');
const LI = id18('11010119800315002');
const WANG = id18('11010119820708003');
const ZHAO15 = '110101830909004';
const ZHAO18 = id18('11010119830909004');
const SUN = id18('11010119851120005');
const ZHOU = id18('32010219860101006');
/** Free-text-only IDs (not in the roster). */
const STRAY_A = id18('44030119791231007');
const STRAY_B = id18('51010119770707008');
const STRAY_15 = '510101770707009';

const PEOPLE: Person[] = [
  { name: '张三', birth: [1978, 5, 12], ids: [ZHANG] },
  { name: '李四', birth: [1980, 3, 15], ids: [LI] },
  { name: '王五', birth: [1982, 7, 8], ids: [WANG] },
  { name: '赵六', birth: [1983, 9, 9], ids: [ZHAO15, ZHAO18] },
  { name: '孙七', birth: [1985, 11, 20], ids: [SUN] },
  { name: '周八', birth: [1986, 1, 1], ids: [ZHOU] },
];
const ALL_IDS = [...PEOPLE.flatMap((p) => p.ids), STRAY_A, STRAY_B, STRAY_15, id18('51010119770707009')];

const spaced4 = (id: string): string => id.replace(/(.{4})/g, '$1 ').trim();
const spaced6_8_4 = (id: string): string => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;

/** 家庭财产申报结果 cells that list assets instead of the result (孙七, 周八 in the 考察对象 ledger). */
const ASSET_DETAILS: Readonly<Record<string, string>> = {
  孙七: '存款30万元，住房两套共260平方米',
  周八: '已申报：住房一套120㎡，轿车1辆，股票5000股，卡号6222020012345678',
};
/** Fragments of those cells; none may reach a public output. */
const ASSET_FRAGMENTS = ['存款', '30万', '住房', '260', '平方米', '120', '㎡', '轿车', '5000', '6222020012345678'];

const AGRI = '县农业农村局局长';
const STATS = '县统计局副局长';

/** A workbook whose ledgers are full of IDs and exact birth dates. `noticeLedger`: also a 任前公示 ledger (for the brief). */
async function workbook(noticeLedger: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('花名册');
  roster.getRow(1).values = ['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '参加工作时间', '学历', '工作单位', '现任职务', '备注'];
  const births: unknown[] = [d(1978, 5, 12), '1980年3月15日', d(1982, 7, 8), '1983.09.09', '１９８５年１１月２０日', '1986-01-01'];
  const ids: unknown[] = [ZHANG, toFullWidth(LI), spaced6_8_4(WANG), ZHAO15, Number(SUN), ` ${ZHOU} `];
  PEOPLE.forEach((p, i) => {
    roster.getRow(2 + i).values = [
      i + 1,
      p.name,
      i % 2 ? '女' : '男',
      '汉族',
      births[i] as ExcelJS.CellValue,
      ids[i] as ExcelJS.CellValue,
      d(2000 + i, 7, 1),
      '大学',
      i < 4 ? '县农业农村局' : '县统计局',
      '副局长',
      `身份证 ${spaced4(p.ids[p.ids.length - 1])}`,
    ];
    roster.getCell(2 + i, 5).numFmt = 'yyyy-mm-dd';
    roster.getCell(2 + i, 7).numFmt = 'yyyy-mm-dd';
  });

  const insp = wb.addWorksheet('考察对象');
  insp.getRow(1).values = ['序号', '姓名', '拟任职位', '考察结果', '常委会确定', '基本情况', '主要政绩', '经济审计', '家庭财产申报结果'];
  const free: [string, string][] = [
    [`男，汉族，1978年5月12日出生，身份证号 ${spaced4(ZHANG)}`, `牵头完成改革，证件${STRAY_A}已核`],
    ['女，汉族，生于1980-03-15', `主要政绩突出（身份证号${toFullWidth(LI)}）`],
    ['男，19820708生，籍贯北京', `核对：${spaced6_8_4(STRAY_B)}`],
    ['男，１９８３年９月９日出生', `旧证${STRAY_15}，新证${ZHAO18.slice(0, 17)}x`],
    ['女，出生日期：1985/11/20', '完成统计改革'],
    ['男，出生年月日 1986.1.1', '推进数据质量'],
  ];
  PEOPLE.forEach((p, i) => {
    insp.getRow(2 + i).values = [
      i + 1,
      p.name,
      i < 4 ? AGRI : STATS,
      '优秀',
      i === 0 || i === 1 || i === 4 || i === 5 ? '是' : '',
      free[i][0],
      free[i][1],
      '无问题',
      ASSET_DETAILS[p.name] ?? '已如实申报',
    ];
  });

  if (noticeLedger) {
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
    const rows: unknown[][] = [
      [
        '张三',
        '县农业农村局副局长',
        AGRI,
        free[0][0],
        free[0][1],
        '无问题',
        '住房一套120平方米，存款30万元',
        d(2025, 3, 3),
        d(2025, 3, 7),
        `无异议；核对身份证号${spaced4(ZHANG)}`,
      ],
      [
        '李四',
        '县农业农村局副局长',
        AGRI,
        free[1][0],
        free[1][1],
        '无问题',
        '已如实申报',
        d(2025, 3, 3),
        d(2025, 3, 5),
        `有反映：${toFullWidth(STRAY_A)}，1980年3月15日生`,
      ],
    ];
    rows.forEach((r, i) => {
      notice.getRow(2 + i).values = r as ExcelJS.CellValue[];
      notice.getCell(2 + i, 8).numFmt = 'yyyy-mm-dd';
      notice.getCell(2 + i, 9).numFmt = 'yyyy-mm-dd';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every text of one output: half-width, each as written. */
function leaksIn(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    const t = toHalfWidth(raw).toUpperCase();
    const squeezed = t.replace(/[\s\u00a0\u3000-]/g, '');
    for (const id of ALL_IDS) if (squeezed.includes(id)) found.push(`full ID ${id} in "${raw}"`);
    const generic = /(?<![0-9])(?:[0-9]{17}[0-9X]|[0-9]{15})(?![0-9X])/.exec(t);
    if (generic) found.push(`ID-like ${generic[0]} in "${raw}"`);
    const flat = t.replace(/\s+/g, '');
    for (const p of PEOPLE) {
      const [y, m, day] = p.birth;
      const pad = (n: number) => String(n).padStart(2, '0');
      const forms = [
        new RegExp(`${y}年0?${m}月0?${day}(?![0-9])`),
        new RegExp(`${y}[./-]0?${m}[./-]0?${day}(?![0-9])`),
        new RegExp(`(?<![0-9])${y}${pad(m)}${pad(day)}(?![0-9])`),
      ];
      for (const f of forms) if (f.test(flat)) found.push(`birth date of ${p.name} (${y}-${m}-${day}) in "${raw}"`);
    }
  }
  return found;
}

const BIRTH_TIMES = new Set(PEOPLE.map((p) => Date.UTC(p.birth[0], p.birth[1] - 1, p.birth[2])));

/** Every cell of a sheet as text; a date cell on a birth day is reported as a leak of its own. */
function sheetTexts(ws: ExcelJS.Worksheet, dateLeaks: string[]): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      if (v instanceof Date) {
        if (BIRTH_TIMES.has(v.getTime())) dateLeaks.push(`${ws.name}!${cell.address} is a birth date to the day`);
        return;
      }
      out.push(cell.text ?? String(v));
      if (typeof v === 'number' && v > 1e14) out.push(String(v));
    }),
  );
  return out;
}

const memoryIo = (files: Record<string, Uint8Array>) => sharedMemoryIo(files, { y: 2025, m: 3, d: 10 });

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The text of document.xml, one line per paragraph (runs joined, so a split ID is still found). */
function docxText(xml: string): string[] {
  return xml
    .split(/<w:p[ >]/)
    .map((p) =>
      p
        .replace(/<w:tab\/>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter((t) => t !== '');
}

describe('public outputs never show a full ID number or a birth date finer than the month', () => {
  it('the checker itself finds every planted form (so a pass means something)', async () => {
    const wb = await reload(await workbook(true));
    const dateLeaks: string[] = [];
    const found = leaksIn(wb.worksheets.flatMap((ws) => sheetTexts(ws, dateLeaks))).join('\n');
    for (const id of [ZHANG, LI, WANG, ZHAO15, ZHAO18, ZHOU, STRAY_A, STRAY_B, STRAY_15]) expect(found).toContain(id);
    for (const p of PEOPLE) expect(found).toContain(`birth date of ${p.name}`);
    expect(dateLeaks.length).toBeGreaterThan(0);
  });

  it('任前公示 wizard: every cell of the written sheet, after save and reload', async () => {
    const port = await openFileWorkbook(await workbook(false));
    const { result, sheet } = await runAndWrite(port, noticeWizard, { start: '2025-03-03' });
    expect(sheet).toBe(NOTICE_SHEET);
    expect(result.items.map((i) => i.name)).toEqual(['张三', '李四', '孙七', '周八']);
    const wb = await reload(await port.save());
    const ws = wb.getWorksheet(NOTICE_SHEET)!;
    const dateLeaks: string[] = [];
    const texts = sheetTexts(ws, dateLeaks);
    expect([...leaksIn(texts), ...dateLeaks]).toEqual([]);
    // Masked forms are there (so the columns were filled, not dropped).
    const all = texts.join('\n');
    expect(all).toContain(`${ZHANG.slice(0, 6)}********${ZHANG.slice(14)}`);
    expect(all).toContain(`${LI.slice(0, 6)}********${LI.slice(14)}`);
    expect(all).toContain('1978.05');
    expect(all).toContain('已如实申报');
    // The result rows shown in the pane as well.
    const shown = result.rows.flatMap((r) => r.cells.flatMap((c) => [cellText(c, 'zh-CN'), cellText(c, 'en-US')]));
    expect(leaksIn(shown)).toEqual([]);
    // Asset details never reach the sheet, the pane rows or any message; the two rows are flagged
    // and show the placeholder with the reason in 说明.
    const messages = [...result.summary, ...result.rows.flatMap((r) => r.reasons)].flatMap((r) => [r.message['zh-CN'], r.message['en-US']]);
    for (const t of [all, shown.join('\n'), messages.join('\n')]) for (const frag of ASSET_FRAGMENTS) expect([frag, t.includes(frag)]).toEqual([frag, false]);
    let header: unknown[] = [];
    ws.eachRow((row) => {
      const v = row.values as unknown[];
      if (header.length === 0 && v.includes('姓名') && v.includes('说明')) header = v;
    });
    const assetsCol = header.indexOf('家庭财产申报结果');
    const remarkCol = header.indexOf('说明');
    expect([assetsCol, remarkCol].every((c) => c > 0)).toBe(true);
    const byName = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => void byName.set(String(row.getCell(2).value), row));
    for (const name of ['孙七', '周八']) {
      expect(byName.get(name)?.getCell(assetsCol).value).toBe(ASSETS_PLACEHOLDER);
      expect(String(byName.get(name)?.getCell(remarkCol).value)).toContain('财产明细');
      expect(result.rows.find((r) => cellText(r.cells[0]).startsWith(name))?.flag).toBe('error');
    }
    for (const name of ['张三', '李四']) expect(byName.get(name)?.getCell(assetsCol).value).toBe('已如实申报');
  });

  it('brief: the .docx (all of document.xml) and the print-ready sheet, after save and reload', async () => {
    const input = await workbook(true);
    const io = memoryIo({ 'in.xlsx': input });
    const code = await main(['brief', 'in.xlsx', '-o', 'out.docx', '--sheet', 'out.xlsx', '--as-of', '2025-03-10'], io);
    expect([code, io.stderr]).toEqual([0, '']);
    const xml = await (await JSZip.loadAsync(io.files['out.docx'])).file('word/document.xml')!.async('string');
    const paragraphs = docxText(xml);
    expect(paragraphs.join('\n')).toContain('张三');
    expect(leaksIn(paragraphs)).toEqual([]);
    expect(leaksIn([xml])).toEqual([]);
    const wb = await reload(io.files['out.xlsx']);
    const briefSheet = wb.worksheets.find((ws) => ws.name.startsWith('常委会材料'))!;
    expect(briefSheet).toBeDefined();
    const dateLeaks: string[] = [];
    const texts = sheetTexts(briefSheet, dateLeaks);
    expect([...leaksIn(texts), ...dateLeaks]).toEqual([]);
    // No asset details in either.
    for (const t of [paragraphs.join('\n'), texts.join('\n')]) {
      expect(t).not.toContain('住房');
      expect(t).not.toContain('存款');
      expect(t).not.toContain('已如实申报');
    }
    // Nor on stdout (the CLI reports what it masked without echoing it).
    expect(leaksIn([io.stdout])).toEqual([]);
  });
});

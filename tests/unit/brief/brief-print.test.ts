/**
 * The brief's Word document checked as a reader would (issue 13, point 3): names never break
 * inside, tables start on their heading's page, and section 四 (四.2) lists leaders only.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import * as path from 'path';
import { Packer } from 'docx';
import { briefDocument, SECTION_TITLES, type Block, type BriefDocument, type TableColumn } from '../../../src/brief/brief-document';
import { buildBrief } from '../../../src/brief/brief-model';
import {
  columnWidths,
  docxDocument,
  headingLines,
  KEEP_WHOLE_ROWS,
  NAME_CHARS,
  NAME_COLUMN_TWIPS,
  nameLines,
  PAGE,
  renderDocx,
  unbreakableUnits,
} from '../../../src/brief/render-docx';
import { textUnits } from '../../../src/brief/render-sheet';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { libreOfficeOr, pageCount, toPdf } from '../../support/libreoffice';
import { AS_OF, fullBriefWorkbook, gridsOf } from './fixtures';

const OUT = path.join(__dirname, '../../../test-output/brief-print');
const LONG_NAME = '阿卜杜热合曼·买买提';

/** An assessment tally whose 四.2 cases are two leaders (one with a long name) and a non-leading 职级. */
async function investigationWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年度考核');
  ws.getRow(1).values = ['序号', '姓名', '工作单位', '现任职务', '职级', '优秀票', '称职票', '基本称职票', '不称职票', '有效票', '考核等次'];
  const rows: [string, string, string, string, number][] = [
    ['欧阳娜娜', '县文旅局', '局长', '正科级', 22],
    ['钱多多', '县财政局', '一级主任科员', '一级主任科员', 25],
    [LONG_NAME, '县民宗局', '副局长', '副科级', 21],
    ['孙平', '县水利局', '副局长', '副科级', 2],
  ];
  rows.forEach((r, i) => (ws.getRow(2 + i).values = [i + 1, r[0], r[1], r[2], r[3], 5, 40 - 5 - r[4], 0, r[4], 40, r[4] >= 20 ? '不称职' : '称职']));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const withNonLeading = (v: Policy['dismissal']['nonLeadingInBrief']): Policy => ({
  ...DEFAULT_POLICY,
  dismissal: { ...DEFAULT_POLICY.dismissal, nonLeadingInBrief: v },
});
const tables = (blocks: readonly Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('section 四 (四.2 joint investigation) lists leaders only', () => {
  it('apart (default): the non-leading 职级 follows in its own table, "供参考", never in the leaders\u2019 list', async () => {
    const model = buildBrief(await gridsOf(await investigationWorkbook()), DEFAULT_POLICY, AS_OF);
    expect(model.nonLeadingInBrief).toBe('apart');
    expect(model.investigations.map((x) => [x.name, x.nonLeading])).toEqual([
      ['欧阳娜娜', false],
      ['钱多多', true],
      [LONG_NAME, false],
    ]);
    const s = briefDocument(model).sections.find((x) => x.id === 'investigations')!;
    const [leaders, others] = tables(s.blocks);
    expect(leaders.rows.map((r) => r[1])).toEqual(['欧阳娜娜', LONG_NAME]);
    expect(others.rows.map((r) => r[1])).toEqual(['钱多多']);
    const texts = s.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    expect(texts[0]).toContain('以下2名领导干部');
    expect(texts[1]).toContain('非领导职务（职级）人员');
    expect(texts[1]).toContain('供参考');
  });

  it('omit: the non-leading 职级 is left out and counted in one line', async () => {
    const model = buildBrief(await gridsOf(await investigationWorkbook()), withNonLeading('omit'), AS_OF);
    const s = briefDocument(model).sections.find((x) => x.id === 'investigations')!;
    expect(tables(s.blocks)).toHaveLength(1);
    expect(tables(s.blocks)[0].rows.map((r) => r[1])).toEqual(['欧阳娜娜', LONG_NAME]);
    expect(JSON.stringify(s.blocks)).not.toContain('钱多多');
    expect(s.blocks.at(-1)).toEqual({
      kind: 'paragraph',
      text: '另有1名非领导职务（职级）人员不称职票达到二分之一，按政策设置不列入本节，由所在单位按规定处理。',
    });
    expect(model.policy.find((p) => p.key === 'dismissal.nonLeadingInBrief')).toMatchObject({ value: '不列入', defaultValue: '单列供参考', changed: true });
  });

  it('only non-leading cases: the leaders\u2019 line says there are none', async () => {
    const model = buildBrief(await gridsOf(await investigationWorkbook()), DEFAULT_POLICY, AS_OF);
    const only = { ...model, investigations: model.investigations.filter((x) => x.nonLeading) };
    const s = briefDocument(only).sections.find((x) => x.id === 'investigations')!;
    expect(s.blocks[0]).toEqual({ kind: 'paragraph', text: '本期无不称职票达到二分之一的领导干部。' });
    expect(tables(s.blocks)[0].rows.map((r) => r[1])).toEqual(['钱多多']);
  });
});

describe('names never break inside', () => {
  it.each([
    ['张三', ['张三'], 24],
    ['欧阳娜娜', ['欧阳娜娜'], 24],
    ['司马相如玉兰', ['司马相如玉兰'], 24],
    [LONG_NAME, ['阿卜杜热合曼·', '买买提'], 20],
    ['买买提·艾力', ['买买提·艾力'], 24],
    ['古丽米热·阿不都热合曼', ['古丽米热·', '阿不都热合曼'], 24],
    ['买买提明吐尔逊托合提', ['买买提明吐尔逊托合提'], 14],
  ])('%s → %j at %i half-points', (name, lines, size) => {
    expect(nameLines(name)).toEqual({ lines, size });
  });

  it('every line of a name fits the name column at its size, and the lines give back the name', () => {
    const han = fc.constantFrom(...'张王李赵欧阳司马买提艾力古丽热合曼阿不都');
    const part = fc.array(han, { minLength: 1, maxLength: 9 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), (parts) => {
        const name = parts.join('·');
        const r = nameLines(name);
        expect(r.lines.join('')).toBe(name);
        for (const l of r.lines) if (r.size > 14) expect((textUnits(l) * r.size) / 24).toBeLessThanOrEqual(NAME_CHARS);
        // A break falls only after a separator.
        for (const l of r.lines.slice(0, -1)) expect(l.endsWith('·')).toBe(true);
      }),
    );
  });

  it('gives every name column at least 4 Han characters + 2 of the table size, taking the width from the other columns', async () => {
    expect(NAME_COLUMN_TWIPS).toBe(6 * 240 + 120);
    const doc = briefDocument(buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF));
    let checked = 0;
    for (const s of doc.sections)
      for (const t of tables(s.blocks)) {
        const w = columnWidths(t.columns, t.rows);
        expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PAGE.textWidth);
        t.columns.forEach((c, j) => {
          if (!c.name) return;
          checked++;
          expect(w[j]).toBeGreaterThanOrEqual(NAME_COLUMN_TWIPS);
        });
      }
    expect(checked).toBe(3); // 试用期, 末位淘汰, 联合调查
  });

  it('writes a long name as two paragraphs split after ·, in its own cell', async () => {
    const { bytes } = await renderDocx(buildBrief(await gridsOf(await investigationWorkbook()), DEFAULT_POLICY, AS_OF));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const cell = /<w:tc>(?:(?!<\/w:tc>).)*阿卜杜热合曼·(?:(?!<\/w:tc>).)*<\/w:tc>/s.exec(xml)![0];
    expect(cell.match(/<w:p>/g)).toHaveLength(2);
    expect(cell).toContain('>买买提<');
  });
});

describe('tables start on the page of their heading', () => {
  let xml: string;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await renderDocx(buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF))).bytes;
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  });

  it('keeps headings and the paragraph before each table with what follows', () => {
    const para = (text: string) => new RegExp(`<w:p>(?:(?!</w:p>).)*${text}(?:(?!</w:p>).)*</w:p>`, 's').exec(xml)![0];
    for (const t of Object.values(SECTION_TITLES)) expect(para(t)).toContain('<w:keepNext/>');
    expect(para('以下1名领导干部')).toContain('<w:keepNext/>');
    expect(para('本材料的数据取自本工作簿的以下台账')).toContain('<w:keepNext/>');
  });

  it('keeps a table that fits a page whole (every row but the last with keep-with-next), rows never split', () => {
    const tbls = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    for (const t of tbls) {
      const rows = [...t.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
      for (const r of rows) expect(r).toContain('<w:cantSplit/>');
      expect(rows.at(-1)).not.toContain('<w:keepNext/>');
      expect(rows[0]).toContain('<w:keepNext/>');
      if (rows.length <= KEEP_WHOLE_ROWS) for (const r of rows.slice(0, -1)) expect(r).toContain('<w:keepNext/>');
    }
  });

  it('LibreOffice puts each table-bearing section heading on the page where its table starts', () => {
    if (!libreOfficeOr('keep-with-next was checked in document.xml only')) return;
    mkdirSync(OUT, { recursive: true });
    const docx = path.join(OUT, 'brief.docx');
    writeFileSync(docx, bytes);
    const pdf = toPdf(docx);
    const n = pageCount(pdf);
    const pages = Array.from({ length: n }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
    );
    const head = { probation: '单位及职务', investigations: '单位及职务', policy: '事项', sources: '台账类型' } as const;
    for (const id of ['probation', 'investigations', 'policy', 'sources'] as const) {
      const p = pages.findIndex((t) => t.includes(SECTION_TITLES[id]));
      expect([id, p >= 0]).toEqual([id, true]);
      const after = pages[p].slice(pages[p].indexOf(SECTION_TITLES[id]));
      // The table's head row is on the heading's page (pdftotext reads cells in its own order: look for one head cell).
      expect([id, after.includes(head[id])]).toEqual([id, true]);
    }
  }, 180_000);
});

/** The width columnWidths promises a column that is not a name column (see render-docx.ts). */
const minimumOf = (c: TableColumn, cells: readonly string[]) =>
  Math.min(
    Math.ceil((Math.max(unbreakableUnits(c.title, true), ...cells.map((x) => unbreakableUnits(x, false))) + 0.5) * 240) + 120,
    Math.floor(PAGE.textWidth / 3),
  );

describe('headings and numbers never break inside', () => {
  it.each([
    ['序号', true, 2],
    ['现行值', true, 3],
    ['考核等次', true, 2],
    ['单位及职务', true, 3],
    ['不称职票/有效票', true, 4.6],
    ['55.26%', false, 4],
    ['21/38', false, 3],
    ['2%×30', false, 3.8],
    ['“年度考核测评”第 22 行', false, 1.2],
    ['2024.01.01—2025.01.01', false, 6],
    ['初步淘汰对象，由常委会议研究', false, 0],
    ['', false, 0],
  ])('%j (heading %s) is %d characters wide unbroken', (text, heading, units) => {
    expect(unbreakableUnits(text, heading)).toBeCloseTo(units, 9);
  });

  it('gives every column of the brief its unbroken heading and figures (序号, 名次, 55.26%) and keeps the table width', async () => {
    const doc = briefDocument(buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF));
    let checked = 0;
    for (const s of doc.sections)
      for (const t of tables(s.blocks)) {
        const w = columnWidths(t.columns, t.rows);
        const byWeight = t.columns.map((c) => Math.floor((PAGE.textWidth * c.weight) / t.columns.reduce((a, x) => a + x.weight, 0)));
        expect(w.reduce((a, b) => a + b, 0)).toBe(byWeight.reduce((a, b) => a + b, 0));
        t.columns.forEach((c, j) => {
          checked++;
          expect([
            c.title,
            w[j] >=
              (c.name
                ? NAME_COLUMN_TWIPS
                : minimumOf(
                    c,
                    t.rows.map((r) => r[j]),
                  )),
          ]).toEqual([c.title, true]);
        });
      }
    expect(checked).toBeGreaterThanOrEqual(25);
  });

  it.each([
    ['序号', 720, ['序号']],
    ['考核等次', 1200, ['考核等次']],
    ['考核等次', 900, ['考核', '等次']],
    ['单位及职务', 900, ['单位及', '职务']],
    ['不称职票/有效票', 1344, ['不称职票/', '有效票']],
    ['不称职票/有效票', 3000, ['不称职票/有效票']],
  ])('heading %j in %i twips prints as %j', (title, width, lines) => {
    expect(headingLines(title, width)).toEqual(lines);
  });

  it('sizes a table of 200,000 rows (no Math.max over every row at once)', () => {
    const columns: TableColumn[] = [
      { title: '序号', weight: 5 },
      { title: '比例', weight: 9 },
      { title: '建议', weight: 30 },
    ];
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i + 1), '55.26%', '初步淘汰对象']);
    const w = columnWidths(columns, rows);
    expect(w.reduce((a, b) => a + b, 0)).toBe(columns.reduce((a, c) => a + Math.floor((PAGE.textWidth * c.weight) / 44), 0));
    expect(w[0]).toBeGreaterThanOrEqual(minimumOf(columns[0], ['200000']));
  });

  it('shares the width out without losing any: each column keeps its minimum when the minimums fit', () => {
    const column = fc.record({
      title: fc.constantFrom('序号', '姓名', '名次', '比例', '考核等次', '单位及职务', '不称职票/有效票', '建议', '来源'),
      weight: fc.integer({ min: 1, max: 40 }),
      name: fc.boolean(),
    });
    const cell = fc.constantFrom('1', '55.26%', '21/38', '河口镇党委书记', '初步淘汰对象，由常委会议研究', '2024.01.01—2025.01.01', '');
    fc.assert(
      fc.property(
        fc.array(column, { minLength: 1, maxLength: 9 }),
        fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { maxLength: 4 }),
        (columns, rows) => {
          const w = columnWidths(columns, rows);
          const sum = columns.reduce((a, c) => a + c.weight, 0);
          const byWeight = columns.map((c) => Math.floor((PAGE.textWidth * c.weight) / sum));
          expect(w.reduce((a, b) => a + b, 0)).toBe(byWeight.reduce((a, b) => a + b, 0));
          const mins = columns.map((c, j) =>
            c.name
              ? NAME_COLUMN_TWIPS
              : minimumOf(
                  c,
                  rows.map((r) => r[j]),
                ),
          );
          if (mins.reduce((a, b) => a + b, 0) <= byWeight.reduce((a, b) => a + b, 0)) w.forEach((x, j) => expect(x).toBeGreaterThanOrEqual(mins[j]));
          // A column never gives below its own minimum, nor more than it had above it.
          w.forEach((x, j) => expect(x).toBeGreaterThanOrEqual(Math.min(byWeight[j], mins[j])));
        },
      ),
    );
  });

  it('LibreOffice breaks no number (1%, 2%×30, 2003.06, 21/38, 55.26%) across lines, nor a heading of 2 characters', async () => {
    // Each paragraph shifts the figures by one character, so every figure meets a line end somewhere.
    const figures = '诫勉1%，免职2%×30，1985.03出生，2003.06入党，得票21/38即55.26%，共102人。';
    // The brief's own 末位淘汰 and 联合调查 tables (序号, 名次, 比例, 考核等次), each with a row of figures.
    const real = briefDocument(buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF));
    const cells: Readonly<Record<string, string>> = { 序号: '1', 姓名: '袁丽华', '不称职票/有效票': '21/38', 比例: '55.26%', 名次: '1', 考核等次: '不称职' };
    const figureTables = ['elimination', 'investigations'].map((id): Block => {
      const t = tables(real.sections.find((x) => x.id === id)!.blocks)[0];
      return { ...t, rows: [t.columns.map((c) => cells[c.title] ?? '河口镇党委书记')] };
    });
    const doc: BriefDocument = {
      ...real,
      sections: [
        {
          ...real.sections[0],
          emptyLine: null,
          blocks: [...Array.from({ length: 20 }, (_, k): Block => ({ kind: 'paragraph', text: '甲'.repeat(k) + figures })), ...figureTables],
        },
      ],
    };
    if (!libreOfficeOr('number breaks were not checked')) return;
    mkdirSync(OUT, { recursive: true });
    const docx = path.join(OUT, 'numbers.docx');
    writeFileSync(docx, new Uint8Array(await Packer.toBuffer(docxDocument(doc))));
    const text = execFileSync('pdftotext', [toPdf(docx), '-'], { encoding: 'utf8' });
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    // The paragraphs' lines: up to the table, whose cells pdftotext gives a line each.
    const body = lines.slice(
      0,
      lines.findIndex((l) => l.includes('序号')),
    );
    const figure = /[0-9.%/×]/;
    const splits = body.slice(1).flatMap((l, i) => (figure.test(body[i].at(-1)!) && figure.test(l[0]) ? [`${body[i]} | ${l}`] : []));
    expect(splits).toEqual([]);
    expect(body.join('').replace(/\s+/g, '').split(figures).length - 1).toBe(20);
    for (const head of ['序号', '名次', '比例', '55.26%']) expect([head, lines.some((l) => l.includes(head))]).toEqual([head, true]);
    // A longer heading may take two balanced lines, never one character alone.
    expect(lines.some((l) => l.includes('考核等次')) || (lines.includes('考核') && lines.includes('等次'))).toBe(true);
    for (const one of ['序', '号', '名', '次', '比', '例']) expect(lines).not.toContain(one);
  }, 180_000);
});

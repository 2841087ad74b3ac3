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
import { briefDocument, SECTION_TITLES, type Block } from '../../../src/brief/brief-document';
import { buildBrief } from '../../../src/brief/brief-model';
import { columnWidths, KEEP_WHOLE_ROWS, NAME_CHARS, NAME_COLUMN_TWIPS, nameLines, PAGE, renderDocx } from '../../../src/brief/render-docx';
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

  it('gives every name column at least 4 Han characters + 2 of the table size, taking the width from the widest column', async () => {
    expect(NAME_COLUMN_TWIPS).toBe(6 * 240 + 120);
    const doc = briefDocument(buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF));
    let checked = 0;
    for (const s of doc.sections)
      for (const t of tables(s.blocks)) {
        const w = columnWidths(t.columns);
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

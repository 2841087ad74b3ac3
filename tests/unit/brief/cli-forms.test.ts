import ExcelJS from 'exceljs';
import { EMPTY_TAUGHT } from '../../../src/ledger/taught-map';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { main, readerUse } from '../../../src/cli/main';
import { parseFormsArgs, runForms } from '../../../src/cli/forms';
import { formToLrmx, parseLrmx } from '../../../src/brief/lrmx';
import { buildForms } from '../../../src/brief/form-model';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { memoryIo } from '../../support/cli-memory';
import { libreOfficeOr, pageCount, pageOnePng, toPdf } from '../../support/libreoffice';
import { emptyBriefWorkbook } from './fixtures';
import { AGRI_POST, FORM_IDS, FORMS_AS_OF, formsWorkbook, STATS_POST, STRAY_RESUME_ID } from './form-fixtures';

const OUT = path.join(__dirname, '../../../test-output/forms');
const docText = async (bytes: Uint8Array) => (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
const NAMES = [`干部任免审批表-01-张三-${AGRI_POST}`, `干部任免审批表-02-李四-${AGRI_POST}`, `干部任免审批表-03-王芳-${STATS_POST}`];

describe('cadre-ledger forms', () => {
  let files: Record<string, Uint8Array>;
  let input: Uint8Array;
  let stdout: string;
  beforeAll(async () => {
    input = await formsWorkbook();
    const io = memoryIo({ 'in.xlsx': input }, FORMS_AS_OF);
    const code = await main(['forms', 'in.xlsx', '-o', 'out', '--lrmx', '--sheet', 'forms.xlsx'], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    files = io.files;
    stdout = io.stdout;
  });

  it('writes one .docx and one .lrmx per proposed cadre, named by name and post, and leaves the input alone', () => {
    const written = Object.keys(files)
      .filter((f) => f.startsWith('out'))
      .sort();
    expect(written).toEqual([...NAMES.map((n) => path.join('out', `${n}.docx`)), ...NAMES.map((n) => path.join('out', `${n}.lrmx`))].sort());
    expect(files['in.xlsx']).toBe(input);
    expect(stdout).toContain('已生成 3 人的干部任免审批表（截至 2025-03-10）');
    expect(stdout).toContain('已在审批表中遮蔽');
    for (const f of Object.keys(files)) for (const id of FORM_IDS) expect(f).not.toContain(id);
  });

  it('fills the form and holds no full ID number', async () => {
    const text = await docText(files[path.join('out', `${NAMES[0]}.docx`)]);
    for (const t of ['干部任免审批表', '张三', '1978.05', '（46岁）', '江苏南京', '高级农艺师', '中国农业大学农学专业', AGRI_POST, '2022年度考核优秀'])
      expect(text).toContain(t);
    for (const n of NAMES) {
      const all = await docText(files[path.join('out', `${n}.docx`)]);
      for (const id of [...FORM_IDS, STRAY_RESUME_ID]) expect(all).not.toContain(id);
      expect(all).not.toMatch(/\d{15}/);
    }
  });

  it('writes .lrmx that reads back with the same items and no ID number', () => {
    const xml = new TextDecoder().decode(files[path.join('out', `${NAMES[2]}.lrmx`)]);
    const r = parseLrmx(xml);
    if (!r.ok) throw new Error(r.reason);
    expect(r.person.values).toMatchObject({
      XingMing: '王芳',
      XingBie: '女',
      ChuShengNianYue: '198511',
      JiGuan: '江苏苏州',
      ChuShengDi: '江苏无锡',
      NiRenZhiWu: STATS_POST,
    });
    expect(r.person.values.ShenFenZheng).toBe('');
    for (const id of FORM_IDS) expect(xml).not.toContain(id);
  });

  it('adds one form sheet per person to a copy of the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files['forms.xlsx'] as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('任免审批表'))).toEqual(['任免审批表-张三', '任免审批表-李四', '任免审批表-王芳']);
    const ws = wb.getWorksheet('任免审批表-张三')!;
    expect(ws.getCell('A1').value).toBe('干部任免审批表');
    expect(ws.getCell('B2').value).toBe('张三');
  });

  it('reads the workbook with the fast read-only reader; --sheet opens the full reader only to write the copy; the same forms either way', async () => {
    const runs: Record<string, Uint8Array>[] = [];
    for (const sheet of [[], ['--sheet', 'f.xlsx']]) {
      const before = { ...readerUse };
      const io = memoryIo({ 'in.xlsx': input }, FORMS_AS_OF);
      expect(await runForms(['in.xlsx', '-o', 'out', '--lrmx', ...sheet], io)).toBe(0);
      expect({ fast: readerUse.fast - before.fast, full: readerUse.full - before.full, edit: readerUse.edit - before.edit }).toEqual({
        fast: 1,
        full: 0,
        edit: sheet.length ? 1 : 0,
      });
      runs.push(io.files);
    }
    // The forms the full reader's Grids give, as .lrmx; each run wrote the same, and the same .docx text.
    const expected = buildForms(await (await openFileWorkbook(input)).read(), DEFAULT_POLICY, FORMS_AS_OF).map((f) => new TextEncoder().encode(formToLrmx(f)));
    expect(expected).toHaveLength(NAMES.length);
    for (const [i, name] of NAMES.entries()) {
      const docx = path.join('out', `${name}.docx`);
      const lrmx = path.join('out', `${name}.lrmx`);
      expect(await docText(runs[0][docx])).toBe(await docText(files[docx]));
      expect(await docText(runs[1][docx])).toBe(await docText(files[docx]));
      expect([runs[0][lrmx], runs[1][lrmx]]).toEqual([expected[i], expected[i]]);
    }
    expect(runs[1]['f.xlsx']).toBeDefined();
  });

  it('with --sheet, a file the full reader refuses is refused before any form is written', async () => {
    const zip = await JSZip.loadAsync(input);
    zip.file(
      'xl/styles.xml',
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs><notclosed>',
    );
    const bad = await zip.generateAsync({ type: 'uint8array' });
    const io = memoryIo({ 'in.xlsx': bad }, FORMS_AS_OF);
    expect(await runForms(['in.xlsx', '-o', 'out', '--lrmx', '--sheet', 'f.xlsx'], io)).toBe(2);
    expect(io.stderr).toMatch(/^cadre-ledger forms: in\.xlsx：.+\n$/);
    expect(Object.keys(io.files)).toEqual(['in.xlsx']);
  });

  it('puts all forms in one document with --one-file', async () => {
    const io = memoryIo({ 'in.xlsx': input }, FORMS_AS_OF);
    expect(await runForms(['in.xlsx', '-o', 'one', '--one-file'], io)).toBe(0);
    const docs = Object.keys(io.files).filter((f) => f.startsWith('one'));
    expect(docs).toEqual([path.join('one', '干部任免审批表（2025-03-10）.docx')]);
    const text = await docText(io.files[docs[0]]);
    expect(text.split('干部任免审批表').length - 1).toBe(3);
  });

  it('says so when there is nobody to write a form for', async () => {
    const io = memoryIo({ 'in.xlsx': await emptyBriefWorkbook() }, FORMS_AS_OF);
    expect(await runForms(['in.xlsx', '-o', 'x'], io)).toBe(0);
    expect(io.stdout).toContain('没有拟任人选');
    expect(Object.keys(io.files)).toEqual(['in.xlsx']);
  });

  it('refuses unusable input with exit 2 and one line', async () => {
    const io = memoryIo({ 'in.xlsx': input }, FORMS_AS_OF);
    expect(await runForms(['in.xlsx'], io)).toBe(2);
    expect(io.stderr).toBe('cadre-ledger forms: forms 需要用 -o 指定输出文件夹\n');
    expect(await runForms(['in.xlsx', '-o', 'x', '--sheet', 'in.xlsx'], io)).toBe(2);
    expect(await runForms(['nope.xlsx', '-o', 'x', '--lang', 'en-US'], io)).toBe(2);
    expect(io.stderr).toContain('File not found: nope.xlsx');
    expect(await runForms(['in.xlsx', '-o', 'x', '--as-of', '2025-02-30'], io)).toBe(2);
    expect(await runForms(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('用法：cadre-ledger forms');
    expect(parseFormsArgs(['a.xlsx', '-o', 'd', '--one-file', '--lrmx', '--as-of=2025-03-10'])).toEqual({
      ok: true,
      args: {
        file: 'a.xlsx',
        outDir: 'd',
        oneFile: true,
        lrmx: true,
        sheetOutput: null,
        asOf: FORMS_AS_OF,
        policyFile: null,
        map: EMPTY_TAUGHT,
        lang: 'zh-CN',
        help: false,
      },
    });
  });

  it('lrmx imports a person from a .lrmx into the roster of a copy, and does not add someone twice', async () => {
    const person = new TextEncoder().encode(
      '<?xml version="1.0" encoding="UTF-8"?><Person><XingMing>周八</XingMing><XingBie>男</XingBie><ChuShengNianYue>198601</ChuShengNianYue><JiGuan>江苏南通</JiGuan><JianKangZhuangKuang>=健康</JianKangZhuangKuang><XianRenZhiWu>统计股股长</XianRenZhiWu></Person>',
    );
    const io = memoryIo({ 'in.xlsx': input, 'p.lrmx': person, 'z.lrmx': files[path.join('out', `${NAMES[0]}.lrmx`)] }, FORMS_AS_OF);
    expect(await main(['lrmx', 'in.xlsx', 'p.lrmx', 'z.lrmx', '-o', 'roster.xlsx'], io)).toBe(0);
    expect(io.stderr).toBe('');
    expect(io.stdout).toContain('周八 → 花名册“花名册”第8行');
    expect(io.stdout).toContain('张三：花名册“花名册”第3行已有此人，未重复添加');
    expect(io.files['in.xlsx']).toBe(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(io.files['roster.xlsx'] as unknown as ArrayBuffer);
    const row = wb.getWorksheet('花名册')!.getRow(8);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(5).value, row.getCell(7).value, row.getCell(11).value, row.getCell(18).value]).toEqual([
      '周八',
      '男',
      '江苏南通',
      '1986.01',
      '=健康', // written as text, never a formula
      '统计股股长',
    ]);
    expect(wb.getWorksheet('花名册')!.getRow(9).getCell(2).value).toBeNull();
    expect(await main(['lrmx', 'in.xlsx', 'in.xlsx', '-o', 'x.xlsx'], io)).toBe(2);
    expect(io.stderr).toContain('不是 .lrmx 任免审批表文件');
  });

  it('LibreOffice opens each of the three forms as exactly one A4 page; page 1 saved as PNG', () => {
    if (!libreOfficeOr('the forms were checked structurally only')) return;
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const pages: number[] = [];
    NAMES.forEach((n, i) => {
      const docx = path.join(OUT, `form-${i + 1}.docx`); // ASCII names for the converter's command line
      writeFileSync(docx, files[path.join('out', `${n}.docx`)]);
      const pdf = toPdf(docx);
      pages.push(pageCount(pdf));
      pageOnePng(pdf, path.join(OUT, `form-${i + 1}-page-1`));
    });
    expect(pages).toEqual([1, 1, 1]);
  }, 240_000);
});

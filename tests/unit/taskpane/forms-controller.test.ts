import JSZip from 'jszip';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { formsDocxFile, prepareForms, writeFormSheets } from '../../../src/taskpane/brief/forms-controller';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { allSets } from '../../support/fake-ledger';
import { emptyBriefWorkbook } from '../brief/fixtures';
import { FORM_IDS, FORMS_AS_OF, formsWorkbook } from '../brief/form-fixtures';
import { fakeFromGrids, gridsOf } from './support';

describe('生成任免审批表 (forms controller)', () => {
  it('standalone: one .docx with the three forms, named by date, no ID number', async () => {
    const book = await openFileWorkbook(await formsWorkbook());
    const forms = await prepareForms(book, DEFAULT_POLICY, FORMS_AS_OF);
    expect(forms.map((f) => f.name)).toEqual(['张三', '李四', '王芳']);
    const f = await formsDocxFile(forms, FORMS_AS_OF);
    expect(f.fileName).toBe('干部任免审批表（2025-03-10）.docx');
    expect(f.masked).toBe(1);
    const xml = await (await JSZip.loadAsync(f.bytes)).file('word/document.xml')!.async('string');
    for (const id of FORM_IDS) expect(xml).not.toContain(id);
    expect(await prepareForms(await openFileWorkbook(await emptyBriefWorkbook()), DEFAULT_POLICY, FORMS_AS_OF)).toEqual([]);
  });

  it('in Excel: a worksheet per person on request, asking before replacing; the form sheets are not read back as ledgers', async () => {
    const fx = fakeFromGrids(await gridsOf(await formsWorkbook()));
    const port = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    const forms = await prepareForms(port, DEFAULT_POLICY, FORMS_AS_OF);
    expect(await writeFormSheets(port, forms)).toEqual({ status: 'written', sheets: ['任免审批表-张三', '任免审批表-李四', '任免审批表-王芳'] });
    const names = (await port.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['任免审批表-张三', '任免审批表-李四', '任免审批表-王芳']));
    expect(await writeFormSheets(port, forms)).toEqual({ status: 'exists', sheets: ['任免审批表-张三', '任免审批表-李四', '任免审批表-王芳'] });
    expect((await writeFormSheets(port, forms, { replace: true })).status).toBe('written');
    const again = await prepareForms(port, DEFAULT_POLICY, FORMS_AS_OF);
    expect(again.map((f) => [f.name, f.items.sex?.sources])).toEqual(forms.map((f) => [f.name, f.items.sex?.sources]));
    const sheet = (await port.read(['任免审批表-张三']))[0];
    expect(sheet.values[0][0]).toBe('干部任免审批表');
    expect(sheet.values[1][1]).toBe('张三');
    expect(JSON.stringify(sheet.values)).not.toMatch(/\d{15}/);
  });
});

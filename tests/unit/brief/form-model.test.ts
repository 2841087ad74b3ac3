import { writeFileSync, mkdirSync } from 'fs';
import { buildForms } from '../../../src/brief/form-model';
import { renderFormsDocx } from '../../../src/brief/render-form-docx';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { gridsOf } from './fixtures';
import { FORMS_AS_OF, formsWorkbook } from './form-fixtures';

describe('buildForms probe', () => {
  it('prints', async () => {
    const forms = buildForms(await gridsOf(await formsWorkbook()), DEFAULT_POLICY, FORMS_AS_OF);
    mkdirSync('test-output/forms', { recursive: true });
    for (const f of forms) writeFileSync(`test-output/forms/${f.name}.docx`, (await renderFormsDocx([f])).bytes);
  });
});

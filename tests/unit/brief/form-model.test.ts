import { buildForms, ageOn, formFileName, FORM_ITEMS } from '../../../src/brief/form-model';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { gridsOf } from './fixtures';
import { AGRI_POST, FORM_IDS, FORMS_AS_OF, formsWorkbook, STATS_POST, STRAY_RESUME_ID } from './form-fixtures';

describe('buildForms probe', () => {
  it('prints', async () => {
    const forms = buildForms(await gridsOf(await formsWorkbook()), DEFAULT_POLICY, FORMS_AS_OF);
    console.log(JSON.stringify(forms, null, 1));
  });
});

/**
 * In English a wizard says everything in English: every wizard run on its fixture, and no en-US
 * summary, reason, cell, column or option text may contain Chinese except what comes from the
 * ledger. The rule: remove quoted segments (“…”, "…"), every text value of the fixture's cells and
 * its sheet names (names, posts, levels, ledger values), and the document's section numbers
 * (二.3, 四.2); no CJK character may remain.
 */
import { selectionRoundWorkbook } from '../../fixtures/selection-round';
import { settingsWorkbook, wizards57Workbook } from '../../fixtures/wizards-5-7';
import { WIZARDS, wizardById } from '../../../src/wizards/registry';
import { cellText, type AnyWizard, type WizardResult } from '../../../src/wizards/types';
import { openFileWorkbook, type FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { CAL_OPTS } from '../../../src/wizards/settings';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { prepare, runAndWrite } from './helpers';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Text values of every cell (2+ characters) and the sheet names, longest first. */
async function ledgerTexts(port: FileWorkbook): Promise<string[]> {
  const names = (await port.listSheets()).map((s) => s.name);
  const out = new Set<string>(names);
  for (const g of await port.read(names)) for (const row of g.values) for (const v of row) if (typeof v === 'string' && v.trim().length >= 2) out.add(v.trim());
  return [...out].sort((a, b) => b.length - a.length);
}

/** The text with ledger values, quoted segments and section numbers removed. */
export function withoutLedgerText(text: string, ledger: readonly string[]): string {
  let t = text.replace(/“[^”]*”/g, '').replace(/"[^"]*"/g, '');
  for (const v of ledger) t = t.split(v).join('');
  return t.replace(/[一二三四五六七八九十]+\.\d+/g, '');
}

/** Every en-US text a result and its option fields show. */
function englishTexts(def: AnyWizard, result: WizardResult, fields: readonly { label: { 'en-US': string }; help?: { 'en-US': string } }[]): string[] {
  const out: string[] = [];
  for (const c of result.columns) out.push(c['en-US']);
  for (const r of result.summary) out.push(r.message['en-US']);
  for (const row of result.rows) {
    for (const c of row.cells) out.push(cellText(c, 'en-US'));
    for (const r of row.reasons) out.push(r.message['en-US']);
  }
  for (const f of fields) out.push(f.label['en-US'], f.help?.['en-US'] ?? '');
  out.push(def.title['en-US'], def.description['en-US']);
  return out.filter((t) => t !== '');
}

async function offenders(port: FileWorkbook, ledger: readonly string[], id: string, options = {}): Promise<string[]> {
  const def = wizardById(id) as AnyWizard;
  const { inputs } = await prepare(port, def, options);
  const fields = def.optionFields(inputs);
  const { result }: { result: WizardResult } = await runAndWrite(port, def, options);
  expect(result.rows.length + result.summary.length).toBeGreaterThan(0);
  // the sentences that once embedded Chinese: a candidate below the threshold (林华), votes not entered
  if (id === 'shortlist') expect(result.summary.map((r) => r.code)).toContain('shortlist.not-eligible');
  if (id === 'committee') expect(result.rows.flatMap((r) => r.reasons.map((x) => x.code))).toContain('committee.input-missing');
  return englishTexts(def, result, fields as never).filter((t) => CJK.test(withoutLedgerText(t, ledger)));
}

describe('English wizard text carries no Chinese sentences', () => {
  test('the rule removes ledger values, quotes and section numbers, and keeps other Chinese', () => {
    const ledger = ['林华', '办公室主任'];
    expect(withoutLedgerText('林华 (办公室主任): 30/60 · 50%, below the 二.2 threshold; "正科级"', ledger)).not.toMatch(CJK);
    expect(withoutLedgerText('办公室主任: 林华不符合民主推荐规定', ledger)).toMatch(CJK);
  });

  test('wizards 1–4 on the selection round', async () => {
    const port = await openFileWorkbook(await selectionRoundWorkbook());
    const ledger = await ledgerTexts(port);
    for (const id of ['tally', 'shortlist', 'notice', 'committee']) expect({ id, bad: await offenders(port, ledger, id) }).toEqual({ id, bad: [] });
  });

  test('wizards 5–6 on the probation and assessment ledgers', async () => {
    const port = await openFileWorkbook(await wizards57Workbook());
    const ledger = await ledgerTexts(port);
    for (const id of ['probation', 'elimination']) expect({ id, bad: await offenders(port, ledger, id) }).toEqual({ id, bad: [] });
  });

  test('wizard 7 with changed settings (an enum, a share, a list, a calendar year)', async () => {
    const port = await openFileWorkbook(await settingsWorkbook());
    const ledger = await ledgerTexts(port);
    const options = {
      'notice.days': '7',
      'elimination.rounding': 'floor',
      'elimination.levels': '正科级、副科级、股级',
      [CAL_OPTS.years]: '2027 | 2027-01-01~2027-01-03 | 2027-02-14',
    };
    // the levels are the user's own entry and the notice contents name the ledger's columns: ledger words
    const words = [...ledger, '正科级', '副科级', '股级', ...DEFAULT_POLICY.notice.requiredFields].sort((a, b) => b.length - a.length);
    expect({ bad: await offenders(port, words, 'settings', options) }).toEqual({ bad: [] });
  });

  test('every wizard is covered', () => {
    expect(WIZARDS.map((w) => w.id)).toEqual(['tally', 'shortlist', 'notice', 'committee', 'probation', 'elimination', 'settings']);
  });
});

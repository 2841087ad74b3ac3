import { W } from '../../../src/i18n/strings-wizards';
/**
 * Wizard 2 records the standing committee's actual pair per post (SPEC §3 二.3): the option
 * defaults to the suggestion, any proposed candidates may be picked, a departure is flagged, and
 * the output's 一职双备 column carries the pair in force to the notice wizard.
 */
import { selectionRoundWorkbook } from '../../fixtures/selection-round';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { tallyWizard } from '../../../src/wizards/tally';
import { COMMITTEE_MARK, FINALIST_MARK, PAIR_OPTION, shortlistWizard, SHORTLIST_SHEET, type ShortlistResult } from '../../../src/wizards/shortlist';
import { noticeWizard } from '../../../src/wizards/notice';
import type { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { AS_OF, grid, open, prepare, roundTrip, rowOf, runAndWrite } from './helpers';
import { buildBrief } from '../../../src/brief/brief-model';
import { DEFAULT_POLICY } from '../../../src/policy/policy';

const AGRI = '农业局局长';
const FIN = '财政局局长';
const pick = (post: string, names: string[]) => ({ [`${PAIR_OPTION}${post}`]: names });
const marks = (r: ShortlistResult, post: string) => r.items.filter((i) => i.post === post).map((i) => [i.name, i.chosen, i.mark]);

async function afterTally(): Promise<FileWorkbook> {
  const port = await open(await selectionRoundWorkbook());
  await runAndWrite(port, tallyWizard);
  return port;
}

describe('shortlist: the committee pair', () => {
  test('one option per post with proposed candidates; its default is the suggestion, its choices the proposal', async () => {
    const port = await afterTally();
    const { inputs } = await prepare(port, shortlistWizard);
    const fields = shortlistWizard.optionFields(inputs);
    expect(fields.map((f) => f.key)).toEqual([`${PAIR_OPTION}${AGRI}`, `${PAIR_OPTION}${FIN}`, `${PAIR_OPTION}教育局局长`]);
    const agri = fields[0];
    if (agri.kind !== 'multiselect') throw new Error('multiselect expected');
    expect(agri.default).toEqual(['陈明', '黄强']);
    expect(agri.choices.map((c) => c.value)).toEqual(['陈明', '黄强', '宋佳', '吴刚', '郑云']);
    expect(agri.choices[3].label['zh-CN']).toBe('吴刚（第 4 名，并列）');
    expect(agri.choices[0].label['en-US']).toBe('陈明 (#1, suggested)');
    expect(agri.group?.['zh-CN']).toBe('常委会确定的人选（一职双备）');
    // default options = the suggestion: nothing is flagged as a departure
    expect(inputs.options[`${PAIR_OPTION}${AGRI}`]).toEqual(['陈明', '黄强']);
    const result = await shortlistWizard.run(inputs, {});
    expect(result.choices.every((c) => !c.differs)).toBe(true);
    expect(marks(result, AGRI)).toEqual([
      ['陈明', true, FINALIST_MARK],
      ['黄强', true, FINALIST_MARK],
      ['宋佳', false, ''],
      ['吴刚', false, ''],
      ['郑云', false, ''],
    ]);
    expect(result.summary.some((r) => r.code.startsWith('shortlist.choice-'))).toBe(false);
  });

  test('a different pair is shown with a flag, written to 一职双备, and the notice wizard takes it', async () => {
    let port = await afterTally();
    const { result, sheet } = await runAndWrite(port, shortlistWizard, { ...pick(AGRI, ['陈明', '宋佳']), ...pick(FIN, ['何丽', '许诺']) });
    expect(sheet).toBe(SHORTLIST_SHEET);
    expect(result.choices.filter((c) => c.differs).map((c) => [c.post, c.chosen, c.suggested])).toEqual([
      [AGRI, ['陈明', '宋佳'], ['陈明', '黄强']],
      [FIN, ['何丽', '许诺'], ['何丽', '唐宁', '许诺']],
    ]);
    expect(marks(result, AGRI)).toEqual([
      ['陈明', true, COMMITTEE_MARK],
      ['黄强', false, ''],
      ['宋佳', true, COMMITTEE_MARK],
      ['吴刚', false, ''],
      ['郑云', false, ''],
    ]);
    expect(marks(result, FIN).map((m) => m[2])).toEqual([COMMITTEE_MARK, '', COMMITTEE_MARK, '']);
    // the tie at 2nd is settled: the finalists count now matches 一职双备
    expect(result.summary.filter((r) => r.code === 'shortlist.choice-differs').map((r) => r.message['zh-CN'])).toEqual([
      `${AGRI}：常委会确定 陈明、宋佳，建议为 陈明、黄强`,
      `${FIN}：常委会确定 何丽、许诺，建议为 何丽、唐宁、许诺`,
    ]);
    expect(result.summary.some((r) => r.code === 'shortlist.choice-count')).toBe(false);
    // rows the pair changed carry the flag and say why; unchanged rows do not
    const rowOfName = (n: string) => result.rows[result.items.findIndex((i) => i.name === n)];
    expect(rowOfName('宋佳').flag).toBe('info');
    expect(rowOfName('宋佳').reasons.map((r) => r.message['zh-CN'])).toContain('常委会确定为拟任人选（建议人选为 陈明、黄强）');
    expect(rowOfName('黄强').flag).toBe('info');
    expect(rowOfName('黄强').reasons.map((r) => r.message['en-US'])).toContain('Suggested, not chosen by the committee (chosen: 陈明, 宋佳)');
    expect(rowOfName('陈明').flag).toBeNull();
    // on screen the mark is worded in the UI language; the sheet below keeps COMMITTEE_MARK
    expect(rowOfName('宋佳').cells[2]).toMatchObject({ lines: expect.arrayContaining([W.cellCandidate, W.cellCommittee]) });
    expect(W.cellCommittee['zh-CN']).toBe(COMMITTEE_MARK);

    port = await roundTrip(port);
    const g = await grid(port, SHORTLIST_SHEET);
    const model = recognizeSheet(g);
    const rows = model.dataRows.map((r) => rowOf(g, r));
    expect(rows.map((r) => [r[2], r[9]])).toEqual([
      ['陈明', COMMITTEE_MARK],
      ['黄强', ''],
      ['宋佳', COMMITTEE_MARK],
      ['吴刚', ''],
      ['郑云', ''],
      ['何丽', COMMITTEE_MARK],
      ['唐宁', ''],
      ['许诺', COMMITTEE_MARK],
      ['周洁', ''],
      ['罗军', FINALIST_MARK],
      ['钱进', FINALIST_MARK],
      ['孙丽', ''],
    ]);
    expect(String(rows[1][10])).toContain('建议人选，常委会未确定');

    // the brief proposes the committee's pair, not the suggestion
    const brief = buildBrief(await port.read(), DEFAULT_POLICY, AS_OF);
    const agri = brief.appointees.find((p) => p.post === AGRI);
    expect([agri?.basis, agri?.finalists.map((f) => f.name)]).toEqual(['committee', ['陈明', '宋佳']]);

    const notice = await runAndWrite(port, noticeWizard, { start: '2026-09-30' });
    expect(notice.choices[0].best?.sheet).toBe(SHORTLIST_SHEET);
    expect(notice.result.items.map((i) => i.name)).toEqual(['陈明', '宋佳', '何丽', '许诺', '罗军', '钱进']);
  });

  test('a pair of the wrong size, or someone not proposed, is recorded with a warning', async () => {
    const port = await afterTally();
    const { inputs } = await prepare(port, shortlistWizard, { ...pick(AGRI, ['陈明']), ...pick(FIN, ['何丽', '高峰']) });
    const result = await shortlistWizard.run(inputs, {});
    const warn = result.summary.filter((r) => r.severity === 'warning').map((r) => r.message['zh-CN']);
    expect(warn).toContain(`${AGRI}：确定了 1 人，一职双备应为 2 人`);
    expect(warn).toContain(`${FIN}：确定的人选 高峰 不在提交的考察对象名单内`);
    expect(result.notes).toContain(`${AGRI}：确定了 1 人，一职双备应为 2 人`);
    expect(
      marks(result, AGRI)
        .filter((m) => m[1])
        .map((m) => m[0]),
    ).toEqual(['陈明']);
    // 高峰 is not on the list, so no row carries him; 何丽 stays chosen, the tied 唐宁/许诺 do not
    expect(marks(result, FIN)).toEqual([
      ['何丽', true, COMMITTEE_MARK],
      ['唐宁', false, ''],
      ['许诺', false, ''],
      ['周洁', false, ''],
    ]);
    expect(result.items.find((i) => i.name === '唐宁')?.tie).toBe(true);
    expect(marks(result, '教育局局长').map((m) => m[2])).toEqual([FINALIST_MARK, FINALIST_MARK, '']);
  });
});

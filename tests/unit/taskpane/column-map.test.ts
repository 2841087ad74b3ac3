/**
 * 指定列 on the 检查台账 screen (issue 11, point 2): the check offers the missing column, the
 * choice is stored in the workbook and the next check, the fix preview and the brief use it.
 */
import { runLedgerCheck, workbookPolicy } from '../../../src/taskpane/check/controller';
import { prepareFixes } from '../../../src/taskpane/check/changes';
import { prepareBrief } from '../../../src/taskpane/brief/controller';
import { fieldChoices, mapTargets, saveTaught, storedHeader } from '../../../src/taskpane/check/column-map';
import { COLUMN_MAP_SETTING_KEY } from '../../../src/ledger/taught-map';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { unguessableProbationXlsx } from '../../fixtures/layouts/kit';

const AS_OF = { y: 2025, m: 3, d: 10 };

const probationBook = async () => openFileWorkbook(await unguessableProbationXlsx());

describe('指定列', () => {
  it('offers the missing 试用期开始, stores the choice, and every pane surface uses it', async () => {
    const port = await probationBook();
    const before = await runLedgerCheck(port, AS_OF);
    const targets = mapTargets(before.models, DEFAULT_POLICY);
    expect(targets[0]).toMatchObject({ sheet: '试用期干部', missing: ['probationStart'] });
    expect(fieldChoices(targets[0])[0]).toBe('probationStart');
    expect(targets[0].headers.map((h) => `${h.letter} ${h.text}`)).toEqual(['A 姓名', 'B 职务', 'C 到岗日期', 'D 期满考核结果']);
    expect((await prepareBrief(port, DEFAULT_POLICY, AS_OF)).sections.find((s) => s.id === 'probation')?.summary['zh-CN']).toBe(
      '试用期台账“试用期干部”缺少试用期开始列，未能核对；请在检查台账中指定',
    );

    await saveTaught(port, '试用期干部', storedHeader('到岗日期'), 'probationStart');
    expect(await port.getSetting(COLUMN_MAP_SETTING_KEY)).toBe('{"试用期干部":{"到岗日期":"probationStart"}}');

    const after = await runLedgerCheck(port, AS_OF);
    expect(after.findings.map((f) => f.code)).toContain('probation.awaiting-assessment');
    expect(mapTargets(after.models, DEFAULT_POLICY)[0].missing).toEqual([]);
    const stored = await workbookPolicy(port);
    expect(stored.taught.get('试用期干部')).toEqual([{ header: '到岗日期', field: 'probationStart' }]);
    const plan = await prepareFixes(port, { policy: stored.policy, asOf: AS_OF, taught: stored.taught });
    expect(plan.kind).toBe('fix');
    const brief = await prepareBrief(port, DEFAULT_POLICY, AS_OF);
    expect(brief.model.probation.map((p) => p.name)).toEqual(['许一']);
  });

  it('a two-row header is stored by its sub-header', () => {
    expect(storedHeader('试用期|开始')).toBe('开始');
    expect(storedHeader('任职时间')).toBe('任职时间');
  });
});

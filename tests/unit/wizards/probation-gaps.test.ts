/**
 * Honest wizard results (issue 11, point 5): a count that rests on a column the ledger lacks says
 * "not checked", never 0.
 */
import { recognizeSheet } from '../../../src/ledger/recognize';
import { typeRows } from '../../../src/ledger/rows';
import { runProbation } from '../../../src/wizards/probation';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { D, sheet } from '../../fixtures/layouts/kit';

const AS_OF = { y: 2025, m: 3, d: 10 };

describe('试用期管理 wizard without report or result columns', () => {
  it('says the reports and conclusions were not checked, naming the sheet', async () => {
    const g = sheet('试用期干部', [['试用期干部管理台账'], ['姓名', '职务', '任职时间'], ['许一', '局长', D(2023, 6, 1)]]);
    const r = await runProbation(typeRows(g, recognizeSheet(g)), DEFAULT_POLICY, AS_OF);
    const gap = r.summary.find((x) => x.code === 'ledger.column-missing');
    expect(gap?.message['zh-CN']).toBe('“试用期干部”没有思想工作汇报、期满考核结果列：相应的次数和结论未能核对（不是 0）；如有此列，请在检查台账中指定');
  });

  it('says nothing of the kind when the columns are there', async () => {
    const g = sheet('试用期干部', [['试用期干部管理台账'], ['姓名', '任职时间', '第一次汇报', '期满考核结果'], ['许一', D(2024, 6, 1), D(2024, 9, 1), '']]);
    const r = await runProbation(typeRows(g, recognizeSheet(g)), DEFAULT_POLICY, AS_OF);
    expect(r.summary.some((x) => x.code === 'ledger.column-missing')).toBe(false);
  });
});

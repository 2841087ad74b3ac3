/**
 * Honest brief sections (issue 11, point 5): a section whose ledger, column or cells could not be
 * read says so in that section — never "本期无…" — and says "none" only when it read everything.
 */
import { buildBrief } from '../../../src/brief/brief-model';
import { briefDocument, EMPTY_LINES } from '../../../src/brief/brief-document';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { D, sheet } from '../../fixtures/layouts/kit';

const AS_OF = { y: 2025, m: 3, d: 10 };
const line = (grids: Parameters<typeof buildBrief>[0], id: string) => briefDocument(buildBrief(grids, DEFAULT_POLICY, AS_OF)).sections.find((s) => s.id === id);

describe('brief sections that could not be read', () => {
  it('a probation ledger without a start column: names the sheet and asks for the mapping', () => {
    const g = sheet('试用期干部', [['试用期干部管理台账'], ['姓名', '职务', '试用期满时间', '备注'], ['许一', '局长', D(2023, 6, 1), '']]);
    expect(line([g], 'probation')?.emptyLine).toBe('试用期台账“试用期干部”缺少试用期开始列，未能核对；请在检查台账中指定。');
  });

  it('a sheet named as its kind is called 工作表“…”, not 试用期台账“试用期台账”', () => {
    const g = sheet('试用期台账', [['试用期干部管理台账'], ['姓名', '职务', '试用期满时间', '备注'], ['许一', '局长', D(2023, 6, 1), '']]);
    expect(line([g], 'probation')?.emptyLine).toBe('工作表“试用期台账”缺少试用期开始列，未能核对；请在检查台账中指定。');
  });

  it('the issue 11 ledger (任职时间) is read: the cadre whose probation ended unassessed is listed', () => {
    const g = sheet('试用期干部', [['试用期干部管理台账'], ['姓名', '职务', '任职时间', '期满考核结果'], ['许一', '局长', D(2023, 6, 1), '']]);
    const s = line([g], 'probation');
    expect(s?.emptyLine).toBeNull();
    expect(JSON.stringify(s?.blocks)).toContain('许一');
  });

  it('unreadable start dates are named with their rows, before the content when there is some', () => {
    const g = sheet('试用期干部', [
      ['试用期干部管理台账'],
      ['姓名', '职务', '试用期开始', '期满考核结果'],
      ['许一', '局长', D(2023, 6, 1), ''],
      ['何二', '副局长', '去年六月', ''],
    ]);
    const s = line([g], 'probation');
    expect(s?.emptyLine).toBeNull();
    expect(JSON.stringify(s?.blocks[0])).toContain('未能核对：试用期台账“试用期干部”第 4 行的试用期开始无法读取或未精确到日，未能核对');
  });

  it('says "none" when the ledger was read and nobody is due', () => {
    const g = sheet('试用期干部', [['试用期干部管理台账'], ['姓名', '职务', '试用期开始'], ['许一', '局长', D(2025, 1, 6)]]);
    expect(line([g], 'probation')?.emptyLine).toBe(EMPTY_LINES.probation);
  });

  it('an assessment tally without 不称职票 cannot rank or flag anyone, and says so', () => {
    const g = sheet('年度考核', [['年度考核测评汇总表'], ['姓名', '职务', '优秀票', '称职票', '考核等次'], ['戚三', '局长', 20, 17, '称职']]);
    expect(line([g], 'investigations')?.emptyLine).toBe('年度考核测评“年度考核”缺少不称职票列，未能核对；请在检查台账中指定。');
    expect(line([g], 'elimination')?.emptyLine).toContain('缺少不称职票列，未能核对');
  });
});

/**
 * The finding-code table (问题代码表) as Markdown, generated from ALL_CODES so docs/findings.md
 * can never drift from the code: tests/unit/ledger/codes.test.ts compares them, and rewrites the
 * file when run with UPDATE_FINDINGS_DOC=1.
 */
import type { CodeDoc } from '../values/finding';
import { ALL_CODES } from './codes';
import { TRANSFORM_CODES } from './transforms';

const SEVERITY: Record<string, string> = { error: 'error 错误', warning: 'warning 警告', info: 'info 提示' };

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function findingsMarkdown(codes: readonly CodeDoc[] = ALL_CODES): string {
  const lines = [
    '# Finding codes 问题代码',
    '',
    'Every `code` that `cadre-ledger check --json` and the add-in can report (SPEC §7). Codes are',
    'stable; messages are not. Generated from the `CODES` arrays of src/values, src/ledger, src/rules,',
    'src/calendar and src/policy — do not edit by hand: run',
    '`UPDATE_FINDINGS_DOC=1 npx jest tests/unit/ledger/codes.test.ts`.',
    '',
    '| code | severity | 说明 | meaning |',
    '|---|---|---|---|',
    ...codes.map((c) => `| \`${c.code}\` | ${SEVERITY[c.severity]} | ${cell(c.doc['zh-CN'])} | ${cell(c.doc['en-US'])} |`),
    '',
    '## Where the rules are checked 规则在哪些台账上核对',
    '',
    '- 三.4 组织生活 (`orglife.*`): any ledger with the column pair 应参加次数 | 实参加次数; a dedicated attendance sheet is read as a roster.',
    '- 三.5 经济审计 (`audit.*`): 任前公示 sheets (every row a 拟任 unless 调整意向 says otherwise) and 考察对象 sheets with 调整意向, when the sheet has 经济审计 or 审计日期.',
    "- 二.6 accountability (`accountability.*`): 信访举报 sheets that record 问题发生时间 and 任现职时间; only warnings and errors are listed (who answers is the rule's info).",
    '- 四.3 辞职 (`resignation.*`): 辞职 sheets; 书面申请 and 辞职原因 are checked only where the sheet has those columns.',
    '- 二.4 县委委员会议表决 (`committee.*`, src/rules/committee-vote.ts): no sheet kind of SPEC §5 carries votes of the full committee, so it is not a ledger check; use `=CADRE.COMMITTEEPASS(…)`.',
    '',
    '## Fix codes 修复代码',
    '',
    'Each planned cell change of `cadre-ledger fix` carries one of these codes.',
    '',
    ...TRANSFORM_CODES.map((c) => `- \`${c}\``),
    '',
  ];
  return lines.join('\n');
}

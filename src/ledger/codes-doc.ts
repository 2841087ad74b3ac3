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
    '## Fix codes 修复代码',
    '',
    'Each planned cell change of `cadre-ledger fix` carries one of these codes.',
    '',
    ...TRANSFORM_CODES.map((c) => `- \`${c}\``),
    '',
  ];
  return lines.join('\n');
}

/**
 * Every messy fixture (tests/fixtures/build.ts) gives exactly the findings listed here — cell and
 * code — and nothing on its clean rows.
 */
import { FIXTURES, type FixtureName } from '../../fixtures/build';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { a1 } from '../../../src/ledger/grid';
import { sheetJson } from '../../../src/cli/output';
import { ALL_CODES } from '../../../src/ledger/codes';

const ctx = { policy: DEFAULT_POLICY, asOf: { y: 2023, m: 6, d: 30 } };

async function run(name: FixtureName) {
  const book = await openFileWorkbook(await FIXTURES[name]());
  const r = checkWorkbook(await book.read(), ctx);
  // fixable.* (check ⊇ fix) are compared with the fix plan in their own test below.
  const rules = r.findings.filter((f) => !f.code.startsWith('fixable.'));
  return { ...r, triples: rules.map((f) => [f.sheet, a1(f.row, f.col), f.code]), sheets: r.models.map(sheetJson) };
}

const EXPECTED: Record<FixtureName, string[][]> = {
  'roster-messy.xlsx': [
    ['花名册', 'D7', 'date.ambiguous'],
    ['花名册', 'E7', 'id.precision-lost'],
    ['花名册', 'E8', 'id.checksum'],
    ['花名册', 'D9', 'cross.id-birth-mismatch'],
    ['花名册', 'E10', 'id.legacy-15'],
    ['花名册', 'E12', 'dup.id'],
    ['花名册', 'F13', 'cross.work-before-birth'],
    ['花名册', 'G13', 'cross.post-before-work'],
    ['花名册', 'B14', 'sheet.hidden-rows'],
  ],
  'assessment-two-row-header.xlsx': [
    ['考核测评', 'I12', 'dismissal.triggered'],
    ['考核测评', 'I12', 'elimination.tie-at-cutoff'],
    ['考核测评', 'K17', 'assessment.grade-not-allowed'],
    ['考核测评', 'I26', 'dismissal.triggered'],
    ['考核测评', 'I26', 'elimination.tie-at-cutoff'],
    ['考核测评', 'K35', 'assessment.adjustment'],
    ['考核测评', 'I45', 'dismissal.bad-votes'],
    ['考核测评', 'J45', 'cell.error-value'],
  ],
  'recommendation.xlsx': [
    ['民主推荐汇总', 'G5', 'vote.below-threshold'],
    ['民主推荐汇总', 'G7', 'vote.below-threshold'],
    ['民主推荐汇总', 'G8', 'vote.exceeds-base'],
    ['民主推荐汇总', 'I9', 'recommend.unsigned'],
    ['民主推荐汇总', 'C10', 'recommend.status-unknown'],
  ],
  'appointment.xlsx': [
    ['考察对象', 'C7', 'shortlist.too-few-candidates'],
    ['任前公示', 'I4', 'notice.too-short'],
    ['任前公示', 'F5', 'audit.missing'],
    ['任前公示', 'F5', 'notice.field-missing'],
    ['任前公示', 'A6', 'xsheet.notice-not-inspected'],
    ['花名册', 'B3', 'xsheet.birth-mismatch'],
  ],
  'probation-protected.xlsx': [
    ['试用期台账', 'A1', 'sheet.protected'],
    ['试用期台账', 'G4', 'probation.report-overdue'],
    ['试用期台账', 'D5', 'probation.end-mismatch'],
    ['试用期台账', 'I6', 'probation.awaiting-assessment'],
  ],
  'complaints-resignation.xlsx': [
    ['信访举报', 'E4', 'complaint.step-missing'],
    ['信访举报', 'H4', 'accountability.found-before-occurred'],
    ['信访举报', 'D5', 'complaint.unclassified'],
    ['信访举报', 'H5', 'accountability.facts-pending'],
    ['信访举报', 'E6', 'complaint.unhandled'],
    ['辞职', 'B3', 'ledger.value-missing'],
  ],
  'dates-and-ids.xlsx': [
    ['人员信息表', 'C6', 'id.precision-lost'],
    ['人员信息表', 'C7', 'id.legacy-15'],
    ['人员信息表', 'B9', 'date.ambiguous'],
    ['人员信息表', 'B11', 'date.unrecognized'],
    ['人员信息表', 'B12', 'date.invalid'],
  ],
  'clean-roster.xlsx': [],
  'resignation.xlsx': [
    ['辞职情况', 'E4', 'resignation.not-allowed'],
    ['辞职情况', 'F5', 'resignation.application-missing'],
    ['辞职情况', 'J5', 'resignation.unapproved-departure'],
    ['辞职情况', 'H6', 'resignation.refused'],
    ['辞职情况', 'G7', 'resignation.basis-missing'],
    ['辞职情况', 'J8', 'resignation.unapproved-departure'],
    ['辞职情况', 'C9', 'resignation.kind-unknown'],
  ],
  'audit-orglife.xlsx': [
    ['考察对象', 'G4', 'audit.missing'],
    ['考察对象', 'H5', 'audit.after-decision'],
    ['组织生活', 'E4', 'orglife.frequent-absence'],
    ['组织生活', 'E6', 'orglife.bad-count'],
  ],
  // Dates in a zh-CN Excel's implicit built-in formats (numFmtId 27, 31) read as dates: no findings.
  'roster-zh-cn-formats.xlsx': [],
};

describe('fixtures: exact findings', () => {
  it.each(Object.keys(EXPECTED) as FixtureName[])('%s', async (name) => {
    const r = await run(name);
    expect(r.triples).toEqual(EXPECTED[name]);
    const documented = new Set(ALL_CODES.map((c) => c.code));
    for (const f of r.findings) {
      expect(documented.has(f.code)).toBe(true);
      expect(f.message['zh-CN']).not.toBe('');
      expect(f.message['en-US']).not.toBe('');
    }
  });
});

describe('fixtures: recognition', () => {
  it('finds the header under a merged title, a unit line and a date line, and skips 序号/合计/blank/note rows', async () => {
    const r = await run('roster-messy.xlsx');
    expect(r.sheets).toEqual([
      {
        name: '花名册',
        kind: 'roster',
        headerRow: 3,
        columns: { seq: 'A', name: 'B', sex: 'C', birth: 'D', idNumber: 'E', workStart: 'F', postSince: 'G', post: 'H', postLevel: 'I', remark: 'J' },
      },
    ]);
    const m = r.models[0];
    expect(m.dataRows.map((x) => x + 1)).toEqual([5, 6, 7, 8, 9, 10, 12, 13, 14]);
    expect(m.skipped.map((s) => [s.row + 1, s.why])).toEqual([
      [4, 'column-numbers'],
      [11, 'blank'],
      [15, 'total'],
      [16, 'blank'],
    ]);
    expect(m.notesFrom + 1).toBe(17);
  });

  it('reads a two-row header with vertical merges and a merged group cell', async () => {
    const r = await run('assessment-two-row-header.xlsx');
    expect(r.sheets[0]).toEqual({
      name: '考核测评',
      kind: 'assessment',
      headerRow: 3,
      columns: {
        seq: 'A',
        name: 'B',
        post: 'C',
        postLevel: 'D',
        valid: 'E',
        excellentVotes: 'F',
        competentVotes: 'G',
        basicVotes: 'H',
        incompetentVotes: 'I',
        incompetentRatio: 'J',
        grade: 'K',
      },
    });
    expect(r.models[0].dataRows.length).toBe(50);
    expect(r.models[0].percentFields.size).toBe(0);
  });

  it('maps group|sub synonyms (全日制教育 | 学历学位 · 毕业院校及专业) and groups above (推荐人数 | 应到 · 实到)', async () => {
    expect((await run('clean-roster.xlsx')).sheets[0].columns).toMatchObject({
      fullTimeEducation: 'F',
      fullTimeSchool: 'G',
      partTimeEducation: 'H',
      partTimeSchool: 'I',
    });
    expect((await run('recommendation.xlsx')).sheets[0].columns).toMatchObject({ eligible: 'E', present: 'F', votes: 'G' });
  });

  it('classifies every kind of SPEC §5, and a free-text sheet as unknown', async () => {
    const kinds = new Set<string>();
    for (const name of Object.keys(FIXTURES) as FixtureName[]) for (const s of (await run(name)).sheets) kinds.add(s.kind);
    expect([...kinds].sort()).toEqual(['assessment', 'complaints', 'inspection', 'notice', 'probation', 'recommendation', 'resignation', 'roster', 'unknown']);
  });

  it('reads 得票率(%) as percentage points', async () => {
    const r = await run('appointment.xlsx');
    const insp = r.ledgers.find((l) => l.model.kind === 'inspection')!;
    expect(insp.model.percentFields.has('voteRatio')).toBe(true);
    expect(insp.rows[0].ratios.voteRatio).toBe(0.5);
  });
});

import { checkResignation, CODES, type ResignationCase, type ResignationOutcome } from '../../../src/rules/resignation';
import { type LocalDate, parseIso } from '../../../src/values/local-date';

const D = (iso: string): LocalDate => {
  const d = parseIso(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
};
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

describe('checkResignation (四.3)', () => {
  it.each<[string, ResignationCase, ResignationOutcome | null, string[]]>([
    // 申请辞职
    [
      '申请辞职, written, approved',
      { kind: '申请辞职', sensitivePost: false, writtenApplication: true, approvedOn: D('2026-05-01'), leftOn: D('2026-05-10') },
      'approved',
      ['resignation.approved'],
    ],
    ['申请辞职, written, not yet approved', { kind: '申请辞职', sensitivePost: false, writtenApplication: true }, 'pending', ['resignation.pending']],
    [
      '申请辞职 without a written application',
      { kind: '申请辞职', sensitivePost: false, writtenApplication: false },
      'pending',
      ['resignation.application-missing', 'resignation.pending'],
    ],
    ['申请辞职 in a classified post', { kind: '申请辞职', sensitivePost: true, writtenApplication: true }, 'not-allowed', ['resignation.not-allowed']],
    [
      'classified post who then left anyway',
      { kind: '申请辞职', sensitivePost: true, writtenApplication: true, leftOn: D('2026-05-10') },
      'discipline',
      ['resignation.not-allowed', 'resignation.unapproved-departure'],
    ],
    [
      '申请辞职, left without approval',
      { kind: '申请辞职', sensitivePost: false, writtenApplication: true, leftOn: D('2026-05-10') },
      'discipline',
      ['resignation.unapproved-departure'],
    ],
    [
      '申请辞职, left the day before approval',
      { kind: '申请辞职', sensitivePost: false, writtenApplication: true, approvedOn: D('2026-05-11'), leftOn: D('2026-05-10') },
      'discipline',
      ['resignation.unapproved-departure'],
    ],
    [
      '申请辞职, left on the approval day',
      { kind: '申请辞职', sensitivePost: false, writtenApplication: true, approvedOn: D('2026-05-10'), leftOn: D('2026-05-10') },
      'approved',
      ['resignation.approved'],
    ],
    // 引咎辞职
    ['引咎辞职 approved', { kind: '引咎辞职', sensitivePost: false, basisRecorded: true, approvedOn: D('2026-03-01') }, 'approved', ['resignation.approved']],
    ['引咎辞职 refused → removal', { kind: '引咎辞职', sensitivePost: false, basisRecorded: true, refused: true }, 'removal', ['resignation.refused']],
    ['引咎辞职 without recorded grounds', { kind: '引咎辞职', sensitivePost: false }, 'pending', ['resignation.basis-missing', 'resignation.pending']],
    ['引咎辞职 in a classified post is not banned', { kind: '引咎辞职', sensitivePost: true, basisRecorded: true }, 'pending', ['resignation.pending']],
    [
      '引咎辞职 refused and walked off',
      { kind: '引咎辞职', sensitivePost: false, basisRecorded: true, refused: true, leftOn: D('2026-03-02') },
      'discipline',
      ['resignation.unapproved-departure', 'resignation.refused'],
    ],
    // 责令辞职
    ['责令辞职 approved', { kind: '责令辞职', sensitivePost: false, basisRecorded: true, approvedOn: D('2026-04-01') }, 'approved', ['resignation.approved']],
    [
      '责令辞职 without the unfit finding',
      { kind: '责令辞职', sensitivePost: false, basisRecorded: false },
      'pending',
      ['resignation.basis-missing', 'resignation.pending'],
    ],
    [
      '责令辞职 refused: seed silent, flagged',
      { kind: '责令辞职', sensitivePost: false, basisRecorded: true, refused: true },
      'pending',
      ['resignation.order-refused', 'resignation.pending'],
    ],
    [
      '责令辞职, left without approval',
      { kind: '责令辞职', sensitivePost: true, basisRecorded: true, leftOn: D('2026-04-01') },
      'discipline',
      ['resignation.unapproved-departure'],
    ],
  ])('%s', (_what, c, outcome, expected) => {
    const d = checkResignation(c);
    expect(d.outcome).toBe(outcome);
    expect(codes(d.reasons)).toEqual(expected);
    for (const r of d.reasons) expect(r.rule).toBe('四.3');
  });

  it('the grounds message differs by kind', () => {
    const a = checkResignation({ kind: '引咎辞职', sensitivePost: false }).reasons[0].message['zh-CN'];
    const b = checkResignation({ kind: '责令辞职', sensitivePost: false }).reasons[0].message['zh-CN'];
    expect(a).toContain('严重过错');
    expect(b).toContain('不适宜继续担任现职');
  });

  it.each([{ approvedOn: { y: 2026, m: 2, d: 30 } }, { leftOn: { y: 2026, m: 4, d: 31 } }])('impossible date %p → resignation.invalid-date', (dates) => {
    const d = checkResignation({ kind: '申请辞职', sensitivePost: false, writtenApplication: true, ...dates });
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual(['resignation.invalid-date']);
  });

  it('CODES documents each code once in both languages', () => {
    const names = CODES.map((c) => c.code);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CODES) expect(c.doc['zh-CN'] && c.doc['en-US']).toBeTruthy();
  });
});

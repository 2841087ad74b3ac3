import fc from 'fast-check';
import {
  checkComplaint,
  checkEconomicAudit,
  CODES,
  requiredHandling,
  type AdjustmentIntent,
  type Complaint,
  type HandlingStep,
} from '../../../src/rules/complaints';
import { addDays, type LocalDate, parseIso } from '../../../src/values/local-date';

const D = (iso: string): LocalDate => {
  const d = parseIso(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
};
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);

describe('checkComplaint (三.1 every complaint investigated; 三.5 routing)', () => {
  it.each<[string, Complaint, string[], HandlingStep[] | null]>([
    ['serious → 纪委立案审查', { id: 'X1', gravity: 'serious', handling: ['纪委立案审查'] }, ['complaint.handled'], []],
    [
      'serious handled only by 组织部',
      { id: 'X2', gravity: 'serious', handling: ['组织部调查核实', '告诫谈话'] },
      ['complaint.step-missing'],
      ['纪委立案审查'],
    ],
    ['general → investigation + talk', { id: 'X3', gravity: 'general', handling: ['组织部调查核实', '告诫谈话'] }, ['complaint.handled'], []],
    ['general without the talk', { id: 'X4', gravity: 'general', handling: ['组织部调查核实'] }, ['complaint.step-missing'], ['告诫谈话']],
    ['general, unfounded: no talk needed', { id: 'X5', gravity: 'general', handling: ['组织部调查核实'], substantiated: false }, ['complaint.handled'], []],
    ['general with only a talk', { id: 'X6', gravity: 'general', handling: ['告诫谈话'] }, ['complaint.step-missing'], ['组织部调查核实']],
    ['no handling at all', { id: 'X7', gravity: 'general', handling: [] }, ['complaint.unhandled'], null],
    ['not classified', { id: 'X8', gravity: null, handling: ['组织部调查核实'] }, ['complaint.unclassified'], null],
    ['neither classified nor handled: unhandled first', { id: 'X9', gravity: null, handling: [] }, ['complaint.unhandled'], null],
  ])('%s', (_what, c, expected, missing) => {
    const d = checkComplaint(c);
    expect(codes(d.reasons)).toEqual(expected);
    expect(d.outcome?.missing ?? null).toEqual(missing);
    expect(d.reasons[0].message['zh-CN']).toContain(c.id);
  });

  it('the required steps per route', () => {
    expect(requiredHandling('serious')).toEqual(['纪委立案审查']);
    expect(requiredHandling('general')).toEqual(['组织部调查核实', '告诫谈话']);
    expect(requiredHandling('general', true)).toEqual(['组织部调查核实', '告诫谈话']);
    expect(requiredHandling('general', false)).toEqual(['组织部调查核实']);
  });

  it('a complaint is fine exactly when it holds every required step (property)', () => {
    const step = fc.constantFrom<HandlingStep>('纪委立案审查', '组织部调查核实', '告诫谈话');
    fc.assert(
      fc.property(
        fc.constantFrom('serious' as const, 'general' as const),
        fc.array(step, { minLength: 1, maxLength: 4 }),
        fc.option(fc.boolean()),
        (g, h, s) => {
          const d = checkComplaint({ id: 'P', gravity: g, handling: h, substantiated: s });
          const fine = requiredHandling(g, s).every((x) => h.includes(x));
          expect(codes(d.reasons).includes('complaint.step-missing')).toBe(!fine);
        },
      ),
    );
  });
});

describe('checkEconomicAudit (三.5 凡有调整意向的干部…安排审计)', () => {
  const decided = D('2026-06-10');
  it.each<[string, AdjustmentIntent, LocalDate | null, LocalDate[], boolean | null, string]>([
    ['audited the week before', '拟任', decided, [D('2026-06-03')], true, 'audit.ok'],
    ['audited the same day', '拟免', decided, [D('2026-06-10')], true, 'audit.ok'],
    ['audited the day after', '交流', decided, [D('2026-06-11')], false, 'audit.after-decision'],
    ['one before, one after', '拟任', decided, [D('2026-07-01'), D('2026-05-01')], true, 'audit.ok'],
    ['no audit', '拟任', decided, [], false, 'audit.missing'],
    ['proposal not yet decided, no audit', '交流', null, [], false, 'audit.missing'],
    ['proposal not yet decided, audited', '拟免', null, [D('2026-01-05')], true, 'audit.ok'],
    ['impossible audit date', '拟任', decided, [{ y: 2026, m: 2, d: 29 }], null, 'audit.invalid-date'],
    ['impossible decision date', '拟任', { y: 2026, m: 6, d: 31 }, [D('2026-06-01')], null, 'audit.invalid-date'],
  ])('%s (%s) → %p', (_what, intent, decisionDate, audits, expected, code) => {
    const d = checkEconomicAudit({ cadre: '王五', intent, decisionDate, audits });
    expect(d.outcome).toBe(expected);
    expect(codes(d.reasons)).toEqual([code]);
    expect(d.reasons[0].rule).toBe('三.5');
  });

  it('after-decision names the earliest audit and how many days late it was', () => {
    const d = checkEconomicAudit({ cadre: '王五', intent: '拟任', decisionDate: decided, audits: [D('2026-06-20'), D('2026-06-15')] });
    expect(d.reasons[0]).toMatchObject({ code: 'audit.after-decision', value: 5 });
    expect(d.reasons[0].message['zh-CN']).toContain('2026-06-15');
  });

  it('in time exactly when some audit is on or before the decision (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 5 }), (offsets) => {
        const d = checkEconomicAudit({ cadre: 'x', intent: '拟任', decisionDate: decided, audits: offsets.map((o) => addDays(decided, o)) });
        expect(d.outcome).toBe(offsets.some((o) => o <= 0));
      }),
    );
  });
});

describe('CODES', () => {
  it('documents each code once in both languages', () => {
    const names = CODES.map((c) => c.code);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CODES) expect(c.doc['zh-CN'] && c.doc['en-US']).toBeTruthy();
  });
});

import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { CODES, committeeElect, committeePass, type CommitteeCandidate } from '../../../src/rules/committee-vote';

const P = DEFAULT_POLICY;
const withVote = (v: Partial<Policy['committeeVote']>): Policy => ({ ...P, committeeVote: { ...P.committeeVote, ...v } });
const codes = (rs: readonly { code: string }[]) => rs.map((r) => r.code);
const pair = (a: number, b: number): CommitteeCandidate[] => [
  { name: '张三', votes: a },
  { name: '李四', votes: b },
];

describe('quorum: present ≥ 2/3 of members, exactly', () => {
  // Smallest quorum = ceil(2m/3): 15 → 10, 21 → 14, 23 → 16 (15.33…), 31 → 21 (20.67), 33 → 22.
  it.each([
    [15, 10],
    [21, 14],
    [23, 16],
    [31, 21],
    [33, 22],
  ])('members %i: %i present is a quorum, one fewer is not', (members, q) => {
    expect(codes(committeePass(q, members, q, P).reasons)).not.toContain('committee.no-quorum');
    const below = committeePass(q - 1, members, q - 1, P);
    expect(below.outcome).toBe(false);
    expect(codes(below.reasons)).toEqual(['committee.no-quorum']);
    expect(below.reasons[0]).toMatchObject({ threshold: 2 / 3, policyKey: 'committeeVote.quorum' });
  });

  it('agrees with the integer rule present*3 >= members*2 for every head count (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), (members, k) => {
        const present = k % (members + 1);
        const d = committeePass(0, members, present, P);
        expect(codes(d.reasons).includes('committee.no-quorum')).toBe(!(present * 3 >= members * 2));
      }),
    );
  });
});

describe('committeePass: yes > half of ALL members (应到)', () => {
  it.each([
    [8, 15, 15, true, '8 > 7.5'],
    [7, 15, 15, false, '7 < 7.5'],
    [11, 21, 15, true, '11 > 10.5, even with only 15 present'],
    [10, 21, 21, false, '10 < 10.5'],
    [16, 31, 21, true, '16 > 15.5'],
    [15, 31, 31, false, '15 < 15.5'],
    [17, 33, 22, true, '17 > 16.5'],
    [16, 33, 33, false, '16 < 16.5'],
    [12, 23, 16, true, '12 > 11.5'],
    [11, 23, 23, false, '11 < 11.5'],
  ])('yes %i of %i members (%i present) → %s (%s)', (yes, members, present, expected) => {
    const d = committeePass(yes, members, present, P);
    expect(d.outcome).toBe(expected);
    expect(codes(d.reasons)).toEqual([expected ? 'committee.passed' : 'committee.rejected']);
  });

  it('exactly half of an even committee is not "more than half"', () => {
    expect(committeePass(10, 20, 20, P).outcome).toBe(false);
    expect(committeePass(11, 20, 20, P).outcome).toBe(true);
  });

  it('equals the integer rule yes*2 > members (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), fc.nat(), (members, a, b) => {
        const present = members - (a % Math.max(1, Math.floor(members / 3) + 1));
        fc.pre(present * 3 >= members * 2);
        const yes = b % (present + 1);
        expect(committeePass(yes, members, present, P).outcome).toBe(yes * 2 > members);
      }),
    );
  });

  it.each([
    [[-1, 15, 15], 'committee.bad-count'],
    [[1.5, 15, 15], 'committee.bad-count'],
    [[5, 0, 0], 'committee.bad-count'],
    [[5, 15, NaN], 'committee.bad-count'],
    [[5, 15, 16], 'committee.present-exceeds-members'],
    [[14, 15, 12], 'committee.votes-exceed-present'],
  ] as const)('bad data %p → %s with no outcome', (args, expected) => {
    const d = committeePass(args[0], args[1], args[2], P);
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual([expected]);
  });

  it.each([[{ passShareOfMembers: 1.5 }], [{ quorum: -0.1 }], [{ quorum: NaN }]])('invalid policy %p → committee.policy-invalid, no throw', (v) => {
    expect(codes(committeePass(10, 15, 15, withVote(v)).reasons)).toEqual(['committee.policy-invalid']);
  });
});

describe('committeeElect (一职双备, 1人1票)', () => {
  it.each([
    [15, 15, 8, 7, '张三', 'committee.elected'],
    [15, 15, 7, 7, null, 'committee.no-election'], // tie
    [21, 15, 10, 5, null, 'committee.no-election'], // most votes but 10 ≤ 10.5
    [21, 15, 11, 4, '张三', 'committee.elected'],
    [31, 21, 5, 16, '李四', 'committee.elected'],
    [33, 33, 16, 16, null, 'committee.no-election'],
    [33, 22, 17, 3, '张三', 'committee.elected'],
    [33, 21, 17, 3, null, 'committee.no-quorum'], // 21 < 22
    [23, 15, 12, 3, null, 'committee.no-quorum'], // 15 < 15.33
  ])('members %i, present %i, votes %i : %i → %p (%s)', (members, present, a, b, winner, code) => {
    const d = committeeElect({ members, present, candidates: pair(a, b) }, P);
    expect(d.outcome).toBe(winner);
    expect(codes(d.reasons)).toEqual([code]);
  });

  it('a tie names the tied candidates; a shortfall names the leader and the line', () => {
    const tie = committeeElect({ members: 15, present: 14, candidates: pair(7, 7) }, P);
    expect(tie.reasons[0].message['zh-CN']).toContain('张三、李四');
    expect(tie.reasons[0].message['zh-CN']).toContain('重新投票');
    const short = committeeElect({ members: 21, present: 21, candidates: pair(10, 9) }, P);
    expect(short.reasons[0]).toMatchObject({ code: 'committee.no-election', threshold: 0.5, value: 10 / 21 });
    expect(short.reasons[0].message['en-US']).toContain('vote again');
  });

  it('a number of candidates other than two is a warning, the vote is still decided', () => {
    const d = committeeElect({ members: 15, present: 15, candidates: [...pair(9, 3), { name: '王五', votes: 2 }] }, P);
    expect(d.outcome).toBe('张三');
    expect(codes(d.reasons)).toEqual(['committee.backup-count', 'committee.elected']);
  });

  it.each([
    [{ members: 15, present: 15, candidates: [] }, 'committee.no-candidates'],
    [
      {
        members: 15,
        present: 15,
        candidates: [
          { name: '张三', votes: 3 },
          { name: '张三', votes: 4 },
        ],
      },
      'committee.duplicate-candidate',
    ],
    [{ members: 15, present: 15, candidates: pair(-2, 4) }, 'committee.bad-count'],
    [{ members: 15, present: 12, candidates: pair(8, 5) }, 'committee.votes-exceed-present'],
    [{ members: 15, present: 16, candidates: pair(8, 5) }, 'committee.present-exceeds-members'],
  ])('bad ballot → %s', (ballot, code) => {
    const d = committeeElect(ballot, P);
    expect(d.outcome).toBeNull();
    expect(codes(d.reasons)).toEqual([code]);
  });

  it('the winner, when there is one, has strictly the most votes and more than half of all members (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 60 }), fc.nat(), fc.nat(), fc.nat(), (members, x, y, z) => {
        const present = members - (x % (Math.floor(members / 3) + 1));
        fc.pre(present * 3 >= members * 2);
        const a = y % (present + 1);
        const b = z % (present - a + 1);
        const d = committeeElect({ members, present, candidates: pair(a, b) }, P);
        const expected = a > b && a * 2 > members ? '张三' : b > a && b * 2 > members ? '李四' : null;
        expect(d.outcome).toBe(expected);
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

import fc from 'fast-check';
import { maskIdNumber, parseIdNumber, upgradeId15, idCheckChar } from '../../../src/values/id-number';
import { VALUE_CODES } from '../../../src/values';
import { fromEpochDay, toEpochDay, type LocalDate } from '../../../src/values/local-date';

/**
 * Independent oracle for ISO 7064 MOD 11-2 as GB 11643-1999 states it: weight of position i
 * (1-based from the left) is 2^(18−i) mod 11; check value is (12 − Σ mod 11) mod 11, 10 → X.
 */
function oracleCheck(first17: string): string {
  let sum = 0;
  for (let i = 1; i <= 17; i++) sum += Number(first17[i - 1]) * (2 ** (18 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const birthText = (b: LocalDate) => `${pad(b.y, 4)}${pad(b.m, 2)}${pad(b.d, 2)}`;
const make = (region: string, birth: LocalDate, seq: number) => {
  const first17 = `${region}${birthText(birth)}${pad(seq, 3)}`;
  return first17 + oracleCheck(first17);
};

// Published examples: GB 11643-1999 appendix (11010519491231002X) and its well-known companion.
const STANDARD_FEMALE = '11010519491231002X';
const STANDARD_MALE = '440524188001010014'; // birth 1880: shows the MIN_BIRTH_YEAR rule below
const GOOD = make('110101', { y: 1985, m: 3, d: 1 }, 123); // male (3 is odd)

describe('parseIdNumber — 18 digits', () => {
  test('the oracle agrees with the standard example', () => {
    expect(oracleCheck(STANDARD_FEMALE.slice(0, 17))).toBe('X');
    expect(oracleCheck(STANDARD_MALE.slice(0, 17))).toBe('4');
  });

  test('standard example: female, born 1949-12-31, region 110105', () => {
    const r = parseIdNumber(STANDARD_FEMALE);
    expect(r.ok && r.value).toEqual({ id18: STANDARD_FEMALE, birth: { y: 1949, m: 12, d: 31 }, sex: 'female', region: '110105' });
    expect(r.ok && r.notes).toEqual([]);
  });

  test.each([
    [STANDARD_FEMALE.toLowerCase(), STANDARD_FEMALE],
    [` ${GOOD} `, GOOD],
    [GOOD.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), GOOD],
    ['１１０１０５１９４９１２３１００２Ｘ', STANDARD_FEMALE],
    ['１１０１０５１９４９１２３１００２ｘ', STANDARD_FEMALE],
    [`${GOOD.slice(0, 6)} ${GOOD.slice(6, 14)} ${GOOD.slice(14)}`, GOOD],
    [`'${GOOD}`, GOOD],
    [`${GOOD}\n`, GOOD],
  ])('accepted form %j → %s', (input, id18) => {
    const r = parseIdNumber(input);
    expect(r.ok && r.value.id18).toBe(id18);
  });

  test('sex from the 17th digit', () => {
    expect(parseIdNumber(GOOD).ok && (parseIdNumber(GOOD) as { value: { sex: string } }).value.sex).toBe('male');
    const female = make('320102', { y: 1990, m: 7, d: 15 }, 246);
    const r = parseIdNumber(female);
    expect(r.ok && r.value.sex).toBe('female');
  });

  test.each([
    [GOOD.slice(0, 17) + ((Number(GOOD[17]) + 1) % 10), 'id.checksum'],
    [`${GOOD.slice(0, 15)}${(Number(GOOD[15]) + 1) % 10}${GOOD.slice(16)}`, 'id.checksum'], // sequence digit
    [make('110101', { y: 1985, m: 3, d: 1 }, 123).slice(0, 17) + (oracleCheck(GOOD.slice(0, 17)) === 'X' ? '0' : 'X'), 'id.checksum'],
    [`11010119850230${'1234'}`, 'id.birthdate-invalid'],
    [`11010119851301${'1234'}`, 'id.birthdate-invalid'],
    [`11010118991231${'1234'}`, 'id.birthdate-invalid'],
    [STANDARD_MALE, 'id.birthdate-invalid'], // 1880: before 1900, not a plausible cadre
    [make('990101', { y: 1985, m: 3, d: 1 }, 1), 'id.region'],
    [make('100101', { y: 1985, m: 3, d: 1 }, 1), 'id.region'],
    [make('240101', { y: 1985, m: 3, d: 1 }, 1), 'id.region'],
    [make('840101', { y: 1985, m: 3, d: 1 }, 1), 'id.region'],
    [GOOD.slice(0, 17), 'id.format'],
    [GOOD + '1', 'id.format'],
    [`${GOOD.slice(0, 16)}X1`, 'id.format'],
    [`${GOOD.slice(0, 17)}Y`, 'id.format'],
    ['身份证号', 'id.format'],
    ['1.10101E+17', 'id.precision-lost'],
    ['1.10101199003071E+17', 'id.precision-lost'],
    ['', 'id.empty'],
    ['　', 'id.empty'],
  ])('%j → %s', (input, code) => {
    const r = parseIdNumber(input);
    expect(r.ok ? 'ok' : r.finding.code).toBe(code);
  });

  test.each(['81', '82', '83', '71', '11', '65'])('region %s is accepted', (province) => {
    expect(parseIdNumber(make(`${province}0000`, { y: 1980, m: 1, d: 1 }, 1)).ok).toBe(true);
  });

  test('asOf rejects birth dates in the future', () => {
    const id = make('110101', { y: 2030, m: 1, d: 1 }, 1);
    expect(parseIdNumber(id).ok).toBe(true);
    const r = parseIdNumber(id, { asOf: { y: 2026, m: 11, d: 26 } });
    expect(r.ok ? 'ok' : r.finding.code).toBe('id.birthdate-invalid');
    expect(parseIdNumber(make('110101', { y: 2026, m: 11, d: 26 }, 1), { asOf: { y: 2026, m: 11, d: 26 } }).ok).toBe(true);
    expect(parseIdNumber(make('110101', { y: 2026, m: 11, d: 27 }, 1), { asOf: { y: 2026, m: 11, d: 26 } }).ok).toBe(false);
    expect(parseIdNumber(make('110101', { y: 2026, m: 12, d: 1 }, 1), { asOf: { y: 2026, m: 11, d: 26 } }).ok).toBe(false);
  });

  test('checksum message names the found and the expected check character', () => {
    const bad = GOOD.slice(0, 17) + (GOOD[17] === '0' ? '1' : '0');
    const r = parseIdNumber(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.finding.message['zh-CN']).toContain(`应为 ${GOOD[17]}`);
      expect(r.finding.message['en-US']).toContain(`require ${GOOD[17]}`);
    }
  });
});

describe('parseIdNumber — legacy 15 digits', () => {
  test('upgraded to 18 digits with an info note', () => {
    const id15 = '110105491231002';
    const r = parseIdNumber(id15);
    expect(r.ok && r.value.id18).toBe(STANDARD_FEMALE);
    expect(r.ok && r.value.birth).toEqual({ y: 1949, m: 12, d: 31 });
    expect(r.ok && r.value.sex).toBe('female');
    expect(r.ok && r.notes.map((n) => [n.code, n.severity])).toEqual([['id.legacy-15', 'info']]);
    expect(upgradeId15(id15)).toBe(STANDARD_FEMALE);
  });

  test('a 15-digit number (stored as a number) is fine', () => {
    const r = parseIdNumber(110105491231002);
    expect(r.ok && r.value.id18).toBe(STANDARD_FEMALE);
  });

  test.each([
    ['110105491331002', 'id.birthdate-invalid'],
    ['110105490230002', 'id.birthdate-invalid'],
    ['990105491231002', 'id.region'],
    ['11010549123100X', 'id.format'],
  ])('%s → %s', (input, code) => {
    const r = parseIdNumber(input);
    expect(r.ok ? 'ok' : r.finding.code).toBe(code);
  });
});

describe('parseIdNumber — numbers and other cell values', () => {
  test.each([
    [110101198503011230, 'id.precision-lost'], // Excel kept 15 digits; the rest became 0
    [1.10101e17, 'id.precision-lost'],
    [1e15, 'id.precision-lost'],
    [1234567, 'id.format'],
    [110105491231002.5, 'id.format'],
    [-110105491231002, 'id.format'],
    [Number.NaN, 'id.format'],
    [true, 'id.format'],
    [{ error: '#VALUE!' }, 'id.format'],
    [{}, 'id.format'],
    [null, 'id.empty'],
    [undefined, 'id.empty'],
  ])('%p → %s', (input, code) => {
    const r = parseIdNumber(input);
    expect(r.ok ? 'ok' : r.finding.code).toBe(code);
    if (!r.ok) expect(r.finding.severity).toBe(VALUE_CODES.find((c) => c.code === code)?.severity);
  });

  test('precision-lost says it cannot be recovered', () => {
    const r = parseIdNumber(110101198503011230);
    if (!r.ok) {
      expect(r.finding.message['zh-CN']).toContain('无法恢复');
      expect(r.finding.message['en-US']).toContain('lost');
    }
    expect(r.ok).toBe(false);
  });
});

describe('maskIdNumber (SPEC §3 public notice)', () => {
  test.each([
    [STANDARD_FEMALE, '110105********002X'],
    [STANDARD_FEMALE.toLowerCase(), '110105********002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    [110105491231002, '110105*****1002'],
    [110101198503011230, '*'.repeat(18)],
    ['12345', '*****'],
    ['abc', '***'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [{ error: '#N/A' }, ''],
    [12.5, ''],
  ])('%p → %s', (input, masked) => expect(maskIdNumber(input)).toBe(masked));
});

describe('properties', () => {
  const provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];
  const validId = fc
    .record({
      province: fc.constantFrom(...provinces),
      rest: fc.integer({ min: 0, max: 9999 }),
      birth: fc.integer({ min: toEpochDay({ y: 1900, m: 1, d: 1 }), max: toEpochDay({ y: 2025, m: 12, d: 31 }) }).map(fromEpochDay),
      seq: fc.integer({ min: 0, max: 999 }),
      lower: fc.boolean(),
    })
    .map((g) => ({ ...g, id: make(`${g.province}${pad(g.rest, 4)}`, g.birth, g.seq) }));

  test('a generated valid 18-digit ID parses and round-trips birth date, sex and region', () => {
    fc.assert(
      fc.property(validId, ({ id, birth, seq, province, lower }) => {
        const r = parseIdNumber(lower ? id.toLowerCase() : id);
        return (
          r.ok &&
          r.value.id18 === id &&
          r.value.birth.y === birth.y &&
          r.value.birth.m === birth.m &&
          r.value.birth.d === birth.d &&
          r.value.sex === (seq % 2 === 1 ? 'male' : 'female') &&
          r.value.region.startsWith(String(province))
        );
      }),
    );
  });

  test('idCheckChar agrees with the oracle', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{17}$/), (first17) => idCheckChar(first17) === oracleCheck(first17)));
  });

  test('changing any one digit of a valid ID is always caught', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), ({ id }, pos, delta) => {
        const changed = id.slice(0, pos) + ((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        return !parseIdNumber(changed).ok;
      }),
    );
  });

  test('a 15-digit legacy ID upgrades to an 18-digit ID with the same birth date and sex', () => {
    const legacy = fc.record({
      province: fc.constantFrom(...provinces),
      birth: fc.integer({ min: toEpochDay({ y: 1900, m: 1, d: 1 }), max: toEpochDay({ y: 1999, m: 12, d: 31 }) }).map(fromEpochDay),
      seq: fc.integer({ min: 0, max: 999 }),
    });
    fc.assert(
      fc.property(legacy, ({ province, birth, seq }) => {
        const id15 = `${province}0101${birthText(birth).slice(2)}${pad(seq, 3)}`;
        const r = parseIdNumber(id15);
        return r.ok && r.value.id18 === make(`${province}0101`, birth, seq) && r.value.sex === (seq % 2 ? 'male' : 'female');
      }),
    );
  });

  test('maskIdNumber never reveals more than 10 characters of an 18-digit id', () => {
    fc.assert(
      fc.property(validId, ({ id }) => {
        const masked = maskIdNumber(id);
        const revealed = Array.from(masked).filter((c, i) => c !== '*' && c === id[i]).length;
        return masked.length === 18 && revealed <= 10 && masked.slice(6, 14) === '********';
      }),
    );
  });

  test('never throws and reports only documented codes', () => {
    const documented = new Map(VALUE_CODES.map((c) => [c.code, c.severity]));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\dxX ]{14,19}$/), fc.double(), fc.anything()), (input) => {
        const r = parseIdNumber(input);
        const masked = maskIdNumber(input);
        const codes = r.ok ? r.notes.map((n) => n.code) : [r.finding.code];
        return typeof masked === 'string' && codes.every((c) => documented.has(c)) && (r.ok || documented.get(r.finding.code) === r.finding.severity);
      }),
      { numRuns: 2000 },
    );
  });
});

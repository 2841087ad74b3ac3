/** CADRE.IDCHECK and CADRE.IDMASK. */
import { idCheckFn, idMaskFn } from '../../../src/functions/impl/id';
import { idCheckChar } from '../../../src/values/id-number';
import { expectError } from './helpers';

const first17 = '11010519491231002';
const GOOD = first17 + idCheckChar(first17); // 11010519491231002X
const WRONG = first17 + (idCheckChar(first17) === '1' ? '2' : '1');
const LEGACY = '110105491231002'; // 15 digits, 1949-12-31

describe('CADRE.IDCHECK', () => {
  it('TRUE for valid 18-digit and legacy 15-digit numbers, in any width, lower-case x', () => {
    expect(idCheckFn(GOOD, null, null)).toBe(true);
    expect(idCheckFn(GOOD.toLowerCase(), null, null)).toBe(true);
    expect(
      idCheckFn(
        GOOD.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
        null,
        null,
      ),
    ).toBe(true);
    expect(idCheckFn(LEGACY, null, null)).toBe(true);
    expect(idCheckFn(Number(LEGACY), null, null)).toBe(true); // 15 digits survive a number cell
  });

  it('FALSE for a wrong check digit, digits lost in a number cell, a wrong length', () => {
    expect(idCheckFn(WRONG, null, null)).toBe(false);
    expect(idCheckFn(110105194912310020, null, null)).toBe(false);
    expect(idCheckFn('1.10105E+17', null, null)).toBe(false);
    expect(idCheckFn('1101051949', null, null)).toBe(false);
  });

  it('the reason with detail = TRUE, in the UI language', () => {
    expect(idCheckFn(GOOD, null, true)).toBe('正确');
    expect(idCheckFn(WRONG, null, '是')).toContain('校验码不符');
    expect(idCheckFn(110105194912310020, null, true)).toContain('无法恢复');
    expect(idCheckFn(LEGACY, null, true)).toContain('已升为 18 位');
    expect(idCheckFn(WRONG, null, true, 'en-US')).toContain('fails the check');
  });

  it('an as-of date refuses birth dates after it; blank is ""', () => {
    const young = '11010520250101001';
    const id = young + idCheckChar(young);
    expect(idCheckFn(id, null, null)).toBe(true);
    expect(idCheckFn(id, '2024-12-31', null)).toBe(false);
    expect(idCheckFn(null, null, null)).toBe('');
    expect(idCheckFn('  ', null, null)).toBe('');
  });

  it('bad optional arguments are #VALUE!', () => {
    expectError(idCheckFn(GOOD, 'someday', null), 'invalidValue', '「检查日期」');
    expectError(idCheckFn(GOOD, null, 'maybe'), 'invalidValue', '「显示原因」应为TRUE/FALSE');
  });
});

describe('CADRE.IDMASK', () => {
  it('first 6 + ******** + last 4; never more of a malformed value', () => {
    expect(idMaskFn(GOOD)).toBe(`110105********${GOOD.slice(14)}`);
    expect(idMaskFn(LEGACY)).toBe('110105*****1002');
    expect(idMaskFn(110105194912310020)).toBe('*'.repeat(18));
    expect(idMaskFn('12345')).toBe('*****');
    expect(idMaskFn(null)).toBe('');
  });
});

import fc from 'fast-check';
import { cellErrorText, isBlank, showInput } from '../../../src/values/cell-input';

describe('cellErrorText', () => {
  test.each<[unknown, string | null]>([
    [{ error: '#DIV/0!' }, '#DIV/0!'],
    [{ error: '#N/A' }, '#N/A'],
    [{ error: 7 }, null],
    [{}, null],
    [null, null],
    ['#DIV/0!', null], // text that looks like an error is text
    [0, null],
  ])('%p → %p', (input, want) => expect(cellErrorText(input)).toBe(want));
});

describe('isBlank', () => {
  test.each<[unknown, boolean]>([
    [null, true],
    [undefined, true],
    ['', true],
    [' \u3000\u00a0\n\t', true],
    ['\u200b\ufeff', true],
    ['0', false],
    [0, false],
    [false, false],
    [{ error: '#N/A' }, false],
  ])('%p → %p', (input, want) => expect(isBlank(input)).toBe(want));
});

describe('showInput', () => {
  test.each<[unknown, string]>([
    ['1985.13', '"1985.13"'],
    ['a\nb', '"a⏎b"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}…"`],
    [1985.1, '1985.1'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [null, '(empty)'],
    [undefined, '(empty)'],
    [{ error: '#REF!' }, '#REF!'],
    [BigInt(12), '12'],
    [new Date(Date.UTC(1985, 2, 1)), '1985-03-01T00:00:00.000Z'],
    [new Date(Number.NaN), 'Invalid Date'],
    [Symbol('s'), '(symbol)'],
    [[1, 2], '(object)'],
  ])('%p → %s', (input, want) => expect(showInput(input)).toBe(want));

  test('never throws and stays short', () => {
    fc.assert(fc.property(fc.anything(), (v) => showInput(v).length <= 50));
  });
});

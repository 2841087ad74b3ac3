/** Builders of fake workbooks for the Office adapter tests and bench. */
import { FakeExcel } from './fake-excel';

export const allSets = (): boolean => true;

/**
 * A roster-like ledger: header row, then `rows` rows of name (text), ID number kept as text,
 * birth date (serial with a date format), a vote count, and a CADRE formula with its result.
 */
export function seedLedger(fx: FakeExcel, name: string, rows: number, opts: { protected?: boolean } = {}): void {
  fx.addSheet(name, { protected: opts.protected });
  ['姓名', '公民身份号码', '出生年月', '得票', '得票率'].forEach((h, c) => fx.seed(name, 0, c, { value: h }));
  for (let r = 1; r <= rows; r++) {
    fx.seed(name, r, 0, { value: `干部${r}` });
    fx.seed(name, r, 1, { value: `1101011985030${String(r % 1000).padStart(3, '0')}X`.slice(0, 18), numberFormat: '@' });
    fx.seed(name, r, 2, { value: 31000 + (r % 3000), numberFormat: 'yyyy"年"m"月"' });
    fx.seed(name, r, 3, { value: r % 50 });
    fx.seed(name, r, 4, { formula: `=CADRE.VOTERATIO(D${r + 1},50)`, value: (r % 50) / 50, numberFormat: '0.0%' });
  }
}

export function fakeWith(...sheets: [string, number][]): FakeExcel {
  return seedAll(new FakeExcel(), sheets);
}

export function seedAll(fx: FakeExcel, sheets: [string, number][]): FakeExcel {
  for (const [name, rows] of sheets) seedLedger(fx, name, rows);
  return fx;
}

/**
 * The shortcuts of recognition, typing and the checks (issue 14) decide exactly what the general
 * rules decide: first-character tests never skip a total, note or repeated header the regexes and
 * header keys would find; plain names take the rules' result; per-person and per-row sharing in
 * duplicates and typed rows changes no finding.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/ledger/grid';
import { headerKey } from '../../../src/ledger/header-text';
import { ROW_SHORTCUTS, recognizeSheet } from '../../../src/ledger/recognize';
import { typeRows } from '../../../src/ledger/rows';
import { checkDuplicates } from '../../../src/ledger/checks/duplicates';
import { normalizePersonName, normalizePersonNameByRules, plainNameKind } from '../../../src/values/names';
import { gridOf } from '../../support/grid-of';

const { TOTAL, NOTE, TOTAL_FIRST, NOTE_FIRST, charSet, mayStartWith, squeezed } = ROW_SHORTCUTS;

// Characters the rules care about: the first characters of TOTAL/NOTE words and header keys,
// spaces of every width, invisible characters, full-width and upper-case letters, punctuation.
const PICK = [
  '合计',
  '小计',
  '注：',
  '说明',
  '填表人',
  '姓名',
  '出生年月',
  '身份证号',
  ...'合计总小共累注说明备附填表审核干部姓名出生年月身份证号性别王五〇',
  ...'aAxXzZ019 .·•()（）：:*,，%％【】“"\'-',
  '\u3000',
  '\u00a0',
  '\n',
  '\r\n',
  '\t',
  '\u200b',
  '\ufeff',
  '\uff21',
  '\uff41',
  '\uff10',
  '😀',
];
const text = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.array(fc.constantFrom(...PICK), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
);

describe('recognition: first-character tests never skip a match', () => {
  it('a text whose squeezed form is a total or a note passes mayStartWith', () => {
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (TOTAL.test(squeezed(t))) {
          matched++;
          expect(mayStartWith(t, TOTAL_FIRST)).toBe(true);
        }
        if (NOTE.test(squeezed(t))) {
          matched++;
          expect(mayStartWith(t, NOTE_FIRST)).toBe(true);
        }
      }),
      { numRuns: 4000 },
    );
    expect(matched).toBeGreaterThan(100); // the property is not vacuous
  });

  it('a text whose header key is one of a table’s passes mayStartWith on the keys’ first characters', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), text, fc.boolean(), (labels, t, spaced) => {
        // Half the time the text is a label typed differently (spaces, full-width, upper case).
        const keys = new Set([...labels, ...(spaced ? [` ${t.toLowerCase()}`.replace(/\uff21/g, 'a')] : [])].map(headerKey).filter(Boolean));
        const first = charSet([...keys].map((k) => k[0]));
        if (keys.has(headerKey(t))) {
          matched++;
          expect(mayStartWith(t, first)).toBe(true);
        }
      }),
      { numRuns: 4000 },
    );
    expect(matched).toBeGreaterThan(20);
  });

  const HEADER: CellValue[] = ['序号', '姓名', '性别', '出生年月', '身份证号'];
  const DATA: CellValue[] = [1, '张三', '男', '1985.03', '11010119850301123X'];
  it.each<[string, CellValue[], string]>([
    ['a total after an ideographic space', ['\u3000合计', null, null, null, null], 'total'],
    ['a total spread with spaces', [null, ' 合 计 ', null, null, null], 'total'],
    ['a total in the name column beyond the first three cells', [null, null, null, null, null, '合计'], 'total'],
    ['a total in full-width brackets is data', [2, '（合计）', '男', '1985.03', null], 'data'],
    ['a repeated header typed with spaces and full-width', ['序 号', '姓\u3000名', '性别', '出生年月', '身份证号'], 'repeated-header'],
    ['a repeated header in upper-case Latin', [null, 'NAME', '性别', null, null], 'data'],
    ['a section line', ['一、正科级干部', null, null, null, null], 'section'],
    ['an ID ending in X is data', DATA, 'data'],
  ])('%s', (_, row, why) => {
    const g = gridOf([HEADER, DATA, row, DATA]);
    const m = recognizeSheet(g);
    expect(m.dataRows.includes(2) ? 'data' : m.skipped.find((s) => s.row === 2)?.why).toBe(why);
  });

  it('a note under the table ends it, whatever space precedes 注', () => {
    const g = gridOf([
      ['序号', '姓名', '性别'],
      [1, '张三', '男'],
      ['\u3000注：本表由组织部填报', null, null],
      [2, '李四', '女'],
    ]);
    expect(recognizeSheet(g).notesFrom).toBe(2);
  });
});

describe('names: the plain-name shortcut is the rules', () => {
  const nameText = fc.oneof(
    fc.string(),
    fc.array(fc.constantFrom(...'王五李明干部龥一〇AbZz0189 ·.•\u3000－Ａ１\u9fa6\u9fff'), { maxLength: 8 }).map((a) => a.join('')),
  );
  it('normalizePersonName = normalizePersonNameByRules, and the shortcut only says what the rules say', () => {
    fc.assert(
      fc.property(nameText, (t) => {
        const byRules = normalizePersonNameByRules(t);
        expect(normalizePersonName(t)).toEqual(byRules);
        const kind = plainNameKind(t);
        if (kind === null) return;
        expect(byRules.ok && byRules.value).toBe(t);
        expect(byRules.ok && byRules.notes.map((n) => n.code)).toEqual(kind === 'suspicious' ? ['name.suspicious'] : []);
      }),
      { numRuns: 4000 },
    );
  });

  it.each<[string, 'plain' | 'suspicious' | null]>([
    ['王五', 'plain'],
    ['Li', 'plain'],
    ['干部12', 'suspicious'],
    ['王 五', null],
    ['阿依古丽·买买提', null],
    ['', null],
    ['\u9fa6', null],
  ])('plainNameKind(%j) = %j', (t, kind) => expect(plainNameKind(t)).toBe(kind));
});

describe('duplicates: one number per name until a second birth month', () => {
  it('reports each repeat against the first row of its own month', () => {
    const rows: CellValue[][] = [
      ['姓名', '出生年月', '身份证号'],
      ['张三', '1985.03', null],
      ['张三', '1986.04', null],
      ['张三', '1985.03', null],
      ['张三', '1986.04', null],
      ['李四', '1986.04', null],
      ['张三', '1987.05', null],
      ['张三', '1987.05', null],
    ];
    const sheet = typeRows(gridOf(rows), recognizeSheet(gridOf(rows)));
    expect(checkDuplicates(sheet).map((f) => [f.row, f.code, f.message['en-US']])).toEqual([
      [3, 'dup.person', '张三 (1985.03) has the same name and birth month as row 2: possibly entered twice'],
      [4, 'dup.person', '张三 (1986.04) has the same name and birth month as row 3: possibly entered twice'],
      [7, 'dup.person', '张三 (1987.05) has the same name and birth month as row 7: possibly entered twice'],
    ]);
  });

  it('names the first row of each repeated ID number, the message the same for every repeat', () => {
    const id = '110101198503011232';
    const rows: CellValue[][] = [
      ['姓名', '出生年月', '身份证号'],
      ['张三', '1985.03', id],
      ['李四', '1985.03', id],
      ['王五', '1985.03', id],
    ];
    const found = checkDuplicates(typeRows(gridOf(rows), recognizeSheet(gridOf(rows))));
    expect(found.map((f) => [f.row, f.message['zh-CN']])).toEqual([
      [2, '身份证号与第2行相同'],
      [3, '身份证号与第2行相同'],
    ]);
  });
});

describe('typed rows: blank sets shared per combination', () => {
  it('rows with the same blank fields get equal sets, others their own', () => {
    const rows: CellValue[][] = [
      ['姓名', '出生年月', '现任职务'],
      ['张三', null, null],
      ['李四', null, null],
      ['王五', '1985.03', null],
      ['赵六', null, '局长'],
    ];
    const typed = typeRows(gridOf(rows), recognizeSheet(gridOf(rows)));
    expect(typed.rows.map((r) => [...r.blank])).toEqual([['birth', 'post'], ['birth', 'post'], ['post'], ['birth']]);
    expect(typed.rows.map((r) => r.unreadable.size)).toEqual([0, 0, 0, 0]);
  });
});

import fc from 'fast-check';
import { ageOn, buildForms, formFileName, FORM_ITEMS, type AppointmentForm, type FormItem } from '../../../src/brief/form-model';
import { formLayout } from '../../../src/brief/form-layout';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { gridsOf } from './fixtures';
import { AGRI_POST, FORM_IDS, FORMS_AS_OF, formsWorkbook, STATS_POST, STRAY_RESUME_ID } from './form-fixtures';

type Src = [string, number][];
const R = (row: number): Src => [['花名册', row]];

/** Every item of every form: its text and the sheet rows it came from; absent = blank for hand entry. */
const EXPECTED: Record<string, Partial<Record<FormItem, [string, Src]>>> = {
  张三: {
    name: ['张三', [['考察对象', 2]]],
    sex: ['男', R(3)],
    birth: ['1978.05', R(3)],
    age: ['46', R(3)],
    ethnicity: ['汉族', R(3)],
    nativePlace: ['江苏南京', R(3)],
    birthPlace: ['江苏南京', R(3)],
    partyJoin: ['2001.07', R(3)],
    workStart: ['2000.08', R(3)],
    health: ['健康', R(3)],
    proTitle: ['高级农艺师', R(3)],
    fullTimeEducation: ['大学本科 农学学士', R(3)],
    fullTimeSchool: ['中国农业大学农学专业', R(3)],
    partTimeEducation: ['在职研究生 农业推广硕士', R(3)],
    partTimeSchool: ['南京农业大学农业推广专业', R(3)],
    currentPost: ['县农业农村局副局长', [['任前公示', 2]]],
    proposedPost: [AGRI_POST, [['考察对象', 2]]],
    resume: ['1996.09--2000.07 中国农业大学农学专业学习\n2000.08--2010.12 县农业局科员\n2011.01-- 县农业农村局副局长', R(3)],
    rewards: ['2019年被评为全省农业农村系统先进个人', R(3)],
    annualResults: [
      '2022年度考核优秀；2023年度考核称职；2024年度考核优秀。',
      [
        ['2022年度考核', 2],
        ['2023年度考核', 2],
        ['2024年度考核', 2],
      ],
    ],
  },
  李四: {
    name: ['李四', [['考察对象', 3]]],
    sex: ['女', R(4)],
    birth: ['1980.03', R(4)],
    age: ['44', R(4)], // born 1980-03-15: not yet 45 on 2025-03-10
    ethnicity: ['汉族', R(4)],
    nativePlace: ['江苏扬州', R(4)],
    birthPlace: ['江苏镇江', R(4)],
    partyJoin: ['2003.06', R(4)],
    workStart: ['2002.07', R(4)],
    fullTimeEducation: ['大学本科 管理学学士', R(4)],
    fullTimeSchool: ['南京农业大学农林经济管理专业', R(4)],
    currentPost: ['县农业农村局副局长', [['任前公示', 3]]],
    proposedPost: [AGRI_POST, [['考察对象', 3]]],
    resume: ['1998.09--2002.07 南京农业大学学习\n2002.07-- 县农业农村局工作(身份证号320102********1239)', R(4)],
    rewards: ['无', R(4)],
    annualResults: [
      '2022年度考核称职；2023年度考核优秀；2024年度考核称职。',
      [
        ['2022年度考核', 3],
        ['2023年度考核', 3],
        ['2024年度考核', 3],
      ],
    ],
  },
  王芳: {
    name: ['王芳', [['任前公示', 4]]],
    sex: ['女', R(7)],
    birth: ['1985.11', R(7)], // from the ID number: her 出生日期 cell is empty
    age: ['39', R(7)],
    ethnicity: ['汉族', R(7)],
    nativePlace: ['江苏苏州', R(7)],
    birthPlace: ['江苏无锡', R(7)],
    partyJoin: ['2008.07', R(7)],
    workStart: ['2007.08', R(7)],
    health: ['健康', R(7)],
    proTitle: ['统计师', R(7)],
    fullTimeEducation: ['硕士研究生 经济学硕士', R(7)],
    fullTimeSchool: ['南京大学统计学专业', R(7)],
    currentPost: ['县统计局副局长(统计师)', [['任前公示', 4]]],
    proposedPost: [STATS_POST, [['任前公示', 4]]],
    resume: ['2007.08-- 县统计局工作', R(7)],
    // 2023 has no row for her: the last three years on record are 2021, 2022 and 2024.
    annualResults: [
      '2021年度考核称职；2022年度考核称职；2024年度考核优秀。',
      [
        ['2021年度考核', 4],
        ['2022年度考核', 4],
        ['2024年度考核', 4],
      ],
    ],
  },
};

describe('buildForms on a workbook with three proposed cadres', () => {
  let forms: AppointmentForm[];
  beforeAll(async () => {
    forms = buildForms(await gridsOf(await formsWorkbook()), DEFAULT_POLICY, FORMS_AS_OF);
  });

  it('makes one form per proposed cadre: the committee pair of the inspected post, then the person under notice', () => {
    expect(forms.map((f) => [f.name, f.post])).toEqual([
      ['张三', AGRI_POST],
      ['李四', AGRI_POST],
      ['王芳', STATS_POST],
    ]);
  });

  it.each(Object.keys(EXPECTED))('fills every item of %s from its sheet and row, and leaves the rest blank', (name) => {
    const f = forms.find((x) => x.name === name)!;
    const want = EXPECTED[name];
    for (const item of FORM_ITEMS) {
      const got = f.items[item];
      const w = want[item];
      if (!w) {
        expect([item, got]).toEqual([item, undefined]);
        continue;
      }
      expect([item, got?.text]).toEqual([item, w[0]]);
      expect([item, got?.sources.map((s) => [s.sheet, s.row])]).toEqual([item, w[1]]);
    }
  });

  it('leaves 拟免职务, 熟悉专业有何专长, 任免理由 and 呈报单位 blank: the ledgers hold none, nothing is invented', () => {
    for (const f of forms) for (const k of ['removalPost', 'expertise', 'appointReason', 'reportingUnit'] as const) expect(f.items[k]).toBeUndefined();
  });

  it('prints 出生年月 over the age as of the as-of date', () => {
    expect(forms.map((f) => f.birthLine)).toEqual(['1978.05\n（46岁）', '1980.03\n（44岁）', '1985.11\n（39岁）']);
    const later = buildForms([], DEFAULT_POLICY, FORMS_AS_OF);
    expect(later).toEqual([]);
  });

  it('carries no full ID number anywhere, masks the one typed into 简历 and reports it', () => {
    const all = JSON.stringify(forms.map((f) => ({ items: f.items, birthLine: f.birthLine, name: f.name, post: f.post })));
    for (const id of [...FORM_IDS, STRAY_RESUME_ID]) expect(all).not.toContain(id);
    expect(all).not.toMatch(/\d{15}/);
    expect(forms[1].privacy).toHaveLength(1);
    for (const f of forms) for (const c of formLayout(f).cells) expect(c.text).not.toMatch(/\d{15}/);
  });

  it('names files by name and post only', () => {
    expect(formFileName(forms[0], 'docx', 1)).toBe(`干部任免审批表-01-张三-${AGRI_POST}.docx`);
    expect(formFileName({ ...forms[0], name: `张三${FORM_IDS[0]}` }, 'docx')).not.toContain(FORM_IDS[0]);
  });
});

describe('ageOn', () => {
  it.each([
    [{ y: 1980, m: 3, d: 15 }, 'day', { y: 2025, m: 3, d: 14 }, 44],
    [{ y: 1980, m: 3, d: 15 }, 'day', { y: 2025, m: 3, d: 15 }, 45],
    [{ y: 1980, m: 3, d: 1 }, 'month', { y: 2025, m: 3, d: 1 }, 45],
    [{ y: 1980, m: 4, d: 1 }, 'month', { y: 2025, m: 3, d: 31 }, 44],
    [{ y: 1980, m: 1, d: 1 }, 'year', { y: 2025, m: 1, d: 1 }, 45],
    [{ y: 2000, m: 2, d: 29 }, 'day', { y: 2025, m: 2, d: 28 }, 24],
    [{ y: 2000, m: 2, d: 29 }, 'day', { y: 2025, m: 3, d: 1 }, 25],
  ] as const)('%j (%s) on %j is %i', (birth, precision, asOf, age) => {
    expect(ageOn(birth, precision, asOf)).toBe(age);
  });

  it('never decreases as the as-of date moves on, and grows by one a year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), fc.integer({ min: 0, max: 3000 }), (a, step) => {
        const birth = new Date(Date.UTC(1940, 0, 1) + a * 864e5);
        const b = { y: birth.getUTCFullYear(), m: birth.getUTCMonth() + 1, d: birth.getUTCDate() };
        const t1 = new Date(birth.getTime() + 20 * 365 * 864e5);
        const t2 = new Date(t1.getTime() + step * 864e5);
        const x = ageOn(b, 'day', { y: t1.getUTCFullYear(), m: t1.getUTCMonth() + 1, d: t1.getUTCDate() });
        const y = ageOn(b, 'day', { y: t2.getUTCFullYear(), m: t2.getUTCMonth() + 1, d: t2.getUTCDate() });
        return y >= x && y - x <= Math.ceil(step / 365) && ageOn(b, 'day', { ...b, y: b.y + x }) === x;
      }),
    );
  });
});

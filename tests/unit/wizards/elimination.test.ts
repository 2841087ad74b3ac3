import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { recognizeAll, typeSource, defaultOptions } from '../../../src/wizards/framework';
import {
  TIE_TEXT,
  TIER_TEXT,
  countLines,
  decodeOverrides,
  eliminationSheet,
  eliminationWizard,
  encodeOverrides,
  exactProduct,
  runElimination,
  type EliminationOptions,
} from '../../../src/wizards/elimination';
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { STATUTORY_CALENDAR } from '../../../src/calendar';
import type { TypedSheet } from '../../../src/ledger/rows';
import type { CellWrite } from '../../../src/ledger/edit-plan';
import { ASSESSMENT_PLAN, assessment150 } from '../../fixtures/wizards-5-7';
import { cellText, stacked } from '../../../src/wizards/types';

let sheet: TypedSheet;
beforeAll(async () => {
  const book = await openFileWorkbook(await assessment150());
  const rec = recognizeAll(await book.read())[0];
  expect(rec.model.kind).toBe('assessment');
  sheet = typeSource(rec, rec.model.columns);
});

const base: EliminationOptions = { levels: ['正科级', '副科级'], realPostOnly: true, overrides: [] };
const rowOf = (name: string): number => {
  const r = sheet.rows.find((x) => x.names.name === name);
  if (!r) throw new Error(name);
  return r.row;
};

describe('wizard 6 · 年度末位淘汰 (pure)', () => {
  test('N = 150: counts 3 / 2 / 1 with the arithmetic shown under round-half-up', async () => {
    const r = await runElimination(sheet, DEFAULT_POLICY, base);
    expect(r.n).toBe(150);
    expect(r.counts).toEqual({ preliminary: 3, removal: 2, admonition: 1 });
    expect(r.countLines.map((l) => l.text['zh-CN'])).toEqual([
      '初步淘汰对象：2% × 150 = 3 → 3 人（四舍五入）',
      '免职：1% × 150 = 1.5 → 2 人（四舍五入）',
      '诫勉一年：1% × 150 = 1.5 → 2 人（四舍五入），以初步淘汰 3 − 免职 2 = 1 为上限，按 1 人',
    ]);
    expect(r.summary[0].message['zh-CN']).toBe('末位淘汰范围：正科级、副科级实职领导干部，总数 N = 150 人');
  });

  test('ranked table: RANK.EQ ranks, tiers, and the tie across the removal cut-off flagged, never broken', async () => {
    const r = await runElimination(sheet, DEFAULT_POLICY, base);
    const top = r.ranked.slice(0, 4).map((x) => [x.name, x.rank, x.tier, x.tie]);
    expect(top.slice(0, 3)).toEqual([
      [ASSESSMENT_PLAN.top, 1, 'removal', false],
      [ASSESSMENT_PLAN.tiedAtRemoval[0], 2, 'removal', true],
      [ASSESSMENT_PLAN.tiedAtRemoval[1], 2, 'removal', true],
    ]);
    // the next group (3/40) starts at rank 4 and is in no tier
    expect(top[3][1]).toBe(4);
    expect(top[3][2]).toBeNull();
    expect(r.decisions.map((x) => x.name)).toEqual([...ASSESSMENT_PLAN.tiedAtRemoval]);
    expect(r.summary.some((s) => s.code === 'elimination.tie-at-cutoff' && s.severity === 'warning')).toBe(true);
    // the pane's narrow table: rank with tier and marks, name with post and level, votes with share
    expect(r.rows[1].cells).toEqual([stacked(2, TIER_TEXT.removal, TIE_TEXT, null), stacked('乙二', '县财政局副局长 · 副科级'), '14/40 · 35%']);
    expect(r.columns.map((c) => c['en-US'])).toEqual(['Rank · tier', 'Name · post', 'Incompetent votes · share']);
    expect(r.rows[1].cells.map((c) => cellText(c, 'en-US'))).toEqual(['2\nRemoval\nTied: to decide', '乙二\n县财政局副局长 · 副科级', '14/40 · 35%']);
    expect(r.rows[1].flag).toBe('warning');
    expect(r.ranked).toHaveLength(150);
  });

  test('population filter: non-leading ranks and other levels out, unclear posts to confirm (not counted)', async () => {
    const r = await runElimination(sheet, DEFAULT_POLICY, base);
    const by = Object.fromEntries(r.population.map((p) => [p.name, p]));
    expect(by[ASSESSMENT_PLAN.nonLeadingTrigger].auto).toBe('out');
    expect(by[ASSESSMENT_PLAN.nonLeadingTrigger].autoWhy['zh-CN']).toBe('“一级主任科员”是非领导职务职级，不是实职');
    expect(by['股级0'].autoWhy['zh-CN']).toBe('职级“股级”不在范围（正科级、副科级）内');
    expect(ASSESSMENT_PLAN.unknownPost.map((n) => by[n].auto)).toEqual(['unknown', 'unknown']);
    expect(r.population.filter((p) => p.included)).toHaveLength(150);
    expect(r.population).toHaveLength(160);
    expect(r.summary.some((s) => s.code === 'elimination.post-unknown' && s.message['zh-CN'].startsWith('2 人'))).toBe(true);
  });

  test('excluding a row by hand (with a reason) changes N, the counts and the tiers', async () => {
    const overrides = [{ row: rowOf(ASSESSMENT_PLAN.tiedAtRemoval[1]), include: false, reason: '已调任市直单位' }];
    const r = await runElimination(sheet, DEFAULT_POLICY, { ...base, overrides });
    expect(r.n).toBe(149);
    // 2% × 149 = 2.98 → 3; 1% × 149 = 1.49 → 1; admonition 1
    expect(r.counts).toEqual({ preliminary: 3, removal: 1, admonition: 1 });
    expect(r.countLines[1].text['zh-CN']).toBe('免职：1% × 149 = 1.49 → 1 人（四舍五入）');
    expect(r.ranked.slice(0, 2).map((x) => [x.name, x.rank, x.tier, x.tie])).toEqual([
      [ASSESSMENT_PLAN.top, 1, 'removal', false],
      [ASSESSMENT_PLAN.tiedAtRemoval[0], 2, 'admonition', false],
    ]);
    // the third place now falls in the 3/40 group: all 36 tied there are included and flagged
    const threes = r.ranked.filter((x) => x.incompetentVotes === 3);
    expect(threes).toHaveLength(36);
    expect(r.decisions).toEqual(threes);
    expect(new Set(threes.map((x) => `${x.rank}/${x.tier}/${x.tie}`))).toEqual(new Set(['3/preliminary/true']));
    expect(r.summary[0].message['zh-CN']).toContain('人工排除 1 人');
    const spec = eliminationSheet(r, '末位淘汰测算');
    const texts = spec.rows.map((row) => row.map((c) => (c && typeof c === 'object' ? (c as CellWrite).value : c)).join('|'));
    expect(texts).toContain(
      `　　人工排除：${ASSESSMENT_PLAN.tiedAtRemoval[1]}（年度考核测评!B${rowOf(ASSESSMENT_PLAN.tiedAtRemoval[1]) + 1}），理由：已调任市直单位`,
    );
  });

  test('including rows to confirm changes N; a change without a reason is refused and named', async () => {
    const [u1, u2] = ASSESSMENT_PLAN.unknownPost;
    const r = await runElimination(sheet, DEFAULT_POLICY, {
      ...base,
      overrides: [
        { row: rowOf(u1), include: true, reason: '乡镇党委委员，属实职' },
        { row: rowOf(u2), include: true, reason: '  ' },
      ],
    });
    expect(r.n).toBe(151);
    expect(r.counts).toEqual({ preliminary: 3, removal: 2, admonition: 1 });
    const refused = r.summary.find((s) => s.severity === 'error');
    expect(refused?.message['zh-CN']).toBe(`年度考核测评!${rowOf(u2) + 1}行 ${u2}：纳入须写明理由，此项调整未生效`);
  });

  test('levels and 实职-only are editable', async () => {
    const r = await runElimination(sheet, DEFAULT_POLICY, { ...base, levels: ['正科级'] });
    expect(r.n).toBe(sheet.rows.filter((x) => x.texts.postLevel === '正科级' && !/主任科员|工作人员/.test(x.texts.post ?? '')).length);
    const all = await runElimination(sheet, DEFAULT_POLICY, { ...base, realPostOnly: false });
    expect(all.n).toBe(150 + 1 + 4 + 2);
  });

  test('the 四.2 trigger list: exactly one half triggers, inside or outside the population; below does not', async () => {
    const r = await runElimination(sheet, DEFAULT_POLICY, base);
    expect(r.triggers.map((t) => [t.name, t.ratioText, t.inPopulation])).toEqual([
      [ASSESSMENT_PLAN.top, '50%', true],
      [ASSESSMENT_PLAN.nonLeadingTrigger, '52.5%', false],
    ]);
    expect(r.triggers[0].reasons[0].message['zh-CN']).toBe('不称职票 20/40 = 50%，达到 50%，由组织、纪检部门联合调查');
    expect(r.ranked[0].trigger).toBe(true);
    expect(r.triggers.some((t) => t.name === ASSESSMENT_PLAN.unknownPost[1])).toBe(false); // 19/40
  });

  test('floor and ceil rounding from the policy', () => {
    const p = (rounding: Policy['elimination']['rounding']): Policy => ({ ...DEFAULT_POLICY, elimination: { ...DEFAULT_POLICY.elimination, rounding } });
    expect(countLines(150, p('floor')).counts).toEqual({ preliminary: 3, removal: 1, admonition: 1 });
    expect(countLines(150, p('ceil')).counts).toEqual({ preliminary: 3, removal: 2, admonition: 1 });
    expect(countLines(130, DEFAULT_POLICY).counts).toEqual({ preliminary: 3, removal: 1, admonition: 1 });
    expect(exactProduct(0.01, 149)).toBe('1.49');
    expect(exactProduct(0.02, 150)).toBe('3');
  });

  test('the output sheet: sections, ratios as percentages, the 四.2 list and the excluded rows with why', async () => {
    const r = await runElimination(sheet, DEFAULT_POLICY, base);
    const spec = eliminationSheet(r, '末位淘汰测算');
    const first = spec.rows.map((row) => row[0]);
    expect(first).toContain('一、测算范围：正科级、副科级实职领导干部，总数 N = 150 人');
    expect(first).toContain('四、不称职票达到二分之一（由组织、纪检部门联合调查）：2 人');
    expect(first).toContain('五、未纳入总数的人员：10 人');
    const header = spec.rows.findIndex((row) => row[0] === '名次');
    expect(spec.rows[header + 1].slice(0, 6)).toEqual([1, ASSESSMENT_PLAN.top, '县商务局局长', '正科级', 20, 40]);
    expect(spec.rows[header + 1][6]).toEqual({ value: 0.5, numberFormat: '0.00%' });
    expect(spec.rows[header + 2][8]).toBe('是');
    expect(spec.links?.length).toBe(150 + 2 + 10);
  });

  test('through the WizardDef: option defaults from the policy, overrides round-trip as JSON', async () => {
    const inputs = { sources: { main: sheet }, policy: DEFAULT_POLICY, calendar: STATUTORY_CALENDAR, asOf: { y: 2025, m: 1, d: 10 } };
    const fields = eliminationWizard.optionFields(inputs);
    const options = defaultOptions(fields, { overrides: encodeOverrides([{ row: rowOf(ASSESSMENT_PLAN.top), include: false, reason: '已退休' }]) });
    expect(options.levels).toEqual(['正科级', '副科级']);
    const levelField = fields.find((f) => f.key === 'levels');
    expect(levelField && 'choices' in levelField ? levelField.choices.map((c) => c.value) : []).toEqual(['正科级', '副科级', '股级']);
    const r = await eliminationWizard.run({ ...inputs, options }, {});
    expect(r.n).toBe(149);
    expect(decodeOverrides('not json')).toEqual([]);
    expect(eliminationWizard.outputSheetName(options)).toBe('末位淘汰测算');
  });
});

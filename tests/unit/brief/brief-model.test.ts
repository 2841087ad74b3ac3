import { buildBrief, monthText, policyValueText } from '../../../src/brief/brief-model';
import { briefDocument, chineseNumber, documentTexts, EMPTY_LINES, rangeText, SECTION_TITLES, sourceText } from '../../../src/brief/brief-document';
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { resolvePolicy } from '../../../src/policy/validate';
import { workCalendar } from '../../../src/calendar';
import { appointmentWorkbook, assessmentWorkbook } from '../../fixtures/build';
import { AGRI, AS_OF, ASSET_TEXT, emptyBriefWorkbook, fullBriefWorkbook, gridsOf, ROSTER_IDS, STATS, STRAY_ID } from './fixtures';

describe('buildBrief on a workbook with something in every section', () => {
  let model: ReturnType<typeof buildBrief>;
  beforeAll(async () => {
    model = buildBrief(await gridsOf(await fullBriefWorkbook()), DEFAULT_POLICY, AS_OF);
  });

  it('dates and titles the brief', () => {
    expect(model.title).toBe('常委会议研究材料');
    expect(model.dateText).toBe('2025年3月10日');
    expect(model.date).toEqual(AS_OF);
  });

  it('gives each post its 一职双备 pair: the committee pair when recorded, else the suggested top two', () => {
    expect(model.appointees.map((p) => [p.post, p.basis, p.finalists.map((a) => a.name)])).toEqual([
      [AGRI, 'committee', ['张三', '李四']],
      [STATS, 'suggested', ['孙七', '周八']],
    ]);
    expect(model.appointees[0].proposed).toEqual(['张三', '李四', '王五', '赵六']);
    expect(model.appointees[1].notes.join()).toContain('少于1:4');
  });

  it('gives basic information to the month, recommendation ratios, inspection conclusion and notice with provenance', () => {
    const zhang = model.appointees[0].finalists[0];
    expect(zhang.info).toEqual({
      sex: '男',
      ethnicity: '汉族',
      birthMonth: '1978.05',
      education: '大学',
      currentPost: '县农业农村局副局长',
      partyJoinMonth: '2001.07',
      workStartMonth: '2000.08',
    });
    expect(zhang.recommendation).toEqual({ votes: 30, base: 48, ratioText: '62.5%', status: 'incumbent', threshold: 0.5, passes: true });
    expect(zhang.inspection).toBe('优秀');
    expect(zhang.notice).toMatchObject({
      start: { y: 2025, m: 3, d: 3 },
      end: { y: 2025, m: 3, d: 7 },
      ok: true,
      running: false,
      result: '无异议',
      missingItems: [],
    });
    expect(zhang.sources).toEqual([
      { sheet: '考察对象', row: 3 },
      { sheet: '民主推荐', row: 3 },
      { sheet: '任前公示', row: 3 },
      { sheet: '花名册', row: 3 },
    ]);
    const li = model.appointees[0].finalists[1];
    expect(li.notice).toMatchObject({ ok: false, requiredEnd: { y: 2025, m: 3, d: 7 } });
    expect(model.appointees[1].finalists[0].notice).toBeNull();
  });

  it('lists probation conclusions due, not those still in probation', () => {
    expect(model.probation.map((p) => [p.name, p.status, p.conclusion, p.reportsReceived, p.reportsOverdue, p.source.row])).toEqual([
      ['吴九', '即将期满', 'assess', 3, 0, 3],
      ['郑十', '期满待考核', 'assess', 3, 1, 4],
      ['钱一', '已正式任职', 'confirm', 4, 0, 5],
    ]);
    expect(model.probation[0].end).toEqual({ y: 2025, m: 3, d: 20 });
  });

  it('states the elimination counts, shares and rounding, and the cadres in each tier', () => {
    const e = model.elimination!;
    expect(e.population).toBe(100);
    expect(e.counts).toEqual({ preliminary: 2, removal: 1, admonition: 1 });
    expect(e.rounding).toBe('round');
    expect(e.shares).toEqual({ preliminary: 0.02, removal: 0.01, admonition: 0.01 });
    expect(e.notes[0]).toContain('2%×100 → 2 人');
    expect(e.items.map((x) => [x.name, x.tier, x.rank, x.ratioText, x.source])).toEqual([
      ['林佳平', 'removal', 1, '55%', { sheet: '年度考核', row: 20 }],
      ['罗强', 'admonition', 2, '25%', { sheet: '年度考核', row: 45 }],
    ]);
  });

  it('lists incompetent-vote investigations (≥ 1/2)', () => {
    expect(model.investigations).toEqual([
      {
        name: '林佳平',
        post: '县直单位18副局长',
        incompetentVotes: 22,
        validVotes: 40,
        ratioText: '55%',
        grade: '不称职',
        nonLeading: false,
        source: { sheet: '年度考核', row: 20 },
      },
    ]);
  });

  it('states every policy value in force with its default and basis', () => {
    // 27 policy keys, then the work calendar (extra days off, extra working days, years entered by hand)
    expect(model.policy).toHaveLength(30);
    expect(model.policy.slice(27).map((p) => [p.key, p.value, p.changed])).toEqual([
      ['calendar.extraHolidays', '无', false],
      ['calendar.extraWorkdays', '无', false],
      ['calendar.years', '无', false],
    ]);
    expect(model.policy.find((p) => p.key === 'elimination.rounding')).toEqual({
      key: 'elimination.rounding',
      label: '人数取整方式',
      value: '四舍五入',
      defaultValue: '四舍五入',
      changed: false,
      basis: '文件未规定取整方式，默认四舍五入',
      // the pane's preview shows the row in the UI language; the brief prints the Chinese above
      screen: {
        label: { 'zh-CN': '人数取整方式', 'en-US': 'Rounding of counts' },
        value: { 'zh-CN': '四舍五入', 'en-US': 'round half up' },
        defaultValue: { 'zh-CN': '四舍五入', 'en-US': 'round half up' },
      },
    });
  });

  it('names every sheet it read', () => {
    expect(model.sources.map((s) => [s.sheet, s.kind, s.rows])).toEqual([
      ['花名册', 'roster', 6],
      ['民主推荐', 'recommendation', 6],
      ['考察对象', 'inspection', 6],
      ['任前公示', 'notice', 2],
      ['试用期台账', 'probation', 4],
      ['年度考核', 'assessment', 100],
    ]);
  });

  it('never carries an ID number, a birth date to the day or family-asset details', () => {
    const json = JSON.stringify(model);
    for (const id of ROSTER_IDS) expect(json).not.toContain(id);
    expect(json).not.toContain(ASSET_TEXT);
    expect(json).not.toMatch(/1978-05-12|1978年5月12日/);
    // A stray ID typed into free text is in the model (公示结果) and is masked when rendered (privacy.test.ts).
    expect(json).toContain(STRAY_ID);
  });

  it('writes numbered sections in order with their wording', () => {
    const doc = briefDocument(model);
    expect(doc.sections.map((s) => s.heading)).toEqual(Object.values(SECTION_TITLES).map((t, i) => `${chineseNumber(i + 1)}、${t}`));
    expect(doc.sections.every((s) => s.emptyLine === null)).toBe(true);
    const text = documentTexts(doc).join('\n');
    expect(text).toContain('1．张三，男，汉族，1978.05出生，大学学历，2001.07入党，2000.08参加工作，现任县农业农村局副局长。');
    expect(text).toContain(
      '民主推荐得票比例62.5%（30/48，原班子成员，达到50%）；考察结论：优秀；任前公示2025年3月3日至3月7日（期限和内容符合规定），公示结果：无异议。',
    );
    expect(text).toContain('（来源：“考察对象”第3行；“民主推荐”第3行；“任前公示”第3行；“花名册”第3行）');
    expect(text).toContain('（期限不足，应至2025年3月7日）');
    expect(text).toContain('提出考察对象2人（不足1:4）：孙七、周八。');
    expect(text).toContain('计初步淘汰对象2人、免职1人、诫勉1人');
    expect(text).toContain('人数取整方式为四舍五入');
  });
});

describe('buildBrief with nothing to report', () => {
  // A workbook with only a roster: the sections whose ledgers are absent say they could not be
  // checked (issue 11: never "none" for a section whose source could not be read).
  it('says so in one line per section, naming the ledger it could not read', async () => {
    const model = buildBrief(await gridsOf(await emptyBriefWorkbook()), DEFAULT_POLICY, AS_OF);
    expect(model.appointees).toEqual([]);
    expect(model.probation).toEqual([]);
    expect(model.elimination).toBeNull();
    expect(model.investigations).toEqual([]);
    const doc = briefDocument(model);
    const lines = Object.fromEntries(doc.sections.map((s) => [s.id, [s.emptyLine, s.blocks.length]]));
    expect(lines).toEqual({
      appointees: ['本工作簿中未识别到考察对象或任前公示，拟任人选未能核对。', 0],
      probation: ['本工作簿中未识别到试用期台账，试用期满考核事项未能核对。', 0],
      elimination: ['本工作簿中未识别到年度考核测评，末位淘汰排名未能核对。', 0],
      investigations: ['本工作簿中未识别到年度考核测评，不称职票联合调查未能核对。', 0],
      policy: [null, 2],
      sources: [null, 2],
    });
  });

  it('an empty workbook has no sources either', () => {
    const doc = briefDocument(buildBrief([], DEFAULT_POLICY, AS_OF));
    expect(doc.sections.find((s) => s.id === 'sources')?.emptyLine).toBe(EMPTY_LINES.sources);
  });

  it('a population too small for any tier states the counts in its one line', async () => {
    const wb = await import('exceljs');
    const book = new wb.default.Workbook();
    const ws = book.addWorksheet('考核');
    ws.getRow(1).values = ['姓名', '现任职务', '职级', '不称职票', '有效票'];
    ['陈明', '林华', '黄强'].forEach((n, i) => (ws.getRow(2 + i).values = [n, '局长', '正科级', i, 40]));
    const model = buildBrief(await gridsOf(new Uint8Array(await book.xlsx.writeBuffer())), DEFAULT_POLICY, AS_OF);
    expect(model.elimination).toMatchObject({ population: 3, counts: { preliminary: 0, removal: 0, admonition: 0 }, items: [] });
    expect(briefDocument(model).sections[2].emptyLine).toBe(`全县正副科级实职领导干部共3人，按2%四舍五入计初步淘汰对象0人，${EMPTY_LINES.elimination}`);
  });
});

describe('buildBrief on the ledger fixtures', () => {
  it('reads typed ledgers as well as grids, and flags ties in elimination', async () => {
    const grids = await gridsOf(await assessmentWorkbook());
    const ledgers = checkWorkbook(grids, { policy: DEFAULT_POLICY, asOf: AS_OF }).ledgers;
    const fromLedgers = buildBrief(ledgers, DEFAULT_POLICY, AS_OF);
    expect(fromLedgers).toEqual(buildBrief(grids, DEFAULT_POLICY, AS_OF));
    const e = fromLedgers.elimination!;
    expect(e.items.length).toBeGreaterThanOrEqual(2);
    expect(e.items.filter((x) => x.rank === 1).every((x) => x.tie)).toBe(true);
    expect(fromLedgers.investigations.map((x) => x.ratioText)).toEqual(['50%', '50%']);
  });

  it('adds people under notice whose post was never inspected', async () => {
    const model = buildBrief(await gridsOf(await appointmentWorkbook()), DEFAULT_POLICY, { y: 2022, m: 9, d: 20 });
    const notice = model.appointees.find((p) => p.basis === 'notice');
    expect(notice?.finalists.map((a) => a.name)).toEqual(['许诺']);
    const chen = model.appointees[0].finalists.find((a) => a.name === '陈明');
    expect(chen?.notice?.ok).toBe(true);
  });
});

describe('policy and helpers', () => {
  it('marks values the workbook changed', () => {
    const { policy } = resolvePolicy({ elimination: { rounding: 'floor' } });
    const model = buildBrief([], policy, AS_OF);
    expect(model.policy.find((p) => p.key === 'elimination.rounding')).toMatchObject({ value: '舍去', defaultValue: '四舍五入', changed: true });
    expect(documentTexts(briefDocument(model)).join()).toContain('舍去（已调整）');
  });

  it('states the work calendar adjustments in force', () => {
    const cal = workCalendar({ extraHolidays: [{ y: 2026, m: 10, d: 9 }], years: [{ year: 2031, holidays: [{ y: 2031, m: 1, d: 1 }], workdays: [] }] });
    if (!cal.ok) throw new Error('calendar');
    const model = buildBrief([], DEFAULT_POLICY, AS_OF, { calendar: cal.value });
    expect(model.policy.filter((p) => p.key.startsWith('calendar.')).map((p) => [p.label, p.value, p.changed])).toEqual([
      ['另行放假的日期', '2026-10-09', true],
      ['另行上班的日期', '无', false],
      ['另行录入的年度节假日安排', '2031年', true],
    ]);
    expect(documentTexts(briefDocument(model)).join()).toContain('2026-10-09（已调整）');
  });

  it('formats values, months, ranges, numbers and sources', () => {
    expect(policyValueText('recommend.quorum', null)).toBe('无');
    expect(policyValueText('notice.countStartDay', true)).toBe('是');
    expect(policyValueText('elimination.preliminaryShare', 0.02)).toBe('2%');
    expect(monthText({ date: { y: 1978, m: 5, d: 12 }, precision: 'day' })).toBe('1978.05');
    expect(monthText({ date: { y: 1978, m: 1, d: 1 }, precision: 'year' })).toBe('1978');
    expect(rangeText({ y: 2024, m: 12, d: 30 }, { y: 2025, m: 1, d: 6 })).toBe('2024年12月30日至2025年1月6日');
    expect(chineseNumber(12)).toBe('十二');
    expect(
      sourceText([
        { sheet: '考核', row: 7 },
        { sheet: '考核', row: 3 },
        { sheet: '花名册', row: 2 },
      ]),
    ).toBe('“考核”第3、7行；“花名册”第2行');
  });
});

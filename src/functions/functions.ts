/**
 * CADRE.* custom functions (namespace CADRE, manifest.xml). Each is a thin wrapper over a rule;
 * the JSDoc below is the source of functions.json (custom-functions-metadata), and the webpack
 * plugin appends the CustomFunctions.associate calls. Bad input gives #VALUE! (#N/A where no
 * answer exists yet) with a message that names the argument and the reason — never a wrong
 * number (SPEC §4).
 *
 * Layout: each function's logic is a pure module under ./impl (runs in Node, returns a value or
 * an FnError); this file converts FnErrors into CustomFunctions.Error in the UI language, and
 * supplies the policy and the work calendar in force (./policy-source) and, for the *TODAY twins, today's date.
 * Arguments are typed `any` on purpose: Excel then passes blanks as null and text as text, so a
 * blank 得票数 is reported instead of being coerced to 0, and "12" typed as text still counts.
 *
 * Volatility: Office marks a whole function volatile or not (metadata `options.volatile`), never
 * a single call. The functions whose answer depends on an as-of date therefore come as twins
 * sharing one implementation: CADRE.PROBATIONSTATUS(…, asOf) and CADRE.REPORTSDUE(…, asOf) are
 * not volatile (same arguments, same answer; pass TODAY() to follow the date), while
 * CADRE.PROBATIONSTATUSTODAY(…) and CADRE.REPORTSDUETODAY(…), which omit it, are volatile and
 * use today's date at every recalculation. The twins' names have no separator so that the
 * sharing transforms (src/ledger/transforms/cadre-formulas.ts) recognise and repair them.
 *
 * Help: every @helpurl points at help/functions.html, shipped by the build; https://localhost:3000/
 * is rewritten to ADDIN_URL in functions.json as in the manifest (webpack.config.js).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel-shaped arguments, see above */
import type { Locale } from '../i18n/message';
import { todayLocal } from '../values/local-date';
import { accountabilityFn, noticeEndFn, noticeOkFn, probationEndFn, probationStatusFn, reportsDueFn, toDateFn } from './impl/dates';
import { idCheckFn, idMaskFn } from './impl/id';
import { elimRankFn, elimTierFn, shortlistFn, type Spill } from './impl/population';
import { isFnError, type FnError, type Result } from './impl/result';
import { committeePassFn, incompetentTriggerFn, votePassFn, voteRatioFn } from './impl/vote';
import { currentCalendar, currentPolicy } from './policy-source';
import { startPolicySync } from './policy-sync';

/** The UI language Office reports; zh-CN unless Office says English (SPEC §1: zh-CN first). */
export function uiLocale(): Locale {
  try {
    const lang = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
    return typeof lang === 'string' && /^en/i.test(lang) ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * The error value for the host: CustomFunctions.Error in Excel; elsewhere (WPS 表格, which has no
 * CustomFunctions global) a HostFnError carrying the error literal and the message, which the
 * WPS registration (src/wps/functions-wps.ts) turns into what WPS shows.
 */
function excelError(e: FnError): CustomFunctions.Error {
  if (typeof CustomFunctions === 'undefined')
    return new HostFnError(e.error === 'notAvailable' ? '#N/A' : '#VALUE!', e.message[uiLocale()]) as unknown as CustomFunctions.Error;
  const code = e.error === 'notAvailable' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, e.message[uiLocale()]);
}

/** A CADRE function's error outside Excel: the error literal (#VALUE!, #N/A) and the message. */
export class HostFnError extends Error {
  constructor(
    readonly literal: '#VALUE!' | '#N/A',
    message: string,
  ) {
    super(message);
    this.name = 'HostFnError';
  }
}

/** The value, or the error thrown as Excel expects (#VALUE! / #N/A with the message). */
function unwrap<T>(r: Result<T>): T {
  if (isFnError(r)) throw excelError(r);
  return r;
}

/** A spilled column: a per-row error becomes an error value in that row's cell only. */
function spill(r: Result<Spill>): (number | string | boolean | CustomFunctions.Error)[][] {
  return unwrap(r).map((row) => row.map((c) => (isFnError(c) ? excelError(c) : c)));
}

// 二.2 民主推荐 ---------------------------------------------------------------------------------

/**
 * 得票比例 = 得票数 ÷ 计算基数（实到人数、应到人数或有效票，取决于引用的列）。可直接引用文本数字（"45"、"45票"、全角数字）；得票数大于基数、基数为0或不是整数时返回 #VALUE! 并说明哪个参数有误。示例：=CADRE.VOTERATIO(D3,E3) → 0.5
 * @customfunction VOTERATIO
 * @helpurl https://localhost:3000/help/functions.html#VOTERATIO
 * @param votes 得票数，不小于0的整数。示例：D3 或 45
 * @param base 计算基数（实到人数、应到人数或有效票数），正整数。示例：E3 或 90
 * @returns 得票比例，0 到 1 之间的小数
 */
export function voteRatio(votes: any, base: any): number {
  return unwrap(voteRatioFn(votes, base));
}

/**
 * 是否达到推荐得票比例（二.2）：原班子成员（含副职推荐正职）不少于50%，新推荐人选不少于30%（按工作簿设置）；恰好50%为达到，29.96%不达30%。示例：=CADRE.VOTEPASS(D3,E3,"原班子") → TRUE
 * @customfunction VOTEPASS
 * @helpurl https://localhost:3000/help/functions.html#VOTEPASS
 * @param votes 得票数，不小于0的整数。示例：D3
 * @param base 计算基数（实到人数、应到人数或有效票数）。示例：E3
 * @param status 人员类别：“原班子”（原班子成员、副职推荐正职）或“新推荐”（新推荐人选）。示例："原班子" 或 F3
 * @param [threshold] 可选，本公式使用的比例要求，覆盖工作簿设置。示例："40%" 或 0.4
 * @returns TRUE 达到，FALSE 未达到
 */
export function votePass(votes: any, base: any, status: any, threshold?: any): boolean {
  return unwrap(votePassFn(votes, base, status, threshold, currentPolicy()));
}

// 二.3 考察对象 1:4、一职双备 -------------------------------------------------------------------

/**
 * 考察人选排序（二.3，整列一次计算并溢出）：每个职位按得票比例、再按考察结果排序，前4名（1:4）为“考察对象”，其中前2名（一职双备）为“建议人选”；名额界限处并列者全部列入并标“（并列）”；空行保持空白。示例：=CADRE.SHORTLIST(B3:B200,D3:D200,E3:E200)
 * @customfunction SHORTLIST
 * @helpurl https://localhost:3000/help/functions.html#SHORTLIST
 * @param posts 职位列（每行一人，同一职位名称相同）。示例：B3:B200
 * @param votes 得票数列。示例：D3:D200
 * @param bases 计算基数列（实到人数、应到人数或有效票数）。示例：E3:E200
 * @param [eligible] 可选，是否符合推荐和任职资格条件列（是/否、TRUE/FALSE）；省略表示全部符合。示例：G3:G200
 * @param [inspection] 可选，考察结果列：等次（优秀、良好、称职、基本称职、不称职）或分数；空白表示尚未考察。示例：H3:H200
 * @returns 每行一个结果：“建议人选”“考察对象”或空白
 */
export function shortlist(posts: any[][], votes: any[][], bases: any[][], eligible?: any[][], inspection?: any[][]): any[][] {
  return spill(shortlistFn(posts, votes, bases, eligible, inspection, currentPolicy()));
}

// 二.4 公示与县委委员会议表决 -------------------------------------------------------------------

/**
 * 公示截止日期（二.4）：按工作簿设置的天数（默认5个工作日，按国家法定节假日和调休以及工作簿的工作日历设置计算，开始当日计入）。返回日期序列号，请把单元格设为日期格式。示例：=CADRE.NOTICEEND("2026-09-30") → 2026-10-12
 * @customfunction NOTICEEND
 * @helpurl https://localhost:3000/help/functions.html#NOTICEEND
 * @param start 公示开始日期：日期单元格、"2026-09-30"、"2026年9月30日" 或 20260930。示例：C3
 * @returns 公示截止日期（日期序列号）
 */
export function noticeEnd(start: any): number {
  return unwrap(noticeEndFn(start, currentPolicy(), currentCalendar()));
}

/**
 * 公示是否合规（二.4）：公示期是否足够（按工作簿的工作日历设置计算工作日），以及（给出公示内容时）规定内容是否齐全。TRUE 合规，FALSE 期限不足或缺少内容。示例：=CADRE.NOTICEOK(C3,D3,E3:J3,E$2:J$2)
 * @customfunction NOTICEOK
 * @helpurl https://localhost:3000/help/functions.html#NOTICEOK
 * @param start 公示开始日期。示例：C3
 * @param end 公示实际截止日期。示例：D3
 * @param [items] 可选，公示内容单元格（基本情况、主要政绩、经济审计、家庭财产申报结果、现任职务(职称)、拟任职务或使用意向）；省略则只核对期限。示例：E3:J3
 * @param [names] 可选，与公示内容对应的标题单元格；省略则按上述顺序读取。示例：E$2:J$2
 * @returns TRUE 合规，FALSE 不合规
 */
export function noticeOk(start: any, end: any, items?: any[][], names?: any[][]): boolean {
  return unwrap(noticeOkFn(start, end, items ?? null, names ?? null, currentPolicy(), currentCalendar()));
}

/**
 * 县委委员会议表决是否通过（二.4）：赞成票超过应到人数的半数，且实到人数达到应到人数的三分之二（按工作簿设置）；不足法定人数为 FALSE。示例：=CADRE.COMMITTEEPASS(8,15,12) → TRUE
 * @customfunction COMMITTEEPASS
 * @helpurl https://localhost:3000/help/functions.html#COMMITTEEPASS
 * @param yes 赞成票数。示例：D3 或 8
 * @param members 应到人数（全体委员）。示例：E3 或 15
 * @param present 实到人数。示例：F3 或 12
 * @returns TRUE 通过，FALSE 未通过
 */
export function committeePass(yes: any, members: any, present: any): boolean {
  return unwrap(committeePassFn(yes, members, present, currentPolicy()));
}

// 二.5 试用期 ----------------------------------------------------------------------------------

/**
 * 试用期满日期（二.5）：任职日期加试用期月数（默认12个月，同 EDATE，月末顺延到当月最后一天，如 2024-02-29 → 2025-02-28）。示例：=CADRE.PROBATIONEND("2025-03-15") → 2026-03-15
 * @customfunction PROBATIONEND
 * @helpurl https://localhost:3000/help/functions.html#PROBATIONEND
 * @param start 任职日期（试用期开始）。示例：C3
 * @returns 试用期满日期（日期序列号）
 */
export function probationEnd(start: any): number {
  return unwrap(probationEndFn(start, currentPolicy()));
}

/**
 * 试用期状态（二.5），截至检查日期：试用期内、即将期满、期满待考核、已正式任职、已解除试任职务。非易失：检查日期不变则结果不变；要随日期自动更新，请用 CADRE.PROBATIONSTATUSTODAY 或把检查日期写成 TODAY()。示例：=CADRE.PROBATIONSTATUS(C3,"2026-03-20")
 * @customfunction PROBATIONSTATUS
 * @helpurl https://localhost:3000/help/functions.html#PROBATIONSTATUS
 * @param start 任职日期（试用期开始）。示例：C3
 * @param asOf 检查日期。示例："2026-03-20" 或 $B$1
 * @param [assessedOn] 可选，试用期满考核日期。示例：F3
 * @param [result] 可选，考核结果：“胜任”或“不胜任”（或 TRUE/FALSE）。示例：G3
 * @returns 状态文字
 */
export function probationStatus(start: any, asOf: any, assessedOn?: any, result?: any): string {
  return unwrap(probationStatusFn(start, asOf, assessedOn, result, currentPolicy()));
}

/**
 * 试用期状态（二.5），截至今天（易失函数，每次重算都按当天日期）。其余同 CADRE.PROBATIONSTATUS。示例：=CADRE.PROBATIONSTATUSTODAY(C3)
 * @customfunction PROBATIONSTATUSTODAY
 * @helpurl https://localhost:3000/help/functions.html#PROBATIONSTATUSTODAY
 * @volatile
 * @param start 任职日期（试用期开始）。示例：C3
 * @param [assessedOn] 可选，试用期满考核日期。示例：F3
 * @param [result] 可选，考核结果：“胜任”或“不胜任”（或 TRUE/FALSE）。示例：G3
 * @returns 状态文字
 */
export function probationStatusToday(start: any, assessedOn?: any, result?: any): string {
  return unwrap(probationStatusFn(start, todayLocal(), assessedOn, result, currentPolicy()));
}

/**
 * 逾期未交的试用期汇报次数（二.5 原则上一季度一次）：截至检查日期，已过应交日期且该季度未收到汇报的次数；应交日期为任职日期后第3、6、9、12个月的对应日。非易失；随日期更新请用 CADRE.REPORTSDUETODAY。示例：=CADRE.REPORTSDUE(C3,"2025-12-31",H3:K3)
 * @customfunction REPORTSDUE
 * @helpurl https://localhost:3000/help/functions.html#REPORTSDUE
 * @param start 任职日期（试用期开始）。示例：C3
 * @param asOf 检查日期。示例："2025-12-31" 或 $B$1
 * @param [received] 可选，已收到汇报的日期（任意形状的区域，空白忽略）。示例：H3:K3
 * @returns 逾期未交次数（0 表示没有逾期）
 */
export function reportsDue(start: any, asOf: any, received?: any[][]): number {
  return unwrap(reportsDueFn(start, asOf, received ?? null, currentPolicy()));
}

/**
 * 逾期未交的试用期汇报次数，截至今天（易失函数）。其余同 CADRE.REPORTSDUE。示例：=CADRE.REPORTSDUETODAY(C3,H3:K3)
 * @customfunction REPORTSDUETODAY
 * @helpurl https://localhost:3000/help/functions.html#REPORTSDUETODAY
 * @volatile
 * @param start 任职日期（试用期开始）。示例：C3
 * @param [received] 可选，已收到汇报的日期（任意形状的区域，空白忽略）。示例：H3:K3
 * @returns 逾期未交次数（0 表示没有逾期）
 */
export function reportsDueToday(start: any, received?: any[][]): number {
  return unwrap(reportsDueFn(start, todayLocal(), received ?? null, currentPolicy()));
}

// 二.6 选拔任用工作责任制 -----------------------------------------------------------------------

/**
 * 选人用人问题的责任追究（二.6）：问题属任现职以前 → 选拔任用失察责任主体和原单位党委主要责任人；任现职一年内 → 所在单位党委领导责任和分管责任；以后 → 不适用本条。示例：=CADRE.ACCOUNTABILITY(C3,D3)
 * @customfunction ACCOUNTABILITY
 * @helpurl https://localhost:3000/help/functions.html#ACCOUNTABILITY
 * @param appointed 任现职日期。示例：C3
 * @param occurred 问题发生日期。示例：D3
 * @param [found] 可选，问题发现日期（用于核对，不得早于发生日期）。示例：E3
 * @returns 责任主体说明
 */
export function accountability(appointed: any, occurred: any, found?: any): string {
  return unwrap(accountabilityFn(appointed, occurred, found, currentPolicy()));
}

// 四.2 不称职票 ----------------------------------------------------------------------------------

/**
 * 是否启动联合调查（四.2）：不称职票占有效票的比例达到二分之一（按工作簿设置；恰好一半即达到）。示例：=CADRE.INCOMPETENTTRIGGER(D3,E3) → TRUE
 * @customfunction INCOMPETENTTRIGGER
 * @helpurl https://localhost:3000/help/functions.html#INCOMPETENTTRIGGER
 * @param incompetent 不称职票数。示例：D3
 * @param valid 有效票数。示例：E3
 * @param [threshold] 可选，本公式使用的触发比例，覆盖工作簿设置。示例："50%"
 * @returns TRUE 达到，由组织、纪检部门联合调查；FALSE 未达到
 */
export function incompetentTrigger(incompetent: any, valid: any, threshold?: any): boolean {
  return unwrap(incompetentTriggerFn(incompetent, valid, threshold, currentPolicy()));
}

// 四.4 末位淘汰 ----------------------------------------------------------------------------------

/**
 * 末位淘汰名次（四.4，整列一次计算并溢出）：按不称职票比例从高到低排名，并列同名次（同 RANK.EQ）；不在范围内（非正副科级实职）的行为空白，空行保持空白；有行数据错误时相关结果为 #VALUE!。示例：=CADRE.ELIMRANK(D3:D500,E3:E500,B3:B500,C3:C500)
 * @customfunction ELIMRANK
 * @helpurl https://localhost:3000/help/functions.html#ELIMRANK
 * @param incompetent 不称职票列。示例：D3:D500
 * @param valid 有效票列。示例：E3:E500
 * @param [levels] 可选，职务层次列（正科级、副科级参加排名）；省略表示所选各行都在范围内。示例：B3:B500
 * @param [realPosts] 可选，是否实职领导职务列（是/否，或职务名称如“农业局局长”）；省略表示都是实职。示例：C3:C500
 * @returns 每行一个名次
 */
export function elimRank(incompetent: any[][], valid: any[][], levels?: any[][], realPosts?: any[][]): any[][] {
  return spill(elimRankFn(incompetent, valid, levels ?? null, realPosts ?? null, currentPolicy()));
}

/**
 * 末位淘汰档次（四.4，整列一次计算并溢出）：总数2%以内为初步淘汰对象，其中1%“免职”、1%“诫勉”，其余“初步淘汰”（取整方式按工作簿设置）；名额界限处并列者全部列入并标“（并列）”；没有不称职票者不列入。示例：=CADRE.ELIMTIER(D3:D500,E3:E500,B3:B500,C3:C500)
 * @customfunction ELIMTIER
 * @helpurl https://localhost:3000/help/functions.html#ELIMTIER
 * @param incompetent 不称职票列。示例：D3:D500
 * @param valid 有效票列。示例：E3:E500
 * @param [levels] 可选，职务层次列（正科级、副科级参加排名）；省略表示所选各行都在范围内。示例：B3:B500
 * @param [realPosts] 可选，是否实职领导职务列（是/否，或职务名称）；省略表示都是实职。示例：C3:C500
 * @returns 每行一个档次：“免职”“诫勉”“初步淘汰”或空白
 */
export function elimTier(incompetent: any[][], valid: any[][], levels?: any[][], realPosts?: any[][]): any[][] {
  return spill(elimTierFn(incompetent, valid, levels ?? null, realPosts ?? null, currentPolicy()));
}

// 身份证号与日期 ---------------------------------------------------------------------------------

/**
 * 身份证号是否有效：18位（校验码按国家标准核对）或15位旧号码为 TRUE；校验码不符、位数不对、被存成数字而丢失后几位等为 FALSE；空白返回空白。示例：=CADRE.IDCHECK(F3) 或 =CADRE.IDCHECK(F3,,TRUE) 显示原因
 * @customfunction IDCHECK
 * @helpurl https://localhost:3000/help/functions.html#IDCHECK
 * @param id 身份证号（文本最佳）。示例：F3
 * @param [asOf] 可选，检查日期：出生日期不得晚于此日；省略则不核对。示例：$B$1
 * @param [detail] 可选，TRUE 时返回“正确”或具体原因，而不是 TRUE/FALSE。示例：TRUE
 * @returns TRUE/FALSE，或原因文字
 */
export function idCheck(id: any, asOf?: any, detail?: any): any {
  return unwrap(idCheckFn(id, asOf, detail, uiLocale()));
}

/**
 * 身份证号脱敏（二.4 公示用）：保留前6位和后4位，中间以********代替；格式不对的号码全部以*代替。示例：=CADRE.IDMASK(F3) → 110105********002X
 * @customfunction IDMASK
 * @helpurl https://localhost:3000/help/functions.html#IDMASK
 * @param id 身份证号。示例：F3
 * @returns 脱敏后的身份证号
 */
export function idMask(id: any): string {
  return idMaskFn(id);
}

/**
 * 把台账中的日期写法转换为日期序列号：1985.03、1985.3、1985年3月、198503、1985-03-01、一九八五年三月等；只到月的按1日。常规格式数字 1985.1（可能是1月也可能是10月）返回 #VALUE!，不作猜测；“至今”返回 #N/A；空白返回空白。示例：=CADRE.TODATE(E3)
 * @customfunction TODATE
 * @helpurl https://localhost:3000/help/functions.html#TODATE
 * @param value 日期文本、数字或日期单元格。示例：E3 或 "1985.03"
 * @returns 日期序列号（请设为日期格式）
 */
export function toDate(value: any): any {
  return unwrap(toDateFn(value));
}

// Shared runtime: load the workbook's policy once Office is ready, and follow later changes.
// Guarded so that Node (tests, the metadata generator) can import this file.
if (typeof Office !== 'undefined' && typeof Excel !== 'undefined') {
  void Office.onReady(() =>
    startPolicySync(
      (batch) => Excel.run(batch),
      (name, version) => Office.context.requirements.isSetSupported(name, version),
    ).catch(() => {
      // Without the settings (e.g. a host without the Excel API) the defaults stay in force.
    }),
  );
}

/**
 * CADRE.* custom functions (namespace CADRE, manifest.xml). Each is a thin wrapper over a rule;
 * the JSDoc below is the source of functions.json (custom-functions-metadata), and the webpack
 * plugin appends the CustomFunctions.associate calls. Bad input gives #VALUE! with a message that
 * names the argument and the reason — never a wrong number (SPEC §4).
 */

/** Why an argument is unusable, in both languages (the error message Excel shows). */
function invalid(zh: string, en: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${zh} / ${en}`);
}

/** A vote count must be a whole number ≥ 0 (SPEC §2: counts are integers ≥ 0). */
function countArg(value: unknown, name: string, nameEn: string): number | CustomFunctions.Error {
  if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(`${name}不是数字`, `${nameEn} is not a number`);
  if (value < 0) return invalid(`${name}不能为负数`, `${nameEn} cannot be negative`);
  if (!Number.isInteger(value)) return invalid(`${name}必须是整数`, `${nameEn} must be a whole number`);
  return value;
}

/**
 * The pure rule behind VOTERATIO: votes ÷ base, or an error naming the bad argument.
 * Votes greater than their base are a data error, not a ratio above 1 (SPEC §2).
 */
export function voteRatioOf(votes: unknown, base: unknown): number | CustomFunctions.Error {
  const v = countArg(votes, '得票数', 'votes');
  if (typeof v !== 'number') return v;
  const b = countArg(base, '计算基数', 'base');
  if (typeof b !== 'number') return b;
  if (b === 0) return invalid('计算基数为0，无法计算得票比例', 'base is 0, no ratio can be computed');
  if (v > b) return invalid(`得票数(${v})大于计算基数(${b})，请核对数据`, `votes (${v}) exceed the base (${b}); check the data`);
  return v / b;
}

/**
 * 得票比例：得票数 ÷ 计算基数（实到人数、应到人数或有效票，按政策设置）。得票数、计算基数须为非负整数，得票数不得大于计算基数，否则返回 #VALUE!。
 * @customfunction VOTERATIO
 * @param votes 得票数（非负整数）
 * @param base 计算基数：实到人数、应到人数或有效票数（正整数）
 * @returns 得票比例，0 到 1 之间的小数
 */
export function voteRatio(votes: number, base: number): number {
  const r = voteRatioOf(votes, base);
  if (typeof r !== 'number') throw r;
  return r;
}

import type { Locale, Msg } from '../../i18n/message';

/**
 * A short heading for a finding code, taken from the first clause of its documented meaning, so
 * the findings list leads with words staff read ("身份证号中的出生日期与“出生年月”不一致")
 * rather than the stable code string, which stays beside it for reference. Parenthesised
 * asides (standards, examples) are dropped; a clause too long is cut at a comma, else shortened.
 */
export function codeTitle(doc: Msg | undefined, code: string, locale: Locale, max = 40): string {
  if (!doc) return code;
  const text = doc[locale]
    .replace(/（[^（）]*）|\([^()]*\)/g, '')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  // A full stop ends the clause, but not the one in "e.g." / "i.e."; a half-width colon inside
  // Chinese text is part of a ratio such as 1:4.
  const end = locale === 'zh-CN' ? /[。；：]/ : /(?<!\b(?:e\.g|i\.e))[.;:](?:\s|$)/;
  const m = end.exec(text);
  let first = (m ? text.slice(0, m.index) : text).trim();
  if (first.length > max) {
    const comma = Math.max(first.lastIndexOf('，', max), first.lastIndexOf(', ', max));
    first = comma >= max / 2 ? first.slice(0, comma) : `${first.slice(0, max - 1)}…`;
  }
  first = first.replace(/[，,]$/, '').trim();
  return first.length === 0 ? code : first;
}

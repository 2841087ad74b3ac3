/** The two UI languages: zh-CN first, en-US second (SPEC §1). */
export type Locale = 'zh-CN' | 'en-US';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** A user-facing text in both languages; every message the product shows is one of these. */
export interface Msg {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

export function msg(zh: string, en: string): Msg {
  return { 'zh-CN': zh, 'en-US': en };
}

export function say(m: Msg, locale: Locale = 'zh-CN'): string {
  return m[locale];
}

/**
 * English plural: the word for a count ("1 sheet", "2 sheets"). In a catalogue's en-US text write
 * `{n} {n|sheet|sheets}` — `fill` (strings.ts) picks the form from the value of {n}; zh-CN has no
 * plural and just writes {n}. In code that builds an English sentence, call plural(n, one, other).
 */
export function plural(n: number, one: string, other: string): string {
  return n === 1 ? one : other;
}

/** A placeholder value: plain text, a number, or a message worded in the same language. */
export type MsgValue = string | number | Msg;

/**
 * A message and its placeholder values, not yet worded. The task pane keeps these (not finished
 * strings) in React state, so a message shown before the language switch follows it.
 */
export interface Phrase {
  readonly msg: Msg;
  readonly values?: Readonly<Record<string, MsgValue>>;
}

export function phrase(m: Msg, values?: Readonly<Record<string, MsgValue>>): Phrase {
  return values ? { msg: m, values } : { msg: m };
}

/** True for a Msg (an object with both languages), false for text and numbers. */
export function isMsg(v: unknown): v is Msg {
  return typeof v === 'object' && v !== null && typeof (v as Msg)['zh-CN'] === 'string' && typeof (v as Msg)['en-US'] === 'string';
}

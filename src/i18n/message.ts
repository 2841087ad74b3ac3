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

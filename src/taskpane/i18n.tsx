/** The pane's language: a context holding the locale and a `t` that picks the right half of a Msg. */
import { createContext, useContext } from 'react';
import type { Locale, Msg, MsgValue, Phrase } from '../i18n/message';
import { fill } from '../i18n/strings';

export interface LocaleState {
  readonly locale: Locale;
  readonly setLocale: (l: Locale) => void;
}

export const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => undefined });

export type Translate = (m: Msg, values?: Readonly<Record<string, MsgValue>>) => string;

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const { locale } = useContext(LocaleContext);
  return (m, values) => (values ? fill(m[locale], values, locale) : m[locale]);
}

/** A stored Phrase (message + values) worded in the current language, at render time. */
export function phraseText(t: Translate, p: Phrase): string {
  return t(p.msg, p.values);
}

const STORAGE_KEY = 'cadre-ledger.locale';

/** The user's last choice, kept in this browser only. */
export function savedLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveLocale(l: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // storage may be disabled (private mode, locked-down intranet browsers): the choice lasts this session
  }
}

/**
 * Messages with one value filled in (填值消息), their texts made when read. A finding that can
 * repeat on every row of a 100,000-row ledger (干部1, 干部2 … each "含有数字或符号") held two
 * finished texts each until the CLI printed one of them; a filled message holds its template and
 * the value, and its template's fixed parts escaped for JSON once (issue 14: the CLI writes the
 * JSON bytes of the parts and of the value, src/cli/output.ts).
 * Readers see an ordinary Msg: both languages, and both in JSON.
 */
import { msg, type Locale, type Msg } from './message';

/** What JSON.stringify escapes in a string: quote, backslash, control characters, lone surrogates. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(text) without its quotes. */
function jsonInner(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Fixed text around one value, `{}` marking where it goes, in both languages. */
export class MsgTemplate {
  readonly parts: Readonly<Record<Locale, readonly [string, string]>>;
  /**
   * The parts as JSON text (escaped, unquoted): JSON.stringify(text) is `"`, json[0], the value's
   * escaped text, json[1], `"` — the parts never end in half a surrogate pair (see split).
   */
  readonly json: Readonly<Record<Locale, readonly [string, string]>>;
  constructor(zh: string, en: string) {
    const split = (t: string): [string, string] => {
      const at = t.indexOf('{}');
      if (at < 0 || t.indexOf('{}', at + 2) >= 0) throw new Error(`a template holds exactly one {}: ${t}`);
      const p: [string, string] = [t.slice(0, at), t.slice(at + 2)];
      // Escaped apart, a part ending in a high surrogate would not pair with a value starting with a low one.
      if ((p[0] && isHigh(p[0].charCodeAt(p[0].length - 1))) || (p[1] && isLow(p[1].charCodeAt(0))))
        throw new Error(`a template part ends in half a surrogate pair: ${t}`);
      return p;
    };
    const parts = { 'zh-CN': split(zh), 'en-US': split(en) };
    this.parts = parts;
    this.json = {
      'zh-CN': [jsonInner(parts['zh-CN'][0]), jsonInner(parts['zh-CN'][1])],
      'en-US': [jsonInner(parts['en-US'][0]), jsonInner(parts['en-US'][1])],
    };
  }

  fill(value: string): Msg {
    return new FilledMsg(this, value);
  }
}

/** A message with its value filled in; output that writes JSON itself (src/cli/output.ts) reads its parts. */
export class FilledMsg implements Msg {
  constructor(
    readonly template: MsgTemplate,
    readonly value: string,
  ) {}
  get 'zh-CN'(): string {
    const p = this.template.parts['zh-CN'];
    return p[0] + this.value + p[1];
  }
  get 'en-US'(): string {
    const p = this.template.parts['en-US'];
    return p[0] + this.value + p[1];
  }
  toJSON(): Msg {
    return msg(this['zh-CN'], this['en-US']);
  }
}

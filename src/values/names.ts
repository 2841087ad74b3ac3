/**
 * Person names (姓名) as typed in ledgers: two-character names padded with spaces to line up with
 * three-character ones (`王  五`), minority names joined by a middle dot in one of many look-alike
 * characters (`阿依古丽•买买提`), stray line breaks.
 */
import { msg, type Msg } from '../i18n/message';
import { MsgTemplate } from '../i18n/filled-message';
import { fail, ok, type CodeDoc, type Finding, type Parsed } from './finding';
import { cellErrorText, isBlank, MAX_SHOWN, showInput } from './cell-input';
import { normalizeText } from './text';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'name.empty',
    severity: 'info',
    doc: msg('姓名为空。是否必填由调用方（台账列）决定。', 'The name is empty. Whether it is required is up to the caller (the ledger column).'),
  },
  {
    code: 'name.suspicious',
    severity: 'warning',
    doc: msg(
      '姓名中含有数字或符号（如“王五2”“李明(大)”）。姓名照常返回，请核对是否录入错误。',
      'The name contains digits or symbols (e.g. "王五2", "李明(大)"). The name is still returned; check for a typing error.',
    ),
  },
];

// Look-alikes of the middle dot used in minority and foreign names: U+00B7 ·, U+2022 •,
// U+30FB ・, U+2027 ‧, U+FF65 ･, U+0387 ·, U+2219 ∙, U+22C5 ⋅, U+00B7-like U+16EB ᛫.
const DOT_LIKE = /[\u00b7\u2022\u30fb\u2027\uff65\u0387\u2219\u22c5\u16eb]/g;
const MIDDLE_DOT = '\u00b7';
const HAN = '[\\p{Script=Han}\\u3007]';
// A full stop between two Chinese characters is a middle dot typed on a Chinese keyboard (．→.).
const DOT_BETWEEN_HAN = new RegExp(`(?<=${HAN}) ?\\. ?(?=${HAN})`, 'gu');
const SPACE_BETWEEN_HAN = new RegExp(`(?<=${HAN}) (?=${HAN})`, 'gu');
const SPACE_AROUND_DOT = / ?\u00b7 ?/g;
// Text none of the replacements below touches: no dot of any kind, no space.
const NO_DOT_NO_SPACE = /^[^.\u00b7\u2022\u30fb\u2027\uff65\u0387\u2219\u22c5\u16eb ]*$/;
// Letters of any script, combining marks, the middle dot, and ' - . between Latin words.
const ALLOWED = /^[\p{L}\p{M}\u00b7 '.-]*$/u;

/**
 * Trimmed name with spaces between Chinese characters removed (`王  五` → `王五`), one space kept
 * between Latin words (`Li  Ming` → `Li Ming`), every middle-dot variant → `·` without spaces
 * around it. Digits or symbols give a `name.suspicious` note, not a failure: ledgers sometimes
 * tell namesakes apart that way, and only a person can decide.
 */
export function normalizePersonName(input: unknown): Parsed<string> {
  if (typeof input === 'string') {
    // The usual cell (王五, 干部12, Li): nothing to normalise; only a digit makes it suspicious.
    const plain = plainNameKind(input);
    if (plain === 'plain') return ok(input, NO_NOTES);
    if (plain === 'suspicious') return ok(input, [suspicious(input)]);
  }
  return normalizePersonNameByRules(input);
}

const NO_NOTES: readonly Finding[] = Object.freeze([]);

/**
 * The shortcut of normalizePersonName, for callers that read many names: text of Han characters
 * of the original block (U+4E00–U+9FA5, letters in every Unicode version), ASCII letters and
 * digits only is already normal with no dot and no space, so the rules keep it as it is and only
 * a digit breaks ALLOWED: 'plain' (no note) or 'suspicious' (the note of suspiciousName). null
 * for any other text (and for ''): call normalizePersonName.
 */
export function plainNameKind(t: string): 'plain' | 'suspicious' | null {
  if (t.length === 0) return null;
  let digits = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if (c >= 0x30 && c <= 0x39) digits = true;
    else return null;
  }
  return digits ? 'suspicious' : 'plain';
}

/** normalizePersonName by its general rules, without the plain-text shortcut (the property test compares the two). */
export function normalizePersonNameByRules(input: unknown): Parsed<string> {
  const err = cellErrorText(input);
  if (err !== null) return fail(suspicious(input));
  if (isBlank(input)) return fail(empty());
  const raw = typeof input === 'string' ? input : typeof input === 'number' ? String(input) : null;
  if (raw === null) return fail(suspicious(input));

  const text = normalizeText(raw);
  // Most names have no dot and no space: the four replacements would change nothing.
  const name = NO_DOT_NO_SPACE.test(text)
    ? text
    : text.replace(DOT_LIKE, MIDDLE_DOT).replace(DOT_BETWEEN_HAN, MIDDLE_DOT).replace(SPACE_AROUND_DOT, MIDDLE_DOT).replace(SPACE_BETWEEN_HAN, '');
  if (name === '') return fail(empty());

  const notes: Finding[] = [];
  if (!ALLOWED.test(name) || /^[·.'-]|[·.'-]$|[·.'-]{2}/.test(name)) notes.push(suspicious(raw));
  return ok(name, notes);
}

function empty(): Finding {
  return { code: 'name.empty', severity: 'info', message: msg('姓名为空', 'The name is empty') };
}

/**
 * The name.suspicious message, its texts made when read (i18n/filled-message.ts): a roster can
 * carry this note on every row (干部1, 干部2 …: 100,000 of them in the issue 14 bench). The usual
 * name is shown as typed in quotes, so the template holds the quotes and the value is the cell's own text.
 */
const SUSPICIOUS = new MsgTemplate(
  '姓名 {} 含有数字或符号；姓名应只含文字和间隔号“·”',
  'Name {} contains digits or symbols; a name should contain only letters and the middle dot "·"',
);
const SUSPICIOUS_QUOTED = new MsgTemplate(
  '姓名 "{}" 含有数字或符号；姓名应只含文字和间隔号“·”',
  'Name "{}" contains digits or symbols; a name should contain only letters and the middle dot "·"',
);

/** The name.suspicious note on `input` (a cell value: shown as showInput shows it). */
function suspicious(input: unknown): Finding {
  return { code: 'name.suspicious', severity: 'warning', message: suspiciousNameMessage(input) };
}

/**
 * The message of the name.suspicious note on `input`: what typeRows puts on the cell (code
 * name.suspicious, severity warning) without a Finding object in between.
 */
export function suspiciousNameMessage(input: unknown): Msg {
  // showInput shows a short one-line text as "text": the cell's own string, no new one.
  const asIs = typeof input === 'string' && input.length <= MAX_SHOWN && input.indexOf('\n') < 0 && input.indexOf('\r') < 0;
  return asIs ? SUSPICIOUS_QUOTED.fill(input) : SUSPICIOUS.fill(showInput(input));
}

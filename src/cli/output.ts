/**
 * What the CLI prints: the exact JSON objects of SPEC §7 and readable text for people.
 */
import { msg, plural, say, type Locale } from '../i18n/message';
import { FilledMsg, type MsgTemplate } from '../i18n/filled-message';
import { jsonInnerMax, NUMBER_MAX, PIECE, Pieces, putAscii, putBytes, putJsonInner, putLong, putNumber, utf8 } from './json-bytes';
import { columnLetter, a1, isCellError, type CellValue } from '../ledger/grid';
import type { LedgerFinding } from '../ledger/findings';
import type { SheetModel } from '../ledger/recognize';
import { KIND_LABEL } from '../ledger/sheet-kind';
import type { CellEdit } from '../ledger/edit-plan';
import type { EliminationResult } from '../rules/elimination';
import { FIELDS } from '../ledger/fields';
import type { Unread } from '../ledger/unread';

export interface SheetJson {
  readonly name: string;
  readonly kind: string;
  readonly headerRow: number | null;
  readonly columns: Record<string, string>;
}

export interface FindingJson {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
}

export function sheetJson(m: SheetModel): SheetJson {
  const columns: Record<string, string> = {};
  for (const [f, c] of [...m.columns.entries()].sort((a, b) => a[1] - b[1])) columns[f] = columnLetter(c);
  return { name: m.sheet, kind: m.kind, headerRow: m.headerTop >= 0 ? m.headerTop + 1 : null, columns };
}

export function findingJson(f: LedgerFinding, lang: Locale): FindingJson {
  return { sheet: f.sheet, cell: a1(f.row, f.col), severity: f.severity, code: f.code, message: say(f.message, lang) };
}

export function checkJson(file: string, models: readonly SheetModel[], findings: readonly LedgerFinding[], lang: Locale) {
  return { file, sheets: models.map(sheetJson), findings: findings.map((f) => findingJson(f, lang)) };
}

/**
 * The UTF-8 bytes of `JSON.stringify(checkJson(…))` plus its newline, byte for byte, in pieces of
 * about `size` bytes (a 100,000-row roster has 180,000 findings: 28 MB of JSON). Each piece is a
 * view of one reused buffer: the reader is done with it before asking for the next (see
 * json-bytes.ts). Each finding is written key by key in findingJson's order; the bytes before the
 * cell (per sheet), between the cell and the message (per code and severity) and a filled
 * message's fixed parts are encoded once.
 */
export function* checkJsonBytes(
  file: string,
  models: readonly SheetModel[],
  findings: readonly LedgerFinding[],
  lang: Locale,
  size = PIECE,
): Generator<Uint8Array> {
  const w = new Pieces(size);
  // Without the closing `]}`; a comma before each finding but the first.
  yield* putLong(w, utf8(JSON.stringify({ file, sheets: models.map(sheetJson), findings: [] }).slice(0, -2)));
  const before = new Map<string, Uint8Array>();
  const between = new Map<string, Partial<Record<LedgerFinding['severity'], Uint8Array>>>();
  const parts = new Map<MsgTemplate, readonly [Uint8Array, Uint8Array]>();
  let lastSheet: string | null = null;
  let lastBefore = EMPTY;
  let lastSeverity: string | null = null;
  let lastCode: string | null = null;
  let lastBetween = EMPTY;
  let lastTemplate: MsgTemplate | null = null;
  let lastParts: readonly [Uint8Array, Uint8Array] = [EMPTY, EMPTY];
  const letters: string[] = [];
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    if (f.sheet !== lastSheet) {
      lastSheet = f.sheet;
      lastBefore = before.get(f.sheet) ?? utf8(`{"sheet":${JSON.stringify(f.sheet)},"cell":"`);
      before.set(f.sheet, lastBefore);
    }
    if (f.severity !== lastSeverity || f.code !== lastCode) {
      lastSeverity = f.severity;
      lastCode = f.code;
      // By code, then severity: the codes are the checks' own constant strings (no key to build).
      let bySeverity = between.get(f.code);
      if (!bySeverity) between.set(f.code, (bySeverity = {}));
      lastBetween = bySeverity[f.severity] ??= utf8(`","severity":"${f.severity}","code":${JSON.stringify(f.code)},"message":"`);
    }
    const m = f.message;
    const filled = m instanceof FilledMsg;
    const text = filled ? m.value : m[lang];
    if (filled && m.template !== lastTemplate) {
      lastTemplate = m.template;
      const json = m.template.json[lang];
      lastParts = parts.get(m.template) ?? [utf8(json[0]), utf8(json[1])];
      parts.set(m.template, lastParts);
    }
    const col = letters[f.col] ?? (letters[f.col] = columnLetter(f.col));
    const fixed = filled ? lastParts[0].length + lastParts[1].length : 0;
    // Comma, row, quote, brace and the message at its longest.
    const need = lastBefore.length + col.length + lastBetween.length + fixed + jsonInnerMax(text) + NUMBER_MAX + 4;
    if (w.full(need)) {
      if (w.pos) yield w.take();
      w.fit(need);
    }
    const buf = w.buf;
    let p = w.pos;
    if (k) buf[p++] = 0x2c; // ,
    p = putBytes(buf, p, lastBefore);
    p = putAscii(buf, p, col);
    p = putNumber(buf, p, f.row + 1);
    p = putBytes(buf, p, lastBetween);
    if (filled) p = putBytes(buf, p, lastParts[0]);
    p = putJsonInner(buf, p, text);
    if (filled) p = putBytes(buf, p, lastParts[1]);
    buf[p++] = 0x22; // "
    buf[p++] = 0x7d; // }
    w.pos = p;
  }
  yield* putLong(w, CLOSE);
  if (w.pos) yield w.take();
}

const EMPTY: Uint8Array = new Uint8Array(0);
const CLOSE = utf8(']}\n');

/** Lines per piece of output text: a big result is written piece by piece, never as one giant string. */
const LINES = 5000;

/** `lines.join('\n') + '\n'` (nothing for no lines), in pieces of LINES lines. */
export function* linesText(lines: readonly string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += LINES) yield `${lines.slice(i, i + LINES).join('\n')}\n`;
}

const SEVERITY = {
  error: msg('错误', 'error'),
  warning: msg('警告', 'warning'),
  info: msg('提示', 'info'),
} as const;

export function sheetLine(m: SheetModel, lang: Locale): string {
  if (m.kind === 'unknown') return say(msg(`工作表“${m.sheet}”：不是台账，未检查`, `Sheet "${m.sheet}": not a ledger, not checked`), lang);
  const fields = [...m.columns.keys()].map((f) => say(FIELDS[f].label, lang)).join(lang === 'zh-CN' ? '、' : ', ');
  return say(
    msg(
      `工作表“${m.sheet}”：${KIND_LABEL[m.kind]['zh-CN']}，表头在第${m.headerTop + 1}${m.headerBottom > m.headerTop ? `–${m.headerBottom + 1}` : ''}行，数据 ${m.dataRows.length} 行；识别的列：${fields}`,
      `Sheet "${m.sheet}": ${KIND_LABEL[m.kind]['en-US']}, header on row ${m.headerTop + 1}${m.headerBottom > m.headerTop ? `–${m.headerBottom + 1}` : ''}, ${m.dataRows.length} data rows; columns: ${fields}`,
    ),
    lang,
  );
}

export function findingLine(f: LedgerFinding, lang: Locale): string {
  return `  ${f.sheet}!${a1(f.row, f.col)}  [${say(SEVERITY[f.severity], lang)}] ${f.code}  ${say(f.message, lang)}`;
}

export function summaryLine(findings: readonly LedgerFinding[], lang: Locale): string {
  const n = (s: 'error' | 'warning' | 'info') => findings.filter((f) => f.severity === s).length;
  if (findings.length === 0) return say(msg('未发现问题。', 'No problems found.'), lang);
  return say(
    msg(
      `共 ${findings.length} 个问题：错误 ${n('error')}，警告 ${n('warning')}，提示 ${n('info')}。`,
      `${findings.length} ${plural(findings.length, 'finding', 'findings')}: ${n('error')} ${plural(n('error'), 'error', 'errors')}, ${n('warning')} ${plural(n('warning'), 'warning', 'warnings')}, ${n('info')} info.`,
    ),
    lang,
  );
}

export function showCell(v: CellValue | undefined, formula?: string | null): string {
  if (formula) return formula;
  if (v === null || v === undefined) return '(空)';
  if (isCellError(v)) return v.error;
  return typeof v === 'string' ? `"${v}"` : String(v);
}

export function editJson(e: CellEdit, lang: Locale) {
  return {
    sheet: e.sheet,
    cell: a1(e.row, e.col),
    code: e.code,
    old: e.old.formula ?? e.old.value,
    new: e.new.formula ?? e.new.value ?? null,
    ...(e.new.numberFormat !== undefined ? { numberFormat: e.new.numberFormat } : {}),
    why: say(e.why, lang),
  };
}

export function editLine(e: CellEdit, lang: Locale): string {
  const next = e.new.formula ?? showCell(e.new.value ?? null);
  return `  ${e.sheet}!${a1(e.row, e.col)}  ${showCell(e.old.value, e.old.formula)} → ${next}  ${say(e.why, lang)}`;
}

/** Cadres counted in the population whose votes could not be ranked (bad data; check reports them). */
export function unrankedRows(r: EliminationResult): EliminationResult['rows'] {
  return r.rows.filter((x) => x.inPopulation && (x.rank === null || x.ratio === null));
}

/** One line naming the cadres that count towards N but have no rank, or null when there are none. */
export function unrankedLine(r: EliminationResult, lang: Locale): string | null {
  const u = unrankedRows(r);
  if (!u.length) return null;
  const where = u.map((x) => `${x.sheet ?? ''}!${(x.row ?? -1) + 1} ${x.name}`).join(lang === 'zh-CN' ? '、' : ', ');
  return say(
    msg(
      `${u.length} 人计入总数但票数数据有误，未排名（见 check）：${where}`,
      `${u.length} counted in the population but not ranked (bad vote data; see check): ${where}`,
    ),
    lang,
  );
}

/**
 * SPEC §7 eliminate object. `rows` holds the ranked cadres only (ratio a number in [0, 1], rank
 * ≥ 1); those with bad vote data count towards `population` and are named by unrankedLine.
 */
/** One entry of eliminate --json's `unread`: what the ranking could not read (issue 11). */
export interface UnreadJson {
  readonly sheet: string | null;
  readonly field: string | null;
  readonly rows: readonly number[];
  readonly message: string;
}

/**
 * What the ranking could not read: ledgers or columns it lacks (unreadFor), and the cadres counted
 * in N whose vote cells could not be read (one entry per sheet, rows listed).
 */
export function eliminationUnread(r: EliminationResult, unread: readonly Unread[], lang: Locale): UnreadJson[] {
  const out: UnreadJson[] = unread.filter((u) => !u.rows.length).map((u) => ({ sheet: u.sheet, field: u.field, rows: [], message: say(u.message, lang) }));
  const bySheet = new Map<string, number[]>();
  for (const x of unrankedRows(r)) bySheet.set(x.sheet ?? '', [...(bySheet.get(x.sheet ?? '') ?? []), (x.row ?? -1) + 1]);
  for (const [sheet, rows] of bySheet) {
    out.push({
      sheet,
      field: 'incompetentVotes',
      rows,
      message: say(
        msg(
          `“${sheet}”第 ${rows.join('、')} 行的票数无法读取，计入总数但未排名（见 check）`,
          `"${sheet}" rows ${rows.join(', ')}: votes unreadable, counted in the population but not ranked (see check)`,
        ),
        lang,
      ),
    });
  }
  return out;
}

export function eliminationJson(r: EliminationResult) {
  const rows = r.rows
    .filter((x) => x.inPopulation && x.rank !== null && x.ratio !== null)
    .slice()
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.row ?? 0) - (b.row ?? 0))
    .map((x) => ({ sheet: x.sheet ?? '', row: (x.row ?? -1) + 1, name: x.name, ratio: x.ratio, rank: x.rank, tier: x.tier, tie: x.tie }));
  return { population: r.population, counts: { preliminary: r.counts.preliminary, removal: r.counts.removal, admonition: r.counts.admonition }, rows };
}

const TIER = {
  removal: msg('免职', 'removal'),
  admonition: msg('诫勉一年', 'admonition'),
  preliminary: msg('初步淘汰对象', 'preliminary'),
} as const;

export function eliminationText(r: EliminationResult, lang: Locale): string[] {
  const j = eliminationJson(r);
  const lines = [
    say(
      msg(
        `末位淘汰（四.4）：总数 ${j.population} 人，初步淘汰 ${j.counts.preliminary} 人，免职 ${j.counts.removal} 人，诫勉 ${j.counts.admonition} 人`,
        `Bottom elimination (四.4): population ${j.population}, preliminary ${j.counts.preliminary}, removal ${j.counts.removal}, admonition ${j.counts.admonition}`,
      ),
      lang,
    ),
  ];
  for (const row of j.rows) {
    if (row.tier === null && !row.tie) continue;
    const pct = row.ratio === null ? '—' : `${(row.ratio * 100).toFixed(2)}%`;
    const tier = row.tier ? say(TIER[row.tier], lang) : '—';
    const tie = row.tie ? say(msg('（并列，需研究决定）', ' (tied, needs a decision)'), lang) : '';
    lines.push(`  ${row.rank}. ${row.name}  ${pct}  ${tier}${tie}  ${row.sheet}!${row.row}`);
  }
  const unranked = unrankedLine(r, lang);
  if (unranked) lines.push(unranked);
  return lines;
}

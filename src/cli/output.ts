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
 * json-bytes.ts).
 */
export function* checkJsonBytes(
  file: string,
  models: readonly SheetModel[],
  findings: readonly LedgerFinding[],
  lang: Locale,
  size = PIECE,
): Generator<Uint8Array> {
  const w = new Pieces(size);
  // Without the closing `]}`.
  yield* putLong(w, utf8(JSON.stringify({ file, sheets: models.map(sheetJson), findings: [] }).slice(0, -2)));
  const writer = new FindingsWriter(lang);
  for (let k = writer.write(findings, 0, w); k < findings.length; k = writer.write(findings, k, w)) {
    // findings[k] does not fit: hand out the piece, and make room for a finding bigger than a piece.
    if (w.pos) yield w.take();
    w.fit(writer.need);
  }
  yield* putLong(w, CLOSE);
  if (w.pos) yield w.take();
}

const EMPTY: Uint8Array = new Uint8Array(0);
const CLOSE = utf8(']}\n');

/**
 * Writes findings as JSON objects, key by key in findingJson's order, a comma before each but the
 * first. The bytes before the cell (per sheet), between the cell and the message (per code and
 * severity) and a filled message's fixed parts are encoded once. (A plain loop, not the
 * generator's: V8 optimizes it better.)
 */
class FindingsWriter {
  /** Bytes the finding that did not fit needs. */
  need = 0;
  private readonly before = new Map<string, Uint8Array>();
  private readonly between = new Map<string, Partial<Record<LedgerFinding['severity'], Uint8Array>>>();
  private readonly parts = new Map<MsgTemplate, readonly [Uint8Array, Uint8Array]>();
  private readonly letters: string[] = [];
  private lastSheet: string | null = null;
  private lastBefore = EMPTY;
  private lastSeverity: string | null = null;
  private lastCode: string | null = null;
  private lastBetween = EMPTY;
  private lastTemplate: MsgTemplate | null = null;
  private lastParts: readonly [Uint8Array, Uint8Array] = [EMPTY, EMPTY];

  constructor(private readonly lang: Locale) {}

  /** Writes findings from `from` on while they fit; gives the index of the first one not written. */
  write(findings: readonly LedgerFinding[], from: number, w: Pieces): number {
    const buf = w.buf;
    const cap = buf.length;
    let p = w.pos;
    let k = from;
    for (; k < findings.length; k++) {
      const f = findings[k];
      if (f.sheet !== this.lastSheet) this.sheet(f.sheet);
      if (f.severity !== this.lastSeverity || f.code !== this.lastCode) this.codeAndSeverity(f.code, f.severity);
      const m = f.message;
      const filled = m instanceof FilledMsg;
      if (filled && m.template !== this.lastTemplate) this.template(m.template);
      const text = filled ? m.value : m[this.lang];
      const before = this.lastBefore;
      const between = this.lastBetween;
      const fixed = this.lastParts;
      const col = this.letters[f.col] ?? (this.letters[f.col] = columnLetter(f.col));
      // Comma, row, quote, brace and the message at its longest.
      const need = before.length + col.length + between.length + (filled ? fixed[0].length + fixed[1].length : 0) + jsonInnerMax(text) + NUMBER_MAX + 4;
      if (p + need > cap) {
        this.need = need;
        break;
      }
      if (k) buf[p++] = 0x2c; // ,
      p = putBytes(buf, p, before);
      p = putAscii(buf, p, col);
      p = putNumber(buf, p, f.row + 1);
      p = putBytes(buf, p, between);
      if (filled) p = putBytes(buf, p, fixed[0]);
      p = putJsonInner(buf, p, text);
      if (filled) p = putBytes(buf, p, fixed[1]);
      buf[p++] = 0x22; // "
      buf[p++] = 0x7d; // }
    }
    w.pos = p;
    return k;
  }

  private sheet(sheet: string): void {
    this.lastSheet = sheet;
    this.lastBefore = this.before.get(sheet) ?? utf8(`{"sheet":${JSON.stringify(sheet)},"cell":"`);
    this.before.set(sheet, this.lastBefore);
  }

  private codeAndSeverity(code: string, severity: LedgerFinding['severity']): void {
    this.lastCode = code;
    this.lastSeverity = severity;
    // By code, then severity: the codes are the checks' own constant strings (no key to build).
    let bySeverity = this.between.get(code);
    if (!bySeverity) this.between.set(code, (bySeverity = {}));
    this.lastBetween = bySeverity[severity] ??= utf8(`","severity":"${severity}","code":${JSON.stringify(code)},"message":"`);
  }

  private template(template: MsgTemplate): void {
    this.lastTemplate = template;
    const json = template.json[this.lang];
    this.lastParts = this.parts.get(template) ?? [utf8(json[0]), utf8(json[1])];
    this.parts.set(template, this.lastParts);
  }
}

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

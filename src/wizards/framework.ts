/**
 * The machinery every wizard shares (see types.ts for the model and how to add a wizard):
 * source detection, mapping, the policy in force, cancellable chunked loops, option values and
 * writing the output sheet without ever replacing one unasked. Pure except `writeOutput` and
 * `loadWizardPolicy`, which talk only to the WorkbookPort interface.
 */
import type { WorkCalendar } from '../calendar';
import { msg, type Msg } from '../i18n/message';
import { FIELDS, type FieldKey } from '../ledger/fields';
import type { Grid } from '../ledger/grid';
import { recognizeSheet, type SheetModel } from '../ledger/recognize';
import { taughtFor, type TaughtMap } from '../ledger/taught-map';
import { typeRows, type TypedSheet } from '../ledger/rows';
import { KIND_LABEL } from '../ledger/sheet-kind';
import type { Policy } from '../policy/policy';
import { loadWorkbookPolicy } from '../policy/workbook-policy';
import type { Finding } from '../values/finding';
import { parseIso, type LocalDate } from '../values/local-date';
import { PortError, type WorkbookPort } from '../workbook/port';
import type {
  ChainOutputs,
  Mapping,
  OptionField,
  OptionValues,
  RecognizedSheet,
  RunControl,
  SourceCandidate,
  SourceChoice,
  SourceSpec,
  WizardDef,
  WizardResult,
} from './types';

/** Workbook setting holding the chain links (types.ts "Chain"). */
export const CHAIN_SETTING_KEY = 'wizard.outputs';

/** Score of a sheet that an upstream wizard wrote (recorded in the chain setting). */
export const CHAIN_SCORE = 1000;
const NAME_SCORE = 500;
const KIND_SCORE = 100;

/** Recognise every sheet once (very hidden sheets are the add-in's own and are skipped). */
export function recognizeAll(grids: readonly Grid[], taught?: TaughtMap): RecognizedSheet[] {
  return grids.filter((g) => g.visibility !== 'veryHidden').map((grid) => ({ grid, model: recognizeSheet(grid, taughtFor(taught, grid.sheet)) }));
}

/** The chain setting's text → outputs; anything unreadable is treated as no links. */
export function parseChain(raw: string | null): ChainOutputs {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out: Record<string, { sheet: string; writtenAt: string }> = {};
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
      if (e && typeof e === 'object' && typeof (e as { sheet?: unknown }).sheet === 'string') {
        const w = (e as { writtenAt?: unknown }).writtenAt;
        out[k] = { sheet: (e as { sheet: string }).sheet, writtenAt: typeof w === 'string' ? w : '' };
      }
    }
    return out;
  } catch {
    return {};
  }
}

function fieldCoverage(model: SheetModel, spec: SourceSpec): { have: number; missing: FieldKey[] } {
  const missing = spec.requiredFields.filter((f) => !model.columns.has(f));
  const have = spec.requiredFields.length - missing.length + (spec.optionalFields ?? []).filter((f) => model.columns.has(f)).length;
  return { have, missing };
}

/**
 * Rank the sheets for one source: a sheet an upstream wizard wrote (chain setting) first, then an
 * upstream wizard's default output name, then sheets of the wanted kinds (earlier kind first),
 * ties by how many of the source's fields are mapped. Sheets of other kinds are alternatives only
 * when they map every required field.
 */
export function detectByKinds(
  spec: SourceSpec,
  sheets: readonly RecognizedSheet[],
  outputs: ChainOutputs,
  upstreamNames: Readonly<Record<string, string>> = {},
  ownOutputs: readonly string[] = [],
): SourceChoice {
  const cands: SourceCandidate[] = [];
  for (const { model } of sheets) {
    const { have, missing } = fieldCoverage(model, spec);
    const kindIdx = spec.kinds.indexOf(model.kind);
    let score = 0;
    let why: Msg;
    let fromWizard: string | undefined;
    const chained = (spec.chainFrom ?? []).find((id) => outputs[id]?.sheet === model.sheet);
    const named = (spec.chainFrom ?? []).find((id) => upstreamNames[id] === model.sheet);
    if (chained) {
      fromWizard = chained;
      score = CHAIN_SCORE - (spec.chainFrom ?? []).indexOf(chained) * 50;
      why = msg(`上一步向导写入的工作表`, `written by the previous wizard`);
    } else if (named && kindIdx >= 0) {
      fromWizard = named;
      score = NAME_SCORE - (spec.chainFrom ?? []).indexOf(named) * 50;
      why = msg(`上一步向导的输出工作表（按名称和表头识别）`, `the previous wizard's output sheet (by name and header)`);
    } else if (kindIdx >= 0) {
      score = KIND_SCORE - kindIdx * 10;
      why = msg(`识别为“${KIND_LABEL[model.kind]['zh-CN']}”`, `recognised as ${KIND_LABEL[model.kind]['en-US']}`);
    } else if (model.kind !== 'unknown' && missing.length === 0 && spec.requiredFields.length > 0) {
      score = 10;
      why = msg(`包含所需的全部列（识别为“${KIND_LABEL[model.kind]['zh-CN']}”）`, `has every needed column (recognised as ${KIND_LABEL[model.kind]['en-US']})`);
    } else continue;
    score += have - missing.length * 2;
    // A wizard's own earlier output is never its preferred source (it stays an alternative).
    if (ownOutputs.includes(model.sheet)) score -= 2 * CHAIN_SCORE;
    cands.push({ sheet: model.sheet, kind: model.kind, score, why, ...(fromWizard ? { fromWizard } : {}) });
  }
  cands.sort((a, b) => b.score - a.score);
  return { spec, best: cands[0] ?? null, alternatives: cands.slice(1) };
}

/** Detection for every source of a wizard (its own detectSource when it has one). */
export function detectSources(def: WizardDef, sheets: readonly RecognizedSheet[], outputs: ChainOutputs, wizards: readonly WizardDef[] = []): SourceChoice[] {
  const names: Record<string, string> = {};
  for (const w of wizards) {
    const n = w.outputSheetName({});
    if (n) names[w.id] = n;
  }
  const own = [outputs[def.id]?.sheet, def.outputSheetName({})].filter((x): x is string => Boolean(x));
  return def.sources.map((spec) => (def.detectSource ? def.detectSource(spec, sheets, outputs) : detectByKinds(spec, sheets, outputs, names, own)));
}

/** Required fields of a source not in the mapping. */
export function missingFields(spec: SourceSpec, mapping: Mapping): FieldKey[] {
  return spec.requiredFields.filter((f) => !mapping.has(f));
}

/** A message naming the sheet and the missing columns, for the mapping step. */
export function missingMessage(sheet: string, fields: readonly FieldKey[]): Msg {
  return msg(
    `工作表“${sheet}”缺少所需的列：${fields.map((f) => FIELDS[f].label['zh-CN']).join('、')}。请在下拉框中指定对应的列。`,
    `Sheet "${sheet}" lacks needed columns: ${fields.map((f) => FIELDS[f].label['en-US']).join(', ')}. Pick the matching column in the dropdowns.`,
  );
}

/** Type a sheet's rows under the confirmed mapping (user changes override the recognised map). */
export function typeSource(sheet: RecognizedSheet, mapping: Mapping, asOf?: LocalDate): TypedSheet {
  const model: SheetModel = { ...sheet.model, columns: new Map(mapping) };
  return typeRows(sheet.grid, model, asOf ? { asOf } : {});
}

/**
 * Policy and calendar in force for a workbook: the stored overrides (settings 'policy' and
 * 'calendar', through the shared loader) over the defaults and the statutory calendar.
 */
export async function loadWizardPolicy(port: WorkbookPort): Promise<{ policy: Policy; calendar: WorkCalendar; errors: Finding[] }> {
  const { policy, calendar, errors } = await loadWorkbookPolicy((k) => port.getSetting(k));
  return { policy, calendar, errors: [...errors] };
}

/** Thrown by a cancelled run; nothing is written after it. */
export class WizardCancelled extends Error {
  constructor() {
    super('wizard run cancelled');
    this.name = 'WizardCancelled';
  }
}

export function isCancelled(e: unknown): boolean {
  return e instanceof WizardCancelled || (e instanceof Error && e.name === 'WizardCancelled');
}

export function throwIfCancelled(control: RunControl): void {
  if (control.signal?.aborted) throw new WizardCancelled();
}

const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Run fn over items in chunks, yielding to the event loop between chunks (the pane stays
 * responsive), reporting progress and stopping with WizardCancelled when the signal aborts.
 */
export async function eachChunk<T>(items: readonly T[], control: RunControl, fn: (item: T, index: number) => void, chunk = 200): Promise<void> {
  const total = items.length;
  throwIfCancelled(control);
  control.onProgress?.(0, total);
  for (let i = 0; i < total; i += chunk) {
    const end = Math.min(total, i + chunk);
    for (let k = i; k < end; k++) fn(items[k], k);
    control.onProgress?.(end, total);
    await yieldToUi();
    throwIfCancelled(control);
  }
}

/** Every option at its default (the UI starts here; tests override single keys). */
export function defaultOptions(fields: readonly OptionField[], overrides: OptionValues = {}): OptionValues {
  const out: Record<string, OptionValues[string]> = {};
  for (const f of fields) out[f.key] = f.default;
  return { ...out, ...overrides };
}

/** An ISO option value as a date, or null. */
export function optDate(options: OptionValues, key: string): LocalDate | null {
  const v = options[key];
  return typeof v === 'string' ? parseIso(v) : null;
}

/** A numeric option (numbers, or digits typed as text), or null. */
export function optNumber(options: OptionValues, key: string): number | null {
  const v = options[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** Option fields that are required and empty, by label (the results step names them). */
export function missingOptions(fields: readonly OptionField[], options: OptionValues): OptionField[] {
  return fields.filter((f) => {
    if (!f.required) return false;
    const v = options[f.key];
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (typeof v === 'number' && !Number.isFinite(v));
  });
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

/** A valid Excel sheet name (≤ 31 characters, none of []:*?/\). */
export function safeSheetName(name: string): string {
  const s = name
    .replace(BAD_SHEET_CHARS, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (s || 'Sheet').slice(0, 31);
}

/** The first of name, name(2), name(3) … not in use (case-insensitive, like Excel). */
export function uniqueSheetName(name: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  const base = safeSheetName(name);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const cand = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(cand.toLowerCase())) return cand;
  }
}

/** What the user answered when the output sheet exists already. */
export type ConflictAnswer = { readonly action: 'replace' } | { readonly action: 'rename'; readonly name: string } | { readonly action: 'cancel' };

export interface WriteOutcome {
  readonly written: boolean;
  /** The sheet written (null when cancelled or settings-only). */
  readonly sheet: string | null;
  readonly replaced: boolean;
}

/**
 * Write a wizard's output: when the sheet exists, ask (`onConflict` gets the name and a free
 * suggestion) and never replace without an explicit 'replace'. Then store the chain link and any
 * settings of the wizard. A protected sheet or other adapter refusal surfaces as the PortError.
 */
export async function writeOutput<R extends WizardResult>(
  port: WorkbookPort,
  def: WizardDef<R>,
  result: R,
  options: OptionValues,
  onConflict: (existing: string, suggestion: string) => Promise<ConflictAnswer>,
): Promise<WriteOutcome> {
  const wanted = def.outputSheetName(options);
  let sheet: string | null = null;
  let replaced = false;
  if (wanted !== null) {
    let name = safeSheetName(wanted);
    const names = (await port.listSheets()).map((s) => s.name);
    for (;;) {
      const clash = names.find((n) => n.toLowerCase() === name.toLowerCase());
      if (!clash) break;
      const answer = await onConflict(clash, uniqueSheetName(name, names));
      if (answer.action === 'cancel') return { written: false, sheet: null, replaced: false };
      if (answer.action === 'replace') {
        replaced = true;
        name = clash;
        break;
      }
      name = safeSheetName(answer.name);
    }
    await port.writeSheet(def.toSheet(result, name, options), replaced ? { replace: true } : {});
    sheet = name;
    const chain = { ...parseChain(await port.getSetting(CHAIN_SETTING_KEY)), [def.id]: { sheet: name, writtenAt: new Date().toISOString() } };
    await port.setSetting(CHAIN_SETTING_KEY, JSON.stringify(chain));
  }
  for (const s of def.toSettings?.(result, options) ?? []) await port.setSetting(s.key, s.value);
  return { written: true, sheet, replaced };
}

/** A PortError's message (both languages) or the error's text. */
export function portMessage(e: unknown): Msg {
  if (e instanceof PortError) return e.userMessage;
  const t = e instanceof Error ? e.message : String(e);
  return msg(t, t);
}

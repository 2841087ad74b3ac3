/**
 * Procedure wizards (程序向导) — the pure layer. No React, no Office, no exceljs: a wizard is data
 * plus pure functions over Grids, typed rows and the Policy, so every wizard runs the same in the
 * task pane (Excel or standalone), in Node tests and in the CLI.
 *
 * ## How a wizard runs (the four steps of WizardFrame, src/taskpane/wizards/)
 *
 * 1. **Source** — every sheet is recognised once (src/ledger/recognize.ts); `detectSources`
 *    (framework.ts) ranks candidate sheets for each of the wizard's `sources` (a sheet written by an
 *    upstream wizard first, then sheets of the wanted kinds, best header match first). The user
 *    may pick another sheet.
 * 2. **Mapping** — the recognised field → column map of each chosen sheet is shown; required fields
 *    that are missing (or columns the user wants to change) are set from dropdowns. `typeSource`
 *    re-types the rows under the confirmed mapping.
 * 3. **Results** — `optionFields(inputs)` lists what the user must enter (a start date, votes per
 *    candidate, an as-of date …, each with a default); `run(inputs, control)` returns a
 *    `WizardResult`: a table with a reason list per row and the flags of the rules engine. `run`
 *    works in chunks (`eachChunk`), reports progress and stops with `WizardCancelled` when the
 *    signal aborts — nothing has been written then.
 * 4. **Write** — `outputSheetName(options)` names the sheet, `toSheet(result, options)` builds its
 *    SheetSpec (src/workbook/port.ts). `writeOutput` (framework.ts) never replaces an existing
 *    sheet without asking (replace / new name / cancel), then records the chain link.
 *
 * ## Chain (推荐计票 → 考察对象 → 任前公示 → 常委会表决 → 试用期)
 *
 * Two markers, so the next wizard finds the previous output even when one of them is lost:
 * - **Workbook setting** `CHAIN_SETTING_KEY` ('wizard.outputs'): JSON `{ [wizardId]: { sheet,
 *   writtenAt } }`, written by `writeOutput` after the sheet. A source whose `chainFrom` names the
 *   wizard prefers that sheet (score CHAIN_SCORE, shown as "written by 推荐计票").
 * - **Recognisable headers**: every output sheet's header uses the ledger synonyms so that
 *   `recognizeSheet` classifies it as `outputKind`: 推荐计票结果 → `recommendation`, 考察对象与拟任人选
 *   → `inspection`, 任前公示表 → `notice`, 常委会表决结果 → `probation` (its table lists the elected
 *   persons with 任职日期 / 试用期满; the per-candidate tally sits under a 说明 line, which the
 *   recogniser treats as notes). A renamed output, or one copied into another workbook, is
 *   still found by kind. Unit tests assert both markers for every link.
 *
 * ## Adding a wizard
 *
 * 1. Write `src/wizards/<name>.ts` exporting `const fooWizard: WizardDef<FooResult>` (see the four
 *    built-in ones: tally.ts, shortlist.ts, notice.ts, committee.ts). Strings go in
 *    src/i18n/strings-wizards.ts (or your own catalogue) as `msg(zh, en)`.
 *    - `sources[0]` is the main source; more entries (e.g. the roster) are optional or required
 *      extra sheets. `chainFrom` names the upstream wizard ids. A wizard with `sources: []` (e.g.
 *      settings) skips steps 1–2.
 *    - `run` must be cancellable: loop with `eachChunk(items, control, fn)`; never touch the port.
 *    - Results: put every reason (src/rules/decision.ts Reason) on its row; `flag` is the worst
 *      severity shown; `summary` holds sheet-level reasons (quorum, too few candidates…).
 *    - `toSheet` output: text that starts with = + - @ is written as text by the adapters; never
 *      build formulas from user text.
 *    - Optional `toSettings(result)` returns settings to store instead of / besides a sheet
 *      (`outputSheetName` returns null then for a settings-only wizard).
 * 2. Add one line to the import list and one line to `WIZARDS` in registry.ts (chain order).
 * 3. Optional UI: a wizard needing more than the generic option fields registers a panel in
 *    src/taskpane/wizards/panels.ts (keyed by wizard id); otherwise WizardFrame renders it.
 * 4. Tests: tests/unit/wizards/<name>.test.ts (run/toSheet on fixture data, chain detection).
 */
import type { Locale, Msg } from '../i18n/message';
import type { FieldKey } from '../ledger/fields';
import type { Grid } from '../ledger/grid';
import type { SheetModel } from '../ledger/recognize';
import type { TypedSheet } from '../ledger/rows';
import type { SheetKind } from '../ledger/sheet-kind';
import type { WorkCalendar } from '../calendar';
import type { Policy } from '../policy/policy';
import type { Reason } from '../rules/decision';
import type { LocalDate } from '../values/local-date';
import type { Severity } from '../values/finding';
import type { SheetSpec } from '../workbook/port';

/** A sheet read and recognised once for all wizards. */
export interface RecognizedSheet {
  readonly grid: Grid;
  readonly model: SheetModel;
}

/** Where each wizard's last output went (the chain setting), by wizard id. */
export type ChainOutputs = Readonly<Record<string, { readonly sheet: string; readonly writtenAt: string }>>;

/** One sheet a wizard reads. */
export interface SourceSpec {
  /** 'main' for sources[0]; e.g. 'roster', 'inspection' for extra sheets. */
  readonly role: string;
  readonly label: Msg;
  /** Sheet kinds accepted, preferred first. */
  readonly kinds: readonly SheetKind[];
  /** Upstream wizard ids whose output sheet is the preferred source. */
  readonly chainFrom?: readonly string[];
  /** A missing optional source is fine (the wizard runs without it). */
  readonly optional?: boolean;
  /** Fields that must be mapped before the wizard can run. */
  readonly requiredFields: readonly FieldKey[];
  /** Fields used when present (shown in the mapping step). */
  readonly optionalFields?: readonly FieldKey[];
}

/** A candidate sheet for one source, with why it was chosen. */
export interface SourceCandidate {
  readonly sheet: string;
  readonly kind: SheetKind;
  readonly score: number;
  readonly why: Msg;
  /** The upstream wizard that wrote this sheet (chain setting or output sheet name). */
  readonly fromWizard?: string;
}

export interface SourceChoice {
  readonly spec: SourceSpec;
  readonly best: SourceCandidate | null;
  readonly alternatives: readonly SourceCandidate[];
}

/** field → 0-based column, as confirmed by the user. */
export type Mapping = ReadonlyMap<FieldKey, number>;

/** Values of the option fields; dates are ISO 'YYYY-MM-DD' strings. */
export type OptionValue = string | number | boolean | readonly string[] | null;
export type OptionValues = Readonly<Record<string, OptionValue>>;

interface OptionBase {
  readonly key: string;
  readonly label: Msg;
  readonly help?: Msg;
  /** Fields with the same group are shown together under this heading (e.g. one post). */
  readonly group?: Msg;
  readonly required?: boolean;
}
export type OptionField =
  | (OptionBase & { readonly kind: 'date'; readonly default: string | null })
  | (OptionBase & { readonly kind: 'number'; readonly default: number | null; readonly min?: number; readonly max?: number; readonly integer?: boolean })
  | (OptionBase & { readonly kind: 'text'; readonly default: string })
  | (OptionBase & { readonly kind: 'boolean'; readonly default: boolean })
  | (OptionBase & { readonly kind: 'select'; readonly default: string; readonly choices: readonly { readonly value: string; readonly label: Msg }[] })
  | (OptionBase & {
      readonly kind: 'multiselect';
      readonly default: readonly string[];
      readonly choices: readonly { readonly value: string; readonly label: Msg }[];
    });

/** Everything `run` gets: typed sources by role (null = optional and absent), policy, options. */
export interface WizardInputs {
  readonly sources: Readonly<Record<string, TypedSheet | null>>;
  readonly policy: Policy;
  /** Working-day calendar (statutory + the workbook's 'calendar' overrides). */
  readonly calendar: WorkCalendar;
  readonly options: OptionValues;
  /** Today, or the as-of date the user chose; reproducible in tests. */
  readonly asOf: LocalDate;
}

/** Progress and cancellation for a long run. */
export interface RunControl {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * A cell of the results table: text or number as shown (never a formula). Words the product
 * itself puts in a cell (a tier, a status, 是/否) are a Msg, so the pane shows them in the UI
 * language; data from the ledger (names, posts) stays as written.
 */
export type ResultText = string | number | Msg | null;

/**
 * Lines shown one under another in one cell of the pane's table: the first as the value, the rest
 * smaller under it (a name with the post, a rank with its tier). The pane is 320–350 px wide, so
 * a wizard shows few columns and stacks what belongs together; its output sheet keeps one column
 * per item. Blank lines (null, '') are left out.
 */
export interface StackedCell {
  readonly lines: readonly ResultText[];
}

export type ResultCell = ResultText | StackedCell;

export function stacked(...lines: ResultText[]): StackedCell {
  return { lines };
}

export function isStacked(c: ResultCell): c is StackedCell {
  return typeof c === 'object' && c !== null && Array.isArray((c as StackedCell).lines);
}

/** A cell as plain text in one language, lines joined by a line break (tests, logs). */
export function cellText(c: ResultCell, locale: Locale = 'zh-CN'): string {
  const one = (t: ResultText): string => (t === null ? '' : typeof t === 'object' ? t[locale] : String(t));
  return isStacked(c)
    ? c.lines
        .map(one)
        .filter((t) => t !== '')
        .join('\n')
    : one(c);
}

export interface ResultRow {
  readonly cells: readonly ResultCell[];
  /** Worst severity among the row's reasons that matter (warning / error), or null. */
  readonly flag: Severity | null;
  readonly reasons: readonly Reason[];
  /** 1-based sheet row of the source record, for "see 民主推荐汇总!B7". */
  readonly sourceRow?: number;
}

/** What every wizard returns: a table the UI shows, plus sheet-level reasons. */
export interface WizardResult {
  readonly columns: readonly Msg[];
  readonly rows: readonly ResultRow[];
  readonly summary: readonly Reason[];
}

export interface WizardDef<R extends WizardResult = WizardResult> {
  readonly id: string;
  readonly title: Msg;
  /** One line under the title: which seed section, what it produces. */
  readonly description: Msg;
  /** Seed section, e.g. '二.2'. */
  readonly rule: string;
  /** sources[0] is the main one ("sourceKinds" / "requiredFields" of the main sheet). */
  readonly sources: readonly SourceSpec[];
  /** How the output sheet is recognised by the next wizard (chain marker by kind). */
  readonly outputKind: SheetKind | null;
  /** Replace the default detection of framework.detectSources for one source, if needed. */
  readonly detectSource?: (spec: SourceSpec, sheets: readonly RecognizedSheet[], outputs: ChainOutputs) => SourceChoice;
  /** What the user enters in the results step, with defaults from the typed sources. */
  optionFields(inputs: Omit<WizardInputs, 'options'>): readonly OptionField[];
  run(inputs: WizardInputs, control: RunControl): Promise<R>;
  /** The output sheet name for these options (null: the wizard writes settings only). */
  outputSheetName(options: OptionValues): string | null;
  toSheet(result: R, name: string, options: OptionValues): SheetSpec;
  /** Settings to store in the workbook (e.g. policy overrides), written after the sheet. */
  toSettings?(result: R, options: OptionValues): readonly { readonly key: string; readonly value: string | null }[];
}

/** Any wizard, for lists (the registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWizard = WizardDef<any>;

export function worstFlag(reasons: readonly Reason[]): Severity | null {
  if (reasons.some((r) => r.severity === 'error')) return 'error';
  if (reasons.some((r) => r.severity === 'warning')) return 'warning';
  return null;
}

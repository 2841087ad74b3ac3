/** Drives a wizard the way WizardFrame does, without React: detect → type → options → run → write. */
import { openFileWorkbook, type FileWorkbook } from '../../../src/workbook/file/file-workbook';
import {
  CHAIN_SETTING_KEY,
  defaultOptions,
  detectSources,
  loadWizardPolicy,
  parseChain,
  recognizeAll,
  typeSource,
  writeOutput,
} from '../../../src/wizards/framework';
import { WIZARDS } from '../../../src/wizards/registry';
import type { OptionValues, RunControl, SourceChoice, WizardDef, WizardInputs, WizardResult } from '../../../src/wizards/types';
import type { LocalDate } from '../../../src/values/local-date';
import type { CellValue, Grid } from '../../../src/ledger/grid';

export const AS_OF: LocalDate = { y: 2026, m: 9, d: 28 };

export async function open(bytes: Uint8Array): Promise<FileWorkbook> {
  return openFileWorkbook(bytes);
}

export interface Prepared {
  readonly choices: SourceChoice[];
  readonly inputs: WizardInputs;
}

export async function prepare(port: FileWorkbook, def: WizardDef, options: OptionValues = {}, asOf: LocalDate = AS_OF): Promise<Prepared> {
  const names = (await port.listSheets()).map((s) => s.name);
  const recognized = recognizeAll(await port.read(names));
  const outputs = parseChain(await port.getSetting(CHAIN_SETTING_KEY));
  const choices = detectSources(def, recognized, outputs, WIZARDS);
  const sources: Record<string, ReturnType<typeof typeSource> | null> = {};
  for (const c of choices) {
    const rs = c.best ? recognized.find((r) => r.model.sheet === c.best?.sheet) : undefined;
    sources[c.spec.role] = rs ? typeSource(rs, rs.model.columns, asOf) : null;
  }
  const { policy, calendar } = await loadWizardPolicy(port);
  const base = { sources, policy, calendar, asOf };
  return { choices, inputs: { ...base, options: defaultOptions(def.optionFields(base), options) } };
}

export async function runAndWrite<R extends WizardResult>(
  port: FileWorkbook,
  def: WizardDef<R>,
  options: OptionValues = {},
  control: RunControl = {},
): Promise<{ result: R; choices: SourceChoice[]; sheet: string | null }> {
  const { choices, inputs } = await prepare(port, def as WizardDef, options);
  const result = await def.run(inputs, control);
  const out = await writeOutput(port, def, result, inputs.options, async () => ({ action: 'cancel' }));
  return { result, choices, sheet: out.sheet };
}

/** Save and reopen (as a user downloading and opening the result would). */
export async function roundTrip(port: FileWorkbook): Promise<FileWorkbook> {
  return openFileWorkbook(await port.save());
}

export async function grid(port: FileWorkbook, sheet: string): Promise<Grid> {
  return (await port.read([sheet]))[0];
}

/** Row r (0-based) of a grid as plain values. */
export function rowOf(g: Grid, r: number): CellValue[] {
  return [...(g.values[r] ?? [])];
}

/** Every text and number in a grid, for "never shows a full ID" checks. */
export function allText(g: Grid): string {
  return g.values.map((row) => row.map((v) => (v === null ? '' : typeof v === 'object' ? v.error : String(v))).join('\t')).join('\n');
}

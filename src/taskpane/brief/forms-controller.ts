/**
 * 生成任免审批表 over any WorkbookPort: the forms of the proposed cadres as of the brief's date,
 * as one .docx download (every form on its own page) and, on request, a worksheet per person
 * (任免审批表-张三), asking first when such sheets exist. The model and renderers live in src/brief.
 */
import { buildForms, type AppointmentForm } from '../../brief/form-model';
import { renderFormsDocx } from '../../brief/render-form-docx';
import { formSheetName, renderFormSheet } from '../../brief/render-form-sheet';
import { DOCX_MIME } from '../../brief/render-docx';
import type { WorkCalendar } from '../../calendar';
import { COLUMN_MAP_SETTING_KEY, parseTaughtMap } from '../../ledger/taught-map';
import type { Policy } from '../../policy/policy';
import { formatIso, type LocalDate } from '../../values/local-date';
import type { WorkbookPort } from '../../workbook/port';
import { ledgerGrids } from '../check/controller';

/** Read the workbook once and build the forms, with the columns the user taught (指定列). */
export async function prepareForms(port: WorkbookPort, policy: Policy, asOf: LocalDate, calendar?: WorkCalendar): Promise<AppointmentForm[]> {
  const taught = parseTaughtMap(await port.getSetting(COLUMN_MAP_SETTING_KEY)).map;
  return buildForms(ledgerGrids(await port.read()), policy, asOf, { calendar, taught });
}

export interface FormsFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mime: string;
  readonly masked: number;
}

/** All forms in one .docx, named by date only (no name, no ID number). */
export async function formsDocxFile(forms: readonly AppointmentForm[], asOf: LocalDate): Promise<FormsFile> {
  const { bytes, privacy } = await renderFormsDocx(forms);
  return { bytes, fileName: `干部任免审批表（${formatIso(asOf)}）.docx`, mime: DOCX_MIME, masked: privacy.length };
}

export type WriteFormsResult =
  { readonly status: 'written'; readonly sheets: readonly string[] } | { readonly status: 'exists'; readonly sheets: readonly string[] };

/**
 * One worksheet per person. When sheets of those names exist and `replace` is not set, nothing is
 * written and 'exists' names them, so the pane can ask first.
 */
export async function writeFormSheets(port: WorkbookPort, forms: readonly AppointmentForm[], options: { replace?: boolean } = {}): Promise<WriteFormsResult> {
  const existing = (await port.listSheets()).map((s) => s.name);
  const lower = new Set(existing.map((n) => n.toLowerCase()));
  const taken = new Set<string>();
  const names = forms.map((f) => {
    const n = formSheetName(f, taken);
    taken.add(n);
    return n;
  });
  const clash = names.filter((n) => lower.has(n.toLowerCase()));
  if (clash.length && !options.replace) return { status: 'exists', sheets: clash };
  for (const [i, f] of forms.entries()) await port.writeSheet(renderFormSheet(f, names[i]), { replace: lower.has(names[i].toLowerCase()) });
  return { status: 'written', sheets: names };
}

/**
 * Keeps policy-source.ts in step with the open workbook (shared runtime only): load the stored
 * policy and calendar overrides at startup, reload when the settings sheet changes, and then
 * recalculate, because Excel re-runs a non-volatile function only when its arguments change — a
 * new threshold or an extra holiday would otherwise leave every CADRE result computed under the
 * old one.
 *
 * This is the runtime's glue, not a custom function: the functions themselves never touch the
 * workbook. Recalculating changes no cell content.
 */
import { readSetting, SETTINGS_SHEET } from '../workbook/office/office-store';
import { applySettings, CALENDAR_SETTING_KEY, POLICY_SETTING_KEY } from './policy-source';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type SetSupported = (name: string, version: string) => boolean;

/**
 * Re-read both settings; when the policy or the calendar in force changed, recalculate every
 * formula (CADRE ones included). The task pane calls this after saving settings, so hosts
 * without worksheet events (below ExcelApi 1.7) stay correct too. Returns whether either changed.
 */
export async function refreshPolicy(run: ExcelRun): Promise<boolean> {
  const raw = await run(async (ctx) => {
    const policy = await readSetting(ctx, POLICY_SETTING_KEY);
    return { policy, calendar: await readSetting(ctx, CALENDAR_SETTING_KEY) };
  });
  if (!applySettings(raw)) return false;
  await run(async (ctx) => {
    ctx.workbook.application.calculate(Excel.CalculationType.full);
    await ctx.sync();
  });
  return true;
}

/** Startup: load the policy and the calendar, then watch the settings sheet (created later if it does not exist yet). */
export async function startPolicySync(run: ExcelRun, isSetSupported: SetSupported): Promise<void> {
  await refreshPolicy(run);
  if (!isSetSupported('ExcelApi', '1.7')) return;
  const onSettingsChanged = async (): Promise<void> => {
    await refreshPolicy(run);
  };
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    ws.load('name');
    await ctx.sync();
    if (!ws.isNullObject) ws.onChanged.add(onSettingsChanged);
    ctx.workbook.worksheets.onAdded.add(async (ev) => {
      await run(async (c) => {
        const added = c.workbook.worksheets.getItem(ev.worksheetId);
        added.load('name');
        await c.sync();
        if (added.name !== SETTINGS_SHEET) return;
        added.onChanged.add(onSettingsChanged);
        await c.sync();
      });
      await refreshPolicy(run);
    });
    await ctx.sync();
  });
}

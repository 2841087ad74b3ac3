/**
 * The WorkbookPort over the workbook open in the host: Excel (the Office adapter,
 * src/workbook/office) or WPS 表格 (the WPS adapter, src/workbook/wps). Each may carry
 * `refreshFunctions`, which the Settings page calls after saving, so CADRE functions recalculate
 * under the new policy: in Excel's shared runtime the functions share this page's policy
 * (src/functions/policy-sync.ts); a task-pane-only runtime (manifest-taskpane.xml, Office
 * 2016/2019) has no functions and nothing to refresh; in WPS the functions run in the add-in's
 * main page, which is told through PluginStorage (src/wps/functions-wps.ts).
 */
import { OfficeWorkbook } from '../workbook/office/office-workbook';
import type { WorkbookPort } from '../workbook/port';
import type { EtApplication } from '../workbook/wps/et';
import { WpsWorkbook } from '../workbook/wps/wps-workbook';
import { POLICY_STAMP_KEY, type PluginStorageLike } from '../wps/policy-stamp';

interface RefreshesFunctions {
  refreshFunctions(): Promise<void>;
}

/** Recalculate the CADRE functions after the settings changed, where the host has them. */
export async function refreshFunctions(port: WorkbookPort): Promise<void> {
  const p = port as Partial<RefreshesFunctions>;
  if (typeof p.refreshFunctions === 'function') await p.refreshFunctions();
}

export function createExcelPort(sharedRuntime: boolean): WorkbookPort {
  const port = new OfficeWorkbook((batch) => Excel.run(batch));
  if (!sharedRuntime) return port;
  return Object.assign(port, {
    refreshFunctions: async (): Promise<void> => {
      const { refreshPolicy } = await import('../functions/policy-sync');
      await refreshPolicy((batch) => Excel.run(batch));
    },
  });
}

export function createWpsPort(app: EtApplication, storage: PluginStorageLike | null): WorkbookPort {
  const port = new WpsWorkbook(() => app);
  return Object.assign(port, {
    refreshFunctions: async (): Promise<void> => {
      storage?.setItem(POLICY_STAMP_KEY, String(Date.now()));
      app.CalculateFull();
    },
  });
}

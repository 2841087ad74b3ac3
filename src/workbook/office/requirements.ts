/**
 * Which Excel JS API requirement sets (要求集) the running Excel supports, checked at run time
 * with `Office.context.requirements.isSetSupported` (DESIGN.md), and what we do without them.
 * Minimum sets are those named in the @types/office-js reference comments ("[Api set: …]").
 *
 * - core, ExcelApi 1.7: getRangeByIndexes (1.7), getUsedRange(valuesOnly) (1.2),
 *   worksheets.getItemOrNullObject (1.4), custom conditional formats (1.6),
 *   worksheet visibility veryHidden (1.1), freezePanes.freezeRows (1.7). Office 2019 and later.
 * - visibleCells, ExcelApi 1.9: Range.getSpecialCellsOrNullObject("Visible") → hidden rows.
 *   Without it hidden rows are reported as none, with a notice.
 * - rangeAreas, ExcelApi 1.9: worksheet.getRanges("A1,C3:D4") to mark many cells with one
 *   conditional format. Without it each rectangle gets its own rule.
 * - pageLayout, ExcelApi 1.9: print setup of output sheets; skipped with a notice otherwise.
 * - mergedAreas, ExcelApi 1.13: Range.getMergedAreasOrNullObject → merges. Without it merges are
 *   reported as none, with a notice.
 *
 * Which Office has which sets ("Excel JavaScript API requirement sets", learn.microsoft.com, and
 * OfficeDev/office-js-docs-reference excel-api-requirement-sets.md, volume-licensed column):
 * Office 2016 has ExcelApi 1.1 only; Office 2019 has 1.2–1.7 too; Office 2021 adds 1.8–1.14 and
 * SharedRuntime 1.1. So Office 2019 (manifest-taskpane.xml) runs the adapter with the notices
 * above, and below 1.7 (Office 2016) the task pane switches to standalone mode on a chosen file
 * (src/taskpane/index.tsx).
 */
import { msg, type Msg } from '../../i18n/message';

export interface Capabilities {
  readonly core: boolean;
  readonly visibleCells: boolean;
  readonly rangeAreas: boolean;
  readonly pageLayout: boolean;
  readonly mergedAreas: boolean;
}

export type SetSupported = (name: string, minVersion: string) => boolean;

export function detectCapabilities(isSetSupported: SetSupported): Capabilities {
  return {
    core: isSetSupported('ExcelApi', '1.7'),
    visibleCells: isSetSupported('ExcelApi', '1.9'),
    rangeAreas: isSetSupported('ExcelApi', '1.9'),
    pageLayout: isSetSupported('ExcelApi', '1.9'),
    mergedAreas: isSetSupported('ExcelApi', '1.13'),
  };
}

/** The running host's answer; false everywhere when there is no Office host (tests, standalone). */
export function officeSetSupported(name: string, minVersion: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported(name, minVersion) ?? false;
}

export const NOTICES = {
  core: msg(
    '此版本的 Excel 不支持加载项所需的功能（ExcelApi 1.7，Office 2019 或更高版本）。可在浏览器中用独立模式打开文件，或升级 Office。',
    'This Excel lacks features the add-in needs (ExcelApi 1.7, Office 2019 or later). Open the file in standalone mode in a browser, or update Office.',
  ),
  visibleCells: msg(
    '此版本的 Excel 无法报告隐藏行（需要 ExcelApi 1.9），检查时把所有行视为可见。',
    'This Excel cannot report hidden rows (needs ExcelApi 1.9); all rows are treated as visible.',
  ),
  mergedAreas: msg(
    '此版本的 Excel 无法报告合并单元格（需要 ExcelApi 1.13），表头识别可能不完整。',
    'This Excel cannot report merged cells (needs ExcelApi 1.13); header recognition may be incomplete.',
  ),
  mergedFailed: msg(
    '合并单元格过多（超过 512 个区域），Excel 无法列出，已按无合并处理。',
    'Too many merged areas (more than 512) for Excel to list; read as unmerged.',
  ),
  pageLayout: msg(
    '此版本的 Excel 不支持打印设置（需要 ExcelApi 1.9），已跳过页面设置。',
    'This Excel does not support print setup (needs ExcelApi 1.9); page setup was skipped.',
  ),
} satisfies Record<string, Msg>;

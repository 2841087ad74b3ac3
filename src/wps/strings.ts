/** Messages of the WPS 表格 shell and of the hosts where the pane degrades (zh-CN first). */
import { msg } from '../i18n/message';

export const WPS_S = {
  modeWps: msg('WPS 表格加载项', 'WPS Spreadsheets add-in'),
  paneTitle: msg('干部台账助手', 'Cadre Ledger Assistant'),
  noWorkbook: msg('请先在 WPS 表格中打开台账文件，再使用干部台账助手。', 'Open the ledger in WPS Spreadsheets first, then use the Cadre Ledger Assistant.'),
  oldExcel: msg(
    '此版本的 Excel 只支持 ExcelApi 1.7 以下的接口（如 Office 2016 批量授权版只有 ExcelApi 1.1），不能直接读写打开的工作簿。已切换到独立模式：请选择台账文件（.xlsx），检查、向导和常委会材料照常可用，修改后下载保存。',
    'This Excel supports the Excel JavaScript API below 1.7 only (volume-licensed Office 2016 has ExcelApi 1.1), so the open workbook cannot be read or written. Switched to standalone mode: choose the ledger file (.xlsx); checks, wizards and the brief work as usual, and changes are downloaded.',
  ),
  paneOnly: msg(
    '任务窗格版（Office 2016/2019）：没有 CADRE 自定义函数；需要函数结果时请用「公式转为数值」或在 Microsoft 365 / Office 2021 及以上版本中使用。',
    'Task-pane edition (Office 2016/2019): no CADRE custom functions; use "formulas to values" or Microsoft 365 / Office 2021 or later where function results are needed.',
  ),
} as const;

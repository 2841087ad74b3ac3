/**
 * Strings of the 检查台账 screen (findings, fix preview, undo, sharing) and the 常委会材料 screen,
 * zh-CN and en-US. Kept apart from strings.ts so parallel work on other screens does not collide.
 */
import { msg, type Msg } from './message';

export const C = {
  // check
  checkIntro: msg(
    '按《机关干部改革方案》检查工作簿中的每张台账：问题标记在单元格上（可一键清除，不影响您自己的填充色），并列入“问题清单”工作表，附跳转链接。',
    'Checks every ledger sheet of the workbook against the county rules: each problem is marked on its cell (removable in one action; your own fills stay) and listed in a findings sheet with links to the cells.',
  ),
  asOf: msg('截止日期', 'As of'),
  runCheck: msg('检查台账', 'Check ledger'),
  clearMarks: msg('清除标记', 'Clear marks'),
  marksCleared: msg('已清除加载项所做的全部标记。', 'All marks made by the add-in were removed.'),
  checking: msg('正在检查…', 'Checking…'),
  working: msg('正在处理…', 'Working…'),
  notRunYet: msg(
    '尚未检查。点击“检查台账”开始；检查只写入标记和“问题清单”，不改动台账内容。',
    'Not checked yet. Press “Check ledger”; the check only writes marks and the findings sheet, never your data.',
  ),
  summaryNone: msg('检查了 {sheets} 张台账，未发现问题。', '{sheets} ledger {sheets|sheet|sheets} checked; no problems found.'),
  summary: msg(
    '检查了 {sheets} 张台账，发现 {n} 个问题（错误 {error}，警告 {warning}，提示 {info}），已标记 {marked} 个单元格。',
    '{sheets} ledger {sheets|sheet|sheets} checked: {n} {n|problem|problems} ({error} {error|error|errors}, {warning} {warning|warning|warnings}, {info} {info|note|notes}); {marked} {marked|cell|cells} marked.',
  ),
  listedIn: msg('问题已列入工作表“{sheet}”。', 'The problems are listed in the sheet “{sheet}”.'),
  repairHint: msg(
    '有 {n} 个 CADRE 公式未被识别，可在“共享”中「修复公式」。',
    '{n} CADRE {n|formula is|formulas are} not recognised; use “Repair formulas” under Sharing.',
  ),
  tabFindings: msg('问题', 'Findings'),
  tabFix: msg('修复', 'Fix'),
  tabShare: msg('共享', 'Sharing'),
  sheetCount: msg('{n} 个问题', '{n} {n|problem|problems}'),
  codeCount: msg('{n} 处', '{n}'),
  showMore: msg('再显示 {n} 条', 'Show {n} more'),
  clickToSelect: msg('点击单元格地址可在工作表中选中该单元格。', 'Click a cell address to select that cell in the sheet.'),
  clickToShow: msg('点击单元格地址可查看该单元格的内容和问题。', 'Click a cell address to see its content and problems.'),
  cellDetail: msg('单元格 {ref}', 'Cell {ref}'),
  cellValue: msg('当前内容', 'Current content'),
  cellFormula: msg('公式', 'Formula'),
  cellEmpty: msg('（空）', '(empty)'),
  cellFindings: msg('该单元格的问题', 'Problems in this cell'),
  close: msg('关闭', 'Close'),

  // fix
  fixIntro: msg(
    '安全修复只做有把握的改动（日期写法统一、身份证号改为文本、姓名和文字中的多余空格等），每一项都先列出，由您确认。',
    'Safe fixes only make changes that are certain (uniform dates, ID numbers as text, stray spaces in names and text); every change is listed for you to confirm first.',
  ),
  previewFixes: msg('预览安全修复', 'Preview safe fixes'),
  previewTitle: msg('修改预览：{what}', 'Preview: {what}'),
  previewCount: msg(
    '共 {n} 处修改，已勾选 {ticked} 处。取消勾选的单元格不会被修改。',
    '{n} {n|change|changes}, {ticked} ticked. Unticked cells are left as they are.',
  ),
  previewNone: msg('没有需要修改的单元格。', 'Nothing to change.'),
  colApply: msg('应用', 'Apply'),
  colOld: msg('原内容', 'Old'),
  colNew: msg('新内容', 'New'),
  colWhy: msg('原因', 'Why'),
  colChange: msg('原内容 → 新内容（原因）', 'Old → new (why)'),
  tickAll: msg('全选', 'Tick all'),
  untickAll: msg('全不选', 'Untick all'),
  apply: msg('应用所选修改（{n} 处）', 'Apply the ticked changes ({n})'),
  cancel: msg('取消', 'Cancel'),
  applied: msg('已修改 {n} 个单元格。可用“撤销上次修改”恢复。', '{n} {n|cell|cells} changed. “Undo last change” restores {n|it|them}.'),
  nothingTicked: msg('没有勾选任何修改，工作簿未改动。', 'Nothing is ticked; the workbook was not changed.'),
  undo: msg('撤销上次修改', 'Undo last change'),
  lastChange: msg('上次修改：{label}，{n} 个单元格（{time}）', 'Last change: {label}, {n} {n|cell|cells} ({time})'),
  undone: msg(
    '已撤销“{label}”，{n} 个单元格恢复原样（数值、公式和数字格式）。',
    'Undid “{label}”: {n} {n|cell|cells} restored (values, formulas and number formats).',
  ),
  nothingToUndo: msg('没有可撤销的修改。', 'There is no change to undo.'),
  skippedCells: msg('{n} 个单元格未列入：{reason}', '{n} {n|cell|cells} left out: {reason}'),
  download: msg('下载修改后的工作簿', 'Download the changed workbook'),
  fixedFileName: msg('{base}-已修正.xlsx', '{base}-fixed.xlsx'),
  fileBase: msg('工作簿', 'workbook'),
  downloadHint: msg(
    '修改只发生在本浏览器内的副本中；下载后得到“{name}”。原文件不变，也不会上传。',
    'Changes are made to the copy in this browser; download it as “{name}”. The original file is unchanged and nothing is uploaded.',
  ),
  rerunHint: msg('工作簿已修改，问题清单可能已过时，可重新检查。', 'The workbook changed; the findings may be out of date — check again.'),

  // sharing
  shareIntro: msg(
    '发给未安装本加载项的同事或单位之前，可把 CADRE 公式转为数值；收到后公式显示 #NAME? 或 _xldudf_ 时，可「修复公式」重新录入。两者都先预览，可撤销。',
    'Before sending the ledger to colleagues without the add-in, turn CADRE formulas into values; when formulas come back as #NAME? or _xldudf_, repair them. Both are previewed and undoable.',
  ),
  shareSheet: msg('工作表', 'Sheet'),
  allSheets: msg('（所有工作表）', '(all sheets)'),
  shareRange: msg('区域（可留空，例如 D2:F100）', 'Range (optional, e.g. D2:F100)'),
  toValues: msg('公式转为数值', 'Formulas to values'),
  repair: msg('修复公式', 'Repair formulas'),

  // errors
  failed: msg('操作未完成：{reason}', 'The action did not complete: {reason}'),
  noWorkbook: msg('尚未打开工作簿。', 'No workbook is open.'),

  // brief
  briefIntro: msg(
    '依据当前工作簿中的台账，按所选截止日期编写常委会议研究材料：写入一张可直接打印的工作表，并可下载 Word 文档。身份证号等敏感信息不会出现在材料中。',
    'Writes the standing-committee brief from the ledgers in this workbook as of the chosen date: a print-ready worksheet, and a Word document to download. ID numbers and other private data never appear in it.',
  ),
  briefSections: msg('材料各部分', 'Sections of the brief'),
  briefPolicy: msg('适用的政策设置', 'Policy values in force'),
  colItem: msg('事项', 'Item'),
  colValue: msg('现行值', 'Value in force'),
  colDefault: msg('默认值', 'Default'),
  changed: msg('已调整', 'changed'),
  writeSheet: msg('写入工作表“{name}”', 'Write the sheet “{name}”'),
  sheetExists: msg('工作表“{name}”已存在。要用新材料替换它吗？', 'The sheet “{name}” already exists. Replace it with the new brief?'),
  replace: msg('替换', 'Replace'),
  keep: msg('保留原表', 'Keep it'),
  sheetWritten: msg('已写入工作表“{name}”。', 'The sheet “{name}” was written.'),
  keptSheet: msg('未改动已有的工作表“{name}”。', 'The existing sheet “{name}” was left unchanged.'),
  downloadDocx: msg('下载 Word 文档（.docx）', 'Download the Word document (.docx)'),
  docxReady: msg('已生成“{name}”。', '“{name}” was generated.'),
  masked: msg('已遮盖 {n} 处身份证号等敏感信息。', '{n} {n|ID number or other private detail was|ID numbers or other private details were} masked.'),
  dateInvalid: msg('请填写有效的截止日期。', 'Enter a valid as-of date.'),
  preparing: msg('正在读取台账…', 'Reading the ledgers…'),
} satisfies Record<string, Msg>;

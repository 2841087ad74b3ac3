/**
 * The task pane's string catalogue: every user-facing text of the shell in zh-CN and en-US.
 * Feature screens add their own entries here (or keep a local catalogue built with `msg`).
 */
import { isMsg, msg, plural, type Locale, type Msg, type MsgValue } from './message';

export const S = {
  appTitle: msg('干部台账助手', 'Cadre Ledger Assistant'),
  appSubtitle: msg('把《机关干部改革方案》的规则用在您自己的台账上', 'The county cadre reform rules, applied to your own ledgers'),
  loading: msg('正在加载…', 'Loading…'),

  // language
  language: msg('界面语言', 'Language'),
  langZh: msg('中文', '中文'),
  langEn: msg('English', 'English'),

  // modes
  modeExcel: msg('Excel 加载项', 'Excel add-in'),
  modeStandalone: msg('独立模式（浏览器）', 'Standalone mode (browser)'),
  standaloneExplain: msg(
    '未检测到 Excel：在浏览器中打开 .xlsx 工作簿进行查看和检查。文件只在本机浏览器内处理，不会上传。',
    'Excel was not detected: open an .xlsx workbook in this browser to view and check it. The file is processed only in this browser and never uploaded.',
  ),
  excelExplain: msg('正在使用当前打开的 Excel 工作簿。', 'Working on the workbook open in Excel.'),

  // navigation
  nav: msg('主导航', 'Main navigation'),
  navHome: msg('工作表', 'Sheets'),
  navWizards: msg('程序向导', 'Wizards'),
  navCheck: msg('检查台账', 'Check ledger'),
  navBrief: msg('常委会材料', 'Committee brief'),
  navSettings: msg('政策设置', 'Policy'),
  navAbout: msg('关于', 'About'),

  // home / workbook
  openWorkbook: msg('打开工作簿…', 'Open workbook…'),
  openWorkbookHint: msg('选择一个工作簿（.xlsx、.xls、WPS .et 或 .ods）', 'Choose a workbook (.xlsx, .xls, WPS .et or .ods)'),
  openSample: msg('打开示例台账', 'Open the sample ledger'),
  refresh: msg('重新读取', 'Read again'),
  currentWorkbook: msg('当前工作簿', 'Current workbook'),
  sampleName: msg('示例台账（青山县，虚构数据）', 'Sample ledger (Qingshan County, fictional data)'),
  thisWorkbook: msg('Excel 中当前打开的工作簿', 'The workbook open in Excel'),
  noWorkbook: msg('尚未打开工作簿。', 'No workbook is open.'),
  readingWorkbook: msg('正在读取工作簿…', 'Reading the workbook…'),
  sheetsCaption: msg('工作簿中的工作表', 'Sheets in the workbook'),
  sheetCount: msg('共 {n} 个工作表', '{n} {n|sheet|sheets}'),
  colSheet: msg('工作表', 'Sheet'),
  colKind: msg('台账类型', 'Ledger kind'),
  headerRows: msg('表头：第 {from}–{to} 行', 'header: rows {from}–{to}'),
  colTitle: msg('标题（首个非空单元格）', 'Title (first non-empty cell)'),
  colSize: msg('行 × 列', 'Rows × columns'),
  colStatus: msg('状态', 'Status'),
  statusVisible: msg('可见', 'Visible'),
  statusHidden: msg('已隐藏', 'Hidden'),
  statusVeryHidden: msg('深度隐藏', 'Very hidden'),
  statusProtected: msg('受保护（只读，不作修改）', 'Protected (read only, nothing is changed)'),
  openFailed: msg('无法打开该文件：{reason}', 'The file could not be opened: {reason}'),
  readFailed: msg('读取工作簿失败：{reason}', 'Reading the workbook failed: {reason}'),

  // check
  checkTitle: msg('检查台账', 'Check ledger'),
  checkIntro: msg(
    '逐个单元格检查工作簿：错误值、无法识别的 CADRE 公式、受保护的工作表和隐藏行。问题按工作表和单元格列出。',
    'Checks every cell of the workbook: error values, unresolved CADRE formulas, protected sheets and hidden rows. Problems are listed by sheet and cell.',
  ),
  runCheck: msg('开始检查', 'Run the check'),
  checking: msg('正在检查…', 'Checking…'),
  checkNone: msg('未发现问题（共检查 {cells} 个单元格）。', 'No problems found ({cells} {cells|cell|cells} checked).'),
  checkSummary: msg('共检查 {cells} 个单元格，发现 {n} 个问题。', '{cells} {cells|cell|cells} checked, {n} {n|problem|problems} found.'),
  colCell: msg('单元格', 'Cell'),
  colSeverity: msg('级别', 'Severity'),
  colProblem: msg('问题', 'Problem'),
  sevError: msg('错误', 'Error'),
  sevWarning: msg('警告', 'Warning'),
  sevInfo: msg('提示', 'Info'),
  findingsCaption: msg('问题清单', 'Findings'),

  // brief
  briefTitle: msg('常委会议研究材料', 'Standing-committee brief'),
  briefIntro: msg(
    '材料依据当前工作簿中的台账编写，并写明所适用的政策设置。以下是本次材料的依据：',
    'The brief is written from the ledgers in this workbook and states the policy values in force. It rests on the following:',
  ),
  briefSources: msg('材料依据的工作表', 'Sheets the brief draws on'),
  briefPolicy: msg('适用的政策设置', 'Policy values in force'),

  // settings
  settingsTitle: msg('政策设置', 'Policy settings'),
  settingsIntro: msg(
    '每条规则的取值及其依据。默认值来自《机关干部改革方案》；文件未作规定之处，采用注明理由的默认值。',
    'Every rule value and its source. Defaults come from the county reform document; where it is silent, the stated default applies.',
  ),
  colKey: msg('设置项', 'Setting'),
  colValue: msg('取值', 'Value'),
  colSource: msg('依据', 'Source'),
  valueNone: msg('无', 'none'),
  valueYes: msg('是', 'yes'),
  valueNo: msg('否', 'no'),

  // about
  aboutTitle: msg('关于', 'About'),
  aboutVersion: msg('版本', 'Version'),
  aboutMode: msg('运行方式', 'Running as'),
  aboutOfficeJs: msg('office.js 来源', 'office.js served from'),
  officeJsLocal: msg('本加载项自带（适用于无互联网的内网）', 'this add-in itself (works on an intranet without internet)'),
  officeJsCdn: msg('微软 CDN', 'Microsoft CDN'),
  aboutPrivacy: msg('隐私', 'Privacy'),
  privacyText: msg(
    '本加载项不收集、不发送任何使用数据；除加载自身文件外不发起任何网络请求。工作簿内容只在本机处理。',
    'This add-in collects and sends no usage data and makes no network requests other than loading its own files. Workbook contents are processed on this computer only.',
  ),
  aboutKeyboard: msg('键盘操作', 'Keyboard'),
  keyboardText: msg(
    '用 Tab 键在导航、按钮和表格之间移动；在导航栏中用方向键切换页面，按 Enter 或空格确认。',
    'Use Tab to move between navigation, buttons and tables; use the arrow keys in the navigation bar to switch pages and Enter or Space to confirm.',
  ),
  aboutSource: msg('规则来源', 'Rule source'),
  sourceText: msg('县委《机关干部改革方案》', 'The county document 《机关干部改革方案》 (cadre reform plan)'),
} satisfies Record<string, Msg>;

export type StringKey = keyof typeof S;

/** A message with its placeholders filled in both languages (each half worded in its language). */
export function phraseMsg(m: Msg, values: Readonly<Record<string, MsgValue>>): Msg {
  return { 'zh-CN': fill(m['zh-CN'], values, 'zh-CN'), 'en-US': fill(m['en-US'], values, 'en-US') };
}

/**
 * Fill {name} placeholders, and English plural forms {n|one|other} (the word only: write
 * `{n} {n|sheet|sheets}`; see `plural` in message.ts). Msg values are worded in `locale`.
 */
export function fill(text: string, values: Readonly<Record<string, MsgValue>>, locale: Locale = 'zh-CN'): string {
  const word = (v: MsgValue): string => (isMsg(v) ? v[locale] : String(v));
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, k: string, one: string, other: string) =>
      k in values ? plural(Number(word(values[k])), one, other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? word(values[k]) : whole));
}

/**
 * What the user reads when a file is not an .xlsx we can take as it is (文件格式提示): refused
 * formats name the format and what to do; read legacy formats say the output is .xlsx.
 */
import { msg, type Msg } from '../../i18n/message';

/** The formats read besides .xlsx (legacy-reader.ts), as the user knows them. */
export type LegacyFormat = 'xls' | 'ods';

export const FORMAT_LABEL: Readonly<Record<LegacyFormat, Msg>> = {
  xls: msg('旧版 Excel / WPS 表格（.xls / .et）', 'legacy Excel / WPS Spreadsheets (.xls / .et)'),
  ods: msg('OpenDocument 表格（.ods）', 'OpenDocument spreadsheet (.ods)'),
};

const SAVE_AS = msg('请在 Excel 或 WPS 表格中另存为 .xlsx 后再试', 'save it as .xlsx in Excel or WPS Spreadsheets and try again');

function refusal(zh: string, en: string): Msg {
  return msg(`${zh}，${SAVE_AS['zh-CN']}`, `${en}; ${SAVE_AS['en-US']}`);
}

export const FORMAT_MSG = {
  empty: msg('文件为空（0 字节），不是工作簿', 'The file is empty (0 bytes), not a workbook'),
  encrypted: msg(
    '文件已加密（设置了打开密码），无法读取；请在 Excel 或 WPS 表格中去掉打开密码后再试',
    'The file is encrypted (password to open) and cannot be read; remove the password in Excel or WPS Spreadsheets and try again',
  ),
  text: refusal(
    '这是文本文件（如 .csv、.txt 或网页），不是工作簿，没有单元格格式和公式可读',
    'This is a text file (such as .csv, .txt or a web page), not a workbook: it has no cell formats or formulas to read',
  ),
  notWorkbook: refusal('不是工作簿文件（无法识别的内容）', 'Not a workbook file (unrecognised content)'),
  zipWithoutWorkbook: refusal(
    '这是一个压缩包，但其中没有工作簿（缺少 xl/workbook.xml）',
    'This is a zip archive without a workbook in it (no xl/workbook.xml)',
  ),
  xlsb: refusal('这是 Excel 二进制工作簿（.xlsb），本工具不读取此格式', 'This is an Excel binary workbook (.xlsb), which this tool does not read'),
  cfbWithoutWorkbook: refusal(
    '这是 Office 复合文档，但其中没有 Excel 工作簿数据（可能是 Word 文档，或 WPS 表格的私有格式）',
    'This is an Office compound file without Excel workbook data in it (perhaps a Word document, or a WPS Spreadsheets private format)',
  ),
  /** A compound file handed to the .xlsx reader directly (callers that do not dispatch by format). */
  cfbNotXlsx: refusal('这是旧版 .xls / WPS .et 文件，此处只能打开 .xlsx', 'This is a legacy .xls / WPS .et file; only .xlsx can be opened here'),
  noSheets: msg('工作簿中没有任何工作表，没有可检查的内容', 'The workbook has no worksheets: there is nothing to check'),
} as const;

/**
 * What the fast reader found damaged in a part of an .xlsx (said when the full reader refuses the
 * file too, in place of its own wording, which names neither the sheet nor the place).
 */
export const DAMAGE_MSG = {
  sheetCut: (sheet: string, lastRow: number): Msg =>
    lastRow > 0
      ? msg(
          `文件已损坏：工作表“${sheet}”的内容在第 ${lastRow} 行处中断，此行及以后的行无法读取`,
          `The file is damaged: sheet "${sheet}" breaks off at row ${lastRow}; that row and the rows after it cannot be read`,
        )
      : msg(`文件已损坏：工作表“${sheet}”的内容不完整，无法读取`, `The file is damaged: sheet "${sheet}" is incomplete and cannot be read`),
  sheetTail: (sheet: string): Msg =>
    msg(`文件已损坏：工作表“${sheet}”的结尾之后还有多余内容`, `The file is damaged: sheet "${sheet}" has content after its end`),
  missingString: (sheet: string, cell: string, index: number): Msg =>
    msg(
      `文件已损坏：工作表“${sheet}”的单元格 ${cell} 引用了不存在的第 ${index + 1} 条共享文字`,
      `The file is damaged: cell ${cell} of sheet "${sheet}" refers to shared string ${index + 1}, which does not exist`,
    ),
  part: (path: string): Msg => {
    const label = PART_LABEL[path] ?? msg('一个部件', 'a part');
    return msg(
      `文件已损坏：工作簿的${label['zh-CN']}（${path}）不完整，或结尾之后还有多余内容`,
      `The file is damaged: its ${label['en-US']} (${path}) is incomplete or has content after its end`,
    );
  },
};

const PART_LABEL: Record<string, Msg> = {
  'xl/workbook.xml': msg('工作表目录', 'list of sheets'),
  'xl/_rels/workbook.xml.rels': msg('部件关系表', 'part relationships'),
  'xl/styles.xml': msg('格式表', 'cell formats'),
  'xl/sharedStrings.xml': msg('共享文字表', 'shared strings'),
};

/** Worksheets the workbook lists that exceljs does not load (their part is not named xl/worksheets/sheetN.xml). */
export function sheetsSkipped(sheets: readonly { readonly name: string; readonly path: string }[]): Msg {
  const names = sheets.map((s) => `“${s.name}”`).join('、');
  const namesEn = sheets.map((s) => `"${s.name}"`).join(', ');
  const paths = sheets.map((s) => s.path).join(', ');
  return refusal(
    `工作表${names}无法读取：它在文件中的部件（${paths}）不是通常的命名，读取时会被漏掉`,
    `Sheet ${namesEn} cannot be read: its part in the file (${paths}) is not named the usual way, and reading would leave it out`,
  );
}

export function damaged(what: Msg, reason?: string): Msg {
  const why = reason ? [`（${reason}）`, ` (${reason})`] : ['', ''];
  return msg(`文件已损坏，无法作为${what['zh-CN']}读取${why[0]}`, `The file is damaged and cannot be read as ${what['en-US']}${why[1]}`);
}

/** Said by fix/brief (and shown in the page) when the input was not .xlsx: the output is .xlsx. */
export function convertedNote(format: LegacyFormat, written: boolean | 'download' = true): Msg {
  const label = FORMAT_LABEL[format];
  if (written === 'download') {
    return msg(
      `这是${label['zh-CN']}文件，已读入；下载的修正文件为 .xlsx 格式，原文件不会被修改`,
      `This file was read as ${label['en-US']}; corrected files download as .xlsx, and the original is never changed`,
    );
  }
  if (!written) return msg(`原文件是${label['zh-CN']}格式，已读入；原文件未修改`, `The input was read as ${label['en-US']}; the input is unchanged`);
  return msg(
    `原文件是${label['zh-CN']}格式，已读入并按 .xlsx 格式写出；原文件未修改`,
    `The input was read as ${label['en-US']} and the output is written as .xlsx; the input is unchanged`,
  );
}

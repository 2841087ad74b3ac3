/**
 * Whether the host lets the task pane save a file. Excel for Mac runs the pane in WKWebView,
 * which ignores `<a download>` with a blob URL: the click does nothing and no error is raised
 * (OfficeDev/office-js#2700 "Office for Mac (WKWebView) file download support", closed as by
 * design; also #3385 and #4681). Office.context.ui.openBrowserWindow is no way out: it does not
 * take blob or file URLs (OfficeDev/office-js#3, by design). Excel on Windows (WebView2) and
 * Excel on the web (the browser) download normally, and so does the standalone page.
 *
 * So on Excel for Mac the pane says so instead of pretending the file was saved, and points to
 * what works: the brief worksheet in the workbook, or the same button in Excel on the web or in
 * the standalone page in a browser.
 */
import { msg, type Msg } from '../i18n/message';

export const DOWNLOAD_BLOCKED: Msg = msg(
  'Excel for Mac 不允许任务窗格保存文件，Word 文档未能下载。请使用写入工作簿的常委会材料工作表，或在 Excel 网页版、浏览器中打开本助手后再下载。',
  'Excel for Mac does not let a task pane save files, so the Word document was not downloaded. Use the brief worksheet written into the workbook, or download it from Excel on the web or from the assistant opened in a browser.',
);

/** Thrown instead of a download that would silently do nothing; the pane shows `userMessage`. */
export class DownloadBlockedError extends Error {
  readonly userMessage: Msg = DOWNLOAD_BLOCKED;
  constructor() {
    super(DOWNLOAD_BLOCKED['en-US']);
    this.name = 'DownloadBlockedError';
  }
}

interface OfficeLike {
  readonly context?: { readonly platform?: unknown };
  readonly PlatformType?: { readonly Mac?: unknown };
}

/** True inside Excel for Mac (Office.context.platform is PlatformType.Mac, "Mac"). */
export function hostBlocksDownloads(office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office): boolean {
  try {
    const platform = office?.context?.platform;
    return platform !== undefined && platform !== null && platform === (office?.PlatformType?.Mac ?? 'Mac');
  } catch {
    return false;
  }
}

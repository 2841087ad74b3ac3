/**
 * Downloads from the task pane: Excel for Mac (WKWebView) drops `<a download>` silently
 * (OfficeDev/office-js#2700, by design), so there the pane refuses with a message instead of
 * claiming the Word document was saved; everywhere else the anchor is clicked.
 */
import { downloadBytes } from '../../../src/taskpane/download';
import { DOWNLOAD_BLOCKED, DownloadBlockedError, hostBlocksDownloads } from '../../../src/taskpane/host-downloads';

const g = globalThis as Record<string, unknown>;
const PLATFORMS = { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline', iOS: 'iOS', Universal: 'Universal' };
const inExcel = (platform: string): unknown => ({ context: { platform }, PlatformType: PLATFORMS });

afterEach(() => {
  delete g.Office;
  delete g.document;
});

describe('hostBlocksDownloads', () => {
  it('is true in Excel for Mac only', () => {
    expect(hostBlocksDownloads(inExcel('Mac') as never)).toBe(true);
    for (const p of ['PC', 'OfficeOnline', 'Universal']) expect([p, hostBlocksDownloads(inExcel(p) as never)]).toEqual([p, false]);
    // A plain browser: office.js loaded without a host, or not loaded at all.
    expect(hostBlocksDownloads({ context: {}, PlatformType: PLATFORMS })).toBe(false);
    expect(hostBlocksDownloads(undefined)).toBe(false);
  });
});

describe('downloadBytes', () => {
  it('in Excel for Mac throws DownloadBlockedError carrying the zh-CN/en-US message, before touching the page', () => {
    g.Office = inExcel('Mac');
    let thrown: unknown;
    try {
      downloadBytes(new Uint8Array([1, 2, 3]), '常委会材料.docx', 'application/octet-stream');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DownloadBlockedError);
    // The Brief page shows an error's userMessage (as PortError's) in its failure message.
    expect((thrown as DownloadBlockedError).userMessage).toEqual(DOWNLOAD_BLOCKED);
    expect(DOWNLOAD_BLOCKED['zh-CN']).toContain('Excel for Mac');
    expect(DOWNLOAD_BLOCKED['en-US']).toContain('brief worksheet');
  });

  it('elsewhere clicks a hidden <a download> with the file name', () => {
    g.Office = inExcel('PC');
    const clicked: { download: string; href: string }[] = [];
    const anchor = {
      href: '',
      download: '',
      rel: '',
      style: {} as Record<string, string>,
      click() {
        clicked.push({ download: this.download, href: this.href });
      },
      remove: () => undefined,
    };
    g.document = { createElement: (tag: string) => (tag === 'a' ? anchor : null), body: { appendChild: () => undefined } };
    jest.useFakeTimers();
    try {
      downloadBytes(new Uint8Array([1, 2, 3]), '常委会材料.docx', 'application/octet-stream');
    } finally {
      jest.runOnlyPendingTimers();
      jest.useRealTimers();
    }
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('常委会材料.docx');
    expect(clicked[0].href).toMatch(/^blob:/);
  });
});

/**
 * Task pane entry (taskpane.html, which in the shared runtime also hosts the custom functions and
 * the ribbon commands). Detects the host, then renders the shell: Excel mode on the open workbook,
 * standalone mode on an .xlsx opened in the browser.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost, initialLocale } from './host';
import { savedLocale } from './i18n';
import { createExcelPort } from './excel-port';

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const host = await detectHost();
  document.documentElement.dataset.host = host.kind;
  const excelPort = host.kind === 'excel' ? createExcelPort() : null;
  const locale = initialLocale(host, savedLocale());
  createRoot(container).render(<App host={host} initialLocale={locale} excelPort={excelPort} />);
}

void main();

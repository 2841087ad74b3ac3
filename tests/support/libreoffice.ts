/**
 * LibreOffice for the tests that convert a .docx to PDF (page counts, page-1 pictures). Without
 * soffice/pdfinfo a test logs "SKIPPED: LibreOffice …" and keeps its structural checks — but under
 * CI=true a missing LibreOffice fails the test: CI must not pass a check it never ran
 * (.ci/run installs libreoffice-writer-nogui and poppler-utils).
 */
import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when LibreOffice and poppler are present; otherwise logs the skip, or throws under CI. */
export function libreOfficeOr(what: string): boolean {
  if (hasCommand('soffice') && hasCommand('pdfinfo') && hasCommand('pdftoppm')) return true;
  const line = `SKIPPED: LibreOffice not installed (soffice / poppler-utils missing); ${what}`;
  if (process.env.CI === 'true') throw new Error(`${line} — not allowed under CI=true: install libreoffice-writer-nogui and poppler-utils`);
  console.log(line);
  return false;
}

/**
 * True when LibreOffice Calc (libreoffice-calc-nogui: .xlsx → PDF) and poppler are present; otherwise
 * logs the skip, or throws under CI (.ci/run installs it).
 */
export function libreOfficeCalcOr(what: string): boolean {
  if (!libreOfficeOr(what)) return false;
  if (existsSync('/usr/lib/libreoffice/program/libsclo.so')) return true;
  const line = `SKIPPED: LibreOffice Calc not installed (libreoffice-calc-nogui missing); ${what}`;
  if (process.env.CI === 'true') throw new Error(`${line} — not allowed under CI=true: install libreoffice-calc-nogui`);
  console.log(line);
  return false;
}

/** Convert a .docx (or .xlsx) to PDF next to it (own profile dir, so parallel runs do not clash); returns the PDF path. */
export function toPdf(docx: string): string {
  const dir = path.dirname(docx);
  const profile = path.join(dir, 'lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const pdf = docx.replace(/\.(docx|xlsx)$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${docx}`);
  return pdf;
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Page 1 as PNG at `dpi` (prefix-1.png); returns its path. */
export function pageOnePng(pdf: string, prefix: string, dpi = 80): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

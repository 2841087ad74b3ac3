/** Excel mode: the WorkbookPort over the workbook open in Excel (the Office adapter). */
import type { WorkbookPort } from '../workbook/port';

export function createExcelPort(): WorkbookPort | null {
  return null;
}

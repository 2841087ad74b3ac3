/** Excel mode: the WorkbookPort over the workbook open in Excel (the Office adapter, src/workbook/office). */
import { OfficeWorkbook } from '../workbook/office/office-workbook';
import type { WorkbookPort } from '../workbook/port';

export function createExcelPort(): WorkbookPort {
  return new OfficeWorkbook((batch) => Excel.run(batch));
}

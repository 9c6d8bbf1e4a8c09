// exceljs, loaded on first use: importing it costs ~300 ms, which every start of the server and
// every test file paid although only imports and XLSX downloads need it.
import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

/** A new, empty workbook. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  loaded ??= import('exceljs').then((m) => m.default);
  const { Workbook } = await loaded;
  return new Workbook();
}

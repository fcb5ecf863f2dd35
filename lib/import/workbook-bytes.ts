// An XLSX file's bytes as an exceljs workbook: exceljs types its input as an ArrayBuffer (JSZip
// takes either), so the bytes are copied into one. Rejects what is not an XLSX file.
import ExcelJS from 'exceljs';

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const data = new ArrayBuffer(bytes.length);
  new Uint8Array(data).set(bytes);
  await workbook.xlsx.load(data);
  return workbook;
}

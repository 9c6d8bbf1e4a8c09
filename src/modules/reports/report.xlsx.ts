// The report's tables as an XLSX workbook (exceljs): a first sheet that says what the workbook
// is, then one sheet per table with numbers stored as numbers and a number format (never as
// text), dates as dates, the header row frozen and an autofilter on it.
import { newWorkbook } from '../../http/xlsx.ts';
import { type Column, layoutReport, tablesOf, titlePage } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';

function numFmt(column: Column, rowDecimals: number): string {
  if (column.kind === 'percent') return '0.0%';
  const d = column.decimals ?? rowDecimals;
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

export async function reportXlsx(m: ReportModel): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.title = m.title;
  wb.creator = `${m.tenantName}, ${m.board.name}`;
  wb.subject = m.periodName;
  wb.created = new Date(m.generatedAt);
  const tables = tablesOf(layoutReport(m));

  const about = wb.addWorksheet('Om arbetsboken');
  about.columns = [{ width: 28 }, { width: 90 }];
  about.addRow([m.title]).font = { bold: true, size: 14 };
  about.addRow([]);
  for (const [label, value] of titlePage(m).facts) about.addRow([label, value]);
  about.addRow([]);
  about.addRow([
    'Innehåll',
    'Varje tabell i rapporten finns på ett eget blad. Tal är lagrade som tal; ett tomt fält betyder att uppgift saknas.',
  ]);
  about.addRow([]);
  about.addRow(['Blad', 'Tabell']).font = { bold: true };
  for (const t of tables) about.addRow([t.sheet, t.caption]);

  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({
      header: c.label,
      width: c.kind === 'text' ? Math.min(60, Math.max(14, c.label.length + 4)) : Math.max(12, c.label.length + 2),
    }));
    ws.getRow(1).font = { bold: true };
    t.rows.forEach((row, r) => {
      const added = ws.addRow(
        t.columns.map((c, i) => {
          const v = row[i] ?? null;
          if (v === null || v === '') return null;
          if (c.kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
          return v;
        }),
      );
      t.columns.forEach((c, i) => {
        const cell = added.getCell(i + 1);
        if (c.kind === 'number' || c.kind === 'percent') cell.numFmt = numFmt(c, t.rowDecimals?.[r] ?? 0);
        if (c.kind === 'date') cell.numFmt = 'yyyy-mm-dd';
        if (c.kind === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
      });
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, t.rows.length + 1), column: t.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

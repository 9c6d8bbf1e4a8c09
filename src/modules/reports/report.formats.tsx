// One model, three files: DOCX and XLSX (packed in a worker thread) and PDF (printed by Chromium
// in the print worker thread). The chart image of the DOCX comes from Chromium too; without it
// the DOCX keeps the table and no image. Nothing heavy runs on the request thread.
import type { ChartImage } from './report.docx.ts';
import { type Block, layoutReport } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';
import { buildOffThread } from './report.offthread.ts';
import type { ReportPrinter } from './report.printer.ts';

/**
 * An approved report's files never change until its status does, so the last few are kept:
 * a second download of the same file is immediate. Drafts are always built anew.
 */
const FILE_CACHE_SIZE = 12;
const files = new Map<string, Promise<Buffer>>();

function cached(model: ReportModel, format: string, build: () => Promise<Buffer>): Promise<Buffer> {
  if (model.status === 'draft') return build();
  const key = `${model.reportId}|${model.status}|${model.generatedAt}|${format}`;
  const hit = files.get(key);
  if (hit) {
    files.delete(key);
    files.set(key, hit);
    return hit;
  }
  const made = build();
  made.catch(() => files.delete(key));
  files.set(key, made);
  for (const k of files.keys()) if (files.size > FILE_CACHE_SIZE) files.delete(k);
  return made;
}

/** The summary chart as PNG, drawn by Chromium; the same bars give the same image, so recent ones are kept. */
const charts = new Map<string, Promise<ChartImage | null>>();

function chartImage(model: ReportModel, printer: ReportPrinter): Promise<ChartImage | null> {
  const chart = layoutReport(model).find((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart');
  if (!chart || !printer.available) return Promise.resolve(null);
  const key = JSON.stringify(chart.bars);
  const hit = charts.get(key);
  if (hit) return hit;
  const drawn = printer
    .chartPng(chart.bars)
    .then(({ png, width, height }): ChartImage | null => ({ png: new Uint8Array(png), width, height }))
    // A failed drawing leaves the image out; the table carries the same data.
    .catch(() => {
      charts.delete(key);
      return null;
    });
  charts.set(key, drawn);
  for (const k of charts.keys()) if (charts.size > FILE_CACHE_SIZE) charts.delete(k);
  return drawn;
}

export function docxOf(model: ReportModel, printer: ReportPrinter): Promise<Buffer> {
  return cached(model, 'docx', async () => buildOffThread('docx', model, await chartImage(model, printer)));
}

export function xlsxOf(model: ReportModel): Promise<Buffer> {
  return cached(model, 'xlsx', () => buildOffThread('xlsx', model, null));
}

export function pdfOf(model: ReportModel, printer: ReportPrinter): Promise<Buffer> {
  return cached(model, 'pdf', () => printer.pdf(model));
}

/** A file name without characters that break a Content-Disposition header. */
export function fileName(model: ReportModel, ext: string): string {
  const base = `${model.board.name} ${model.period} v${model.version}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
  return `${base || 'rapport'}.${ext}`;
}

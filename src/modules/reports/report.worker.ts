// The worker thread that builds DOCX and XLSX files, so that building a large report never holds
// up other requests on the main thread. Receives { id, format, model, chart }, answers
// { id, file } or { id, error }. Imports only plain .ts files (docx, exceljs, the layout).
import { parentPort } from 'node:worker_threads';
import { reportDocx } from './report.docx.ts';
import type { ReportModel } from './report.model.ts';
import { reportXlsx } from './report.xlsx.ts';

interface Job {
  id: number;
  format: 'docx' | 'xlsx';
  model: ReportModel;
  chart: { png: Uint8Array; width: number; height: number } | null;
}

parentPort?.on('message', async (job: Job) => {
  try {
    const file = job.format === 'docx' ? await reportDocx(job.model, job.chart) : await reportXlsx(job.model);
    const bytes = new Uint8Array(file);
    parentPort?.postMessage({ id: job.id, file: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});

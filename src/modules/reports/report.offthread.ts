// Runs DOCX and XLSX generation in one worker thread (started on first use), off the request
// thread: the event loop keeps serving other requests while a report is packed. Where a worker
// cannot start, the file is built in-process instead (slower for others, never wrong).
import type { ChartImage } from './report.docx.ts';
import { jobWorker } from './report.jobs.ts';
import type { ReportModel } from './report.model.ts';

export interface PackJob {
  format: 'docx' | 'xlsx';
  model: ReportModel;
  chart: ChartImage | null;
}

async function inProcess({ format, model, chart }: PackJob): Promise<Buffer> {
  if (format === 'docx') return (await import('./report.docx.ts')).reportDocx(model, chart);
  return (await import('./report.xlsx.ts')).reportXlsx(model);
}

const packer = jobWorker<PackJob>(new URL('./report.worker.ts', import.meta.url), { fallback: inProcess });

export function buildOffThread(format: 'docx' | 'xlsx', model: ReportModel, chart: ChartImage | null): Promise<Buffer> {
  return packer.run({ format, model, chart });
}

export function stopReportWorker(): Promise<void> {
  return packer.stop();
}

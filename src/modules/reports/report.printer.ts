// The printer the routes use: PDFs and chart images made in the print worker thread
// (report.print-worker.ts), where the report page is rendered and Chromium driven, so that
// printing never blocks other requests. `available` says whether Chromium is installed; where
// the worker cannot start, the same work runs in-process.
import { existsSync } from 'node:fs';
import { CHART_WIDTH, chartHeight } from './report.chart.ts';
import { createChromium } from './report.chromium.ts';
import { jobWorker } from './report.jobs.ts';
import type { SummaryBar } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';

export type PrintJob = { kind: 'pdf'; model: ReportModel } | { kind: 'png'; bars: SummaryBar[]; size: { width: number; height: number } };

export interface ReportPrinter {
  readonly available: boolean;
  /** The report as a tagged PDF with an outline. */
  pdf(model: ReportModel): Promise<Buffer>;
  /** The summary chart of these bars as a PNG, with its size. */
  chartPng(bars: SummaryBar[]): Promise<{ png: Buffer; width: number; height: number }>;
  /** Where the last job ran: the print worker thread, or in-process where it could not start. */
  lastRanIn(): 'worker' | 'in-process' | null;
  close(): Promise<void>;
}

export function createPrinter(executablePath: string): ReportPrinter {
  const available = existsSync(executablePath);
  let local: ReturnType<typeof createChromium> | null = null;
  const fallback = async (job: PrintJob): Promise<Buffer> => {
    local ??= createChromium(executablePath);
    if (job.kind === 'png') return local.png((await import('./report.chart.ts')).summaryChartStandalone(job.bars), job.size);
    const { printableHtml } = await import('./report.printable.tsx');
    return local.pdf(printableHtml(job.model), { footer: job.model.title });
  };
  const worker = jobWorker<PrintJob>(new URL('./report.print-worker.ts', import.meta.url), {
    workerData: { executablePath },
    fallback,
  });
  return {
    available,
    pdf(model) {
      if (!available) return Promise.reject(new Error('Chromium is not installed'));
      return worker.run({ kind: 'pdf', model });
    },
    async chartPng(bars) {
      if (!available) throw new Error('Chromium is not installed');
      const size = { width: CHART_WIDTH, height: chartHeight(bars) };
      return { png: await worker.run({ kind: 'png', bars, size }), ...size };
    },
    lastRanIn: () => worker.lastRanIn(),
    async close() {
      await worker.stop();
      await local?.close();
      local = null;
    },
  };
}

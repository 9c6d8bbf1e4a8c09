// The worker thread that prints PDFs and draws the summary chart as PNG: the report page's HTML
// is rendered here and Chromium is driven from here (playwright-core), so neither the rendering
// nor the CDP traffic (the PDF comes back as one large base64 message) holds up the request
// thread. One browser per worker, started on first use, closed when the worker is stopped.
import { parentPort, workerData } from 'node:worker_threads';
// This thread has its own module loader: the .tsx views need the compile hook here too.
import '../../register-tsx.ts';
import { summaryChartStandalone } from './report.chart.ts';
import { createChromium } from './report.chromium.ts';
import { serveJobs } from './report.jobs.ts';
import type { PrintJob } from './report.printer.ts';

const chromium = createChromium(String((workerData as { executablePath: string }).executablePath));
const { printableHtml } = await import('./report.printable.tsx');

serveJobs<PrintJob>(
  parentPort,
  (job) =>
    job.kind === 'pdf'
      ? chromium.pdf(printableHtml(job.model), { footer: job.model.title })
      : chromium.png(summaryChartStandalone(job.bars), job.size),
  () => chromium.close(),
);

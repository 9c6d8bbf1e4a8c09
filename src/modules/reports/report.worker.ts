// The worker thread that builds DOCX and XLSX files, so that building a large report never holds
// up other requests on the main thread (report.offthread.ts). Imports only plain .ts files
// (docx, exceljs, the layout).
import { parentPort } from 'node:worker_threads';
import { reportDocx } from './report.docx.ts';
import { serveJobs } from './report.jobs.ts';
import type { PackJob } from './report.offthread.ts';
import { reportXlsx } from './report.xlsx.ts';

serveJobs<PackJob>(parentPort, (job) => (job.format === 'docx' ? reportDocx(job.model, job.chart) : reportXlsx(job.model)));

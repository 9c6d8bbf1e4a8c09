// Runs DOCX and XLSX generation in one worker thread (started on first use), off the request
// thread: the event loop keeps serving other requests while a report is packed. Where a worker
// cannot start, the file is built in-process instead (slower for others, never wrong).
import { Worker } from 'node:worker_threads';
import type { ChartImage } from './report.docx.ts';
import type { ReportModel } from './report.model.ts';

type Pending = { resolve: (b: Buffer) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let failed = false;
let next = 0;
const pending = new Map<number, Pending>();

function start(): Worker | null {
  if (worker || failed) return worker;
  try {
    const w = new Worker(new URL('./report.worker.ts', import.meta.url));
    w.unref();
    w.on('message', (m: { id: number; file?: Uint8Array; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if (m.file) p.resolve(Buffer.from(m.file.buffer, m.file.byteOffset, m.file.byteLength));
      else p.reject(new Error(m.error ?? 'report worker failed'));
    });
    const fail = (error: Error) => {
      if (worker === w) worker = null;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    w.on('error', (error) => {
      failed = true;
      fail(error);
    });
    w.on('exit', (code) => fail(new Error(`report worker exited (${code})`)));
    worker = w;
    return w;
  } catch {
    failed = true;
    return null;
  }
}

async function inProcess(format: 'docx' | 'xlsx', model: ReportModel, chart: ChartImage | null): Promise<Buffer> {
  if (format === 'docx') return (await import('./report.docx.ts')).reportDocx(model, chart);
  return (await import('./report.xlsx.ts')).reportXlsx(model);
}

export async function buildOffThread(format: 'docx' | 'xlsx', model: ReportModel, chart: ChartImage | null): Promise<Buffer> {
  const w = start();
  if (!w) return inProcess(format, model, chart);
  const id = ++next;
  const done = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
  w.ref();
  try {
    w.postMessage({ id, format, model, chart });
    return await done;
  } catch (error) {
    // The worker could not load (e.g. a runtime without type stripping): build here.
    if (failed) return inProcess(format, model, chart);
    throw error;
  } finally {
    if (pending.size === 0) worker?.unref();
  }
}

export async function stopReportWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

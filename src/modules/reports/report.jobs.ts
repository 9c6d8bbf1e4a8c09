// A worker thread that takes jobs and answers each with the bytes of a file, so that building or
// printing a large report never holds up other requests on the main thread. Started on first
// use and unref'd while idle; where it cannot start (or dies loading), jobs run in-process
// through `fallback` instead (slower for others, never wrong). Protocol: the worker receives
// { id, job } and answers { id, file } or { id, error }.
import { Worker } from 'node:worker_threads';

type Pending = { resolve: (b: Buffer) => void; reject: (e: Error) => void };

export interface JobWorker<J> {
  run(job: J): Promise<Buffer>;
  /** Where the last job ran: in the worker thread, in-process (the fallback), or none yet. */
  lastRanIn(): 'worker' | 'in-process' | null;
  stop(): Promise<void>;
}

export function jobWorker<J>(url: URL, options: { workerData?: unknown; fallback: (job: J) => Promise<Buffer> }): JobWorker<J> {
  let worker: Worker | null = null;
  let failed = false;
  let next = 0;
  let ranIn: 'worker' | 'in-process' | null = null;
  const pending = new Map<number, Pending>();

  function start(): Worker | null {
    if (worker || failed) return worker;
    try {
      const w = new Worker(url, { workerData: options.workerData });
      w.unref();
      w.on('message', (m: { id: number; file?: Uint8Array; error?: string }) => {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (pending.size === 0) w.unref();
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

  return {
    async run(job) {
      const w = start();
      if (!w) {
        ranIn = 'in-process';
        return options.fallback(job);
      }
      const id = ++next;
      const done = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
      w.ref();
      w.postMessage({ id, job });
      try {
        const file = await done;
        ranIn = 'worker';
        return file;
      } catch (error) {
        // The worker could not load (e.g. a runtime without type stripping): do it here.
        if (!failed) throw error;
        ranIn = 'in-process';
        return options.fallback(job);
      }
    },
    lastRanIn: () => ranIn,
    async stop() {
      const w = worker;
      worker = null;
      if (!w) return;
      // Let the worker end what it owns (a browser) before it is stopped; never wait long.
      // Held (ref) until it is gone, else an idle process could end with this still awaited.
      w.ref();
      w.postMessage({ id: 0, job: { stop: true } });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise((resolve) => w.once('exit', resolve)),
        new Promise((resolve) => {
          timer = setTimeout(resolve, 5000);
        }),
      ]);
      clearTimeout(timer);
      await w.terminate();
    },
  };
}

/** The worker side: answers each job with `handle`'s bytes (transferred, not copied). */
export function serveJobs<J>(
  port: import('node:worker_threads').MessagePort | null,
  handle: (job: J) => Promise<Uint8Array>,
  onStop?: () => Promise<void>,
) {
  port?.on('message', async ({ id, job }: { id: number; job: J | { stop: true } }) => {
    if (job && typeof job === 'object' && 'stop' in job) {
      await onStop?.().catch(() => {});
      port.close();
      return;
    }
    try {
      const file = await handle(job as J);
      const bytes = new Uint8Array(file);
      port.postMessage({ id, file: bytes }, [bytes.buffer]);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

// An open-loop load at a fixed rate: request i is due at start + i / rate, evenly spaced, whatever
// the earlier ones are doing (up to `maxSockets` in flight; more wait for a socket and count that
// wait). Latency is measured from when a request was due, not from when it was sent, so a server
// that falls behind shows it (no "coordinated omission").
//
// Why not autocannon's overallRate: autocannon gives each connection a quota per second and sends
// it as fast as it can at the start of the second, then waits for the next second. With 50
// connections at 500 requests/s that is 50 concurrent requests at the top of every second and
// nothing for the rest of it — a burst, not a rate (node_modules/autocannon/lib/httpClient.js,
// `reqsMadeThisSecond`).
import http from 'node:http';

export interface PacedResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  total: number;
}

export async function pacedLoad(options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  rate: number;
  seconds: number;
  maxSockets?: number;
}): Promise<PacedResult> {
  const { rate, seconds } = options;
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers = { ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  let done = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const send = (due: number) => {
    const request = http.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: options.method ?? 'GET', headers, agent },
      (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - due);
          if ((response.statusCode ?? 0) >= 400) errors++;
          if (++done === total) finish();
        });
      },
    );
    request.on('error', () => {
      errors++;
      latencies.push(performance.now() - due);
      if (++done === total) finish();
    });
    request.end(body);
  };

  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Every request due by now is sent now, each measured from its own due time.
      while (sent < total && start + (sent * 1000) / rate <= now) {
        send(start + (sent * 1000) / rate);
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await finished;
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { rps: total / elapsed, p50: at(0.5), p99: at(0.99), max: Math.round(latencies.at(-1) ?? 0), errors, total };
}

// The Kolada client against the fake Kolada v3 server on loopback: batching, next_url paging,
// retries honouring Retry-After, 5xx, time-out, from_date with isdeleted, and a polite pace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeKolada, startFakeKolada } from '../../../test/fakes/kolada-server.ts';
import { AppError } from '../../http/errors.ts';
import { koladaClient, timeoutMessage } from './kolada.client.ts';

let fake: FakeKolada;
beforeAll(async () => {
  fake = await startFakeKolada({ maxPerPage: 4 });
  const municipalities = Array.from({ length: 30 }, (_, i) => String(1000 + i));
  for (const m of municipalities)
    for (const period of [2023, 2024])
      fake.values.push({ kpi: 'N00001', municipality: m, period, gender: 'T', value: Number(m) / 100 + period, changed: '2026-01-10' });
  fake.values.push({ kpi: 'N00002', municipality: '0188', period: 2024, gender: 'T', value: 71, changed: '2027-03-01' });
  fake.values.push({ kpi: 'N00002', municipality: '0188', period: 2023, gender: 'T', value: 70, changed: '2027-03-01', deleted: true });
  fake.values.push({ kpi: 'N00002', municipality: '0188', period: 2022, gender: 'T', value: 69, changed: '2026-01-01' });
  fake.kpis.push({ id: 'N00002', title: 'Andel svar inom en dag', description: 'Beskrivning' });
});
afterAll(() => fake.close());

const client = (over: Partial<Parameters<typeof koladaClient>[0]> = {}) =>
  koladaClient({ baseUrl: fake.url, timeoutMs: 2000, minIntervalMs: 0, backoffMs: 5, ...over });

const since = (n: number) => fake.requests.slice(n);

describe('Kolada client (v3)', () => {
  it('batches at most 25 ids per segment and follows next_url through every page', async () => {
    const start = fake.requests.length;
    const municipalities = Array.from({ length: 30 }, (_, i) => String(1000 + i));
    const batches = await client().data({ kpis: ['N00001'], municipalities });
    const rows = batches.flatMap((b) => b.rows);
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => `${r.municipality}/${r.period}`)).size).toBe(60);
    const requests = since(start);
    // 25 ids → 50 rows → 13 pages of 4; 5 ids → 10 rows → 3 pages: every page asked for through next_url.
    expect(requests).toHaveLength(16);
    for (const r of requests)
      expect(decodeURIComponent(r.split('/municipality/')[1]?.split('?')[0] ?? '').split(',').length).toBeLessThanOrEqual(25);
    expect(requests.filter((r) => /[?&]page=/.test(r)).length).toBe(14);
    expect(batches[0].url).toContain('per_page=5000');
  });

  it('reads three pages via next_url (and never stops at the first)', async () => {
    const start = fake.requests.length;
    const { rows } = (await client().data({ kpis: ['N00001'], municipalities: ['1000', '1001', '1002', '1003', '1004', '1005'] }))[0];
    expect(rows).toHaveLength(12);
    expect(since(start)).toHaveLength(3);
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    fake.fault('/kpi/N00002', { kind: '429', retryAfter: 1 });
    const before = Date.now();
    const r = await client().kpis(['N00002']);
    expect(r.values).toEqual([{ id: 'N00002', title: 'Andel svar inom en dag', description: 'Beskrivning' }]);
    // A lower bound, not a speed test: answering sooner would mean Retry-After was ignored.
    expect(Date.now() - before).toBeGreaterThanOrEqual(950);
  });

  it('retries a 500 with back-off, and says so when Kolada keeps failing', async () => {
    fake.fault('/kpi/N00002', { kind: '500' });
    expect((await client().kpis(['N00002'])).values).toHaveLength(1);
    fake.fault('/kpi/N00002', { kind: '500' }, { kind: '500' }, { kind: '500' }, { kind: '500' });
    await expect(client().kpis(['N00002'])).rejects.toThrow('Kolada svarade med fel 500. Försök igen senare.');
  });

  it('times out with a message that says how long it waited', async () => {
    expect(timeoutMessage(10_000)).toBe('Kolada svarade inte inom 10 s');
    fake.fault('/kpi/N00002', { kind: 'hang' });
    const error = await client({ timeoutMs: 300 })
      .kpis(['N00002'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('Kolada svarade inte inom 0,3 s');
    expect((error as AppError).status).toBe(503);
  });

  it('an unknown KPI is an empty list; an unreachable Kolada is a clear 503', async () => {
    expect((await client().kpis(['N00000'])).values).toEqual([]);
    const away = koladaClient({ baseUrl: 'http://127.0.0.1:9/v3', timeoutMs: 500, minIntervalMs: 0, backoffMs: 1, retries: 1 });
    await expect(away.kpis(['N00002'])).rejects.toThrow('Kolada gick inte att nå');
  });

  it('asks for changes since from_date in the query form and gets deletions with isdeleted', async () => {
    const start = fake.requests.length;
    const [{ rows }] = await client().data({ kpis: ['N00002'], municipalities: ['0188'], fromDate: '2027-02-28' });
    expect(since(start)[0]).toMatch(/^\/v3\/data\/\?kpi_id=N00002&municipality_id=0188&from_date=2027-02-28/);
    expect(rows.map((r) => [r.period, r.values[0].value, r.values[0].isdeleted]).sort()).toEqual([
      [2023, null, true],
      [2024, 71, false],
    ]);
  });

  it('keeps a polite pace: one request at a time, spaced', async () => {
    const c = client({ minIntervalMs: 150 });
    const before = Date.now();
    await Promise.all([c.kpis(['N00002']), c.kpis(['N00002']), c.kpis(['N00002'])]);
    expect(Date.now() - before).toBeGreaterThanOrEqual(290);
  });
});

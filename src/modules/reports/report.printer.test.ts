import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { layoutReport } from './report.layout.ts';
import type { ReportModel } from './report.model.ts';
import { createPrinter } from './report.printer.ts';
import { AREA_TITLE, reportsWorld } from './reports.fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const HAS_CHROMIUM = existsSync('/usr/bin/chromium');

describe('reports: the printer', () => {
  it.skipIf(!HAS_CHROMIUM)(
    'prints the PDF and draws the chart in its worker thread, not on the request thread',
    { timeout: 120_000 },
    async () => {
      const w = await reportsWorld(t.app, t.db);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: w.quality.auth,
        payload: { boardUnitId: w.boardId, period: '2026-D2' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const model: ReportModel = (
        await t.app.inject({ method: 'GET', url: `/api/v1/reports/${created.json().id}`, headers: w.quality.auth })
      ).json();
      const printer = createPrinter('/usr/bin/chromium');
      try {
        expect(printer.lastRanIn()).toBeNull();
        const pdf = (await printer.pdf(model)).toString('latin1');
        expect(printer.lastRanIn()).toBe('worker');
        expect(pdf.startsWith('%PDF')).toBe(true);
        expect(pdf).toContain('/StructTreeRoot');
        // The goal area's title is in the outline (a PDF text string, UTF-16BE hex when not ASCII).
        const hex = [...`Målområde 2: ${AREA_TITLE}`.slice(0, 20)]
          .map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'))
          .join('');
        expect(pdf).toContain(hex);
        const chart = layoutReport(model).find((b) => b.type === 'chart');
        if (chart?.type !== 'chart') throw new Error('no chart block');
        const image = await printer.chartPng(chart.bars);
        expect(printer.lastRanIn()).toBe('worker');
        expect(image.png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(image.width).toBeGreaterThan(0);
      } finally {
        await printer.close();
      }
    },
  );

  it('says so when Chromium is missing instead of starting anything', async () => {
    const printer = createPrinter('/nonexistent/chromium');
    expect(printer.available).toBe(false);
    await expect(printer.chartPng([])).rejects.toThrow(/not installed/);
    expect(printer.lastRanIn()).toBeNull();
    await printer.close();
  });
});

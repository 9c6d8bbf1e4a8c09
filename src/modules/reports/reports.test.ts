import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestUser, type TestContext } from '../../../test/helpers.ts';
import { AREA_TITLE, reportsWorld } from './reports.fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const HAS_CHROMIUM = existsSync('/usr/bin/chromium');

const api = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url, headers, payload: payload as Record<string, unknown> });

async function draft(w: Awaited<ReturnType<typeof reportsWorld>>, period = '2026-D2') {
  const res = await api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.boardId, period, introduction: 'Inledande text.' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('reports: the model', () => {
  it('holds the goal area, the goal, its indicator table, assessment, assignment and the Nöjdhet section from the satisfaction module', async () => {
    const w = await reportsWorld(t.app, t.db);
    const id = await draft(w);
    const res = await api('GET', `/api/v1/reports/${id}`, w.quality.auth);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.title).toBe('Delår 2 2026, delårsrapport – Kommunstyrelsen');
    expect(m.status).toBe('draft');
    expect(m.areas.map((a: { title: string }) => a.title)).toEqual([AREA_TITLE]);
    const goal = m.areas[0].goals[0];
    expect(goal.boardText).toBe('Kontaktcenter svarar snabbare.');
    expect(goal.written).toMatchObject({ status: 'partly', analysis: 'Svarstiderna har kortats men målet nås inte ännu.' });
    const ind = goal.indicators[0];
    expect(ind).toMatchObject({ title: 'Andel besvarade samtal', outcome: 82.5, forecast: 84 });
    expect(ind.earlier).toEqual([
      { year: 2024, value: 71.5 },
      { year: 2025, value: 78.25 },
    ]);
    expect(ind.targets).toEqual([
      { year: 2025, value: 80 },
      { year: 2026, value: 85 },
      { year: 2027, value: 90 },
    ]);
    expect(goal.assignments).toEqual([
      expect.objectContaining({ title: 'Inför chatt i kontaktcenter', status: 'ongoing', comment: 'Upphandling pågår.' }),
    ]);
    expect(m.areas[0].counts).toEqual({ met: 0, partly: 1, not_met: 0, no_data: 0 });
    // The Nöjdhet section is filled by the satisfaction module: first without any Insikt results…
    expect(m.sections).toEqual([
      {
        id: 'satisfaction',
        title: 'Nöjdhet',
        paragraphs: ['Det finns inga resultat från SKR:s Insikt för 2025 eller 2026 ännu.'],
        tables: [],
      },
    ]);
    // …then, the draft being live, with the latest full year's NKI once it is entered.
    const insikt = await api('POST', '/api/v1/satisfaction/insikt', w.quality.auth, { year: 2025, area: 'total', n: 300, nki: 72.6 });
    expect(insikt.statusCode, insikt.body).toBe(201);
    const [section] = (await api('GET', `/api/v1/reports/${id}`, w.quality.auth)).json().sections;
    expect(section.paragraphs[0]).toMatch(/^Nöjd-kund-index \(NKI\) från SKR:s Insikt för 2025/);
    expect(section.tables).toHaveLength(1);
    expect(section.tables[0].caption).toBe('NKI 2025 per område');
    expect(section.tables[0].rows).toEqual([[expect.any(String), 73, expect.any(String), null, null, 300]]);
  });

  it('refuses what is wrong with Swedish messages, other roles and a second draft', async () => {
    const w = await reportsWorld(t.app, t.db);
    const bad = await api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.boardId, period: '2026-D3' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ field: 'period' })]);
    expect(bad.json().message).toMatch(/^Ogiltig indata: period/);
    expect((await api('POST', '/api/v1/reports', w.officer.auth, { boardUnitId: w.boardId, period: '2026' })).statusCode).toBe(403);
    const notBoard = await api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.unitId, period: '2026' });
    expect(notBoard.statusCode).toBe(400);
    await draft(w);
    const twice = await api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.boardId, period: '2026-D2' });
    expect(twice.statusCode).toBe(409);
    const other = await createTestUser(t.db, (await reportsWorld(t.app, t.db)).tt, [{ role: 'quality' }]);
    const list = await api('GET', `/api/v1/reports?board=${w.boardId}`, other.auth);
    expect(list.json().reports).toEqual([]);
  });
});

describe('reports: the API document', () => {
  it('lists every report route in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/reports'));
    expect(paths.sort()).toEqual(
      ['/api/v1/reports', '/api/v1/reports/{id}', '/api/v1/reports/{id}.docx', '/api/v1/reports/{id}.xlsx', '/api/v1/reports/{id}.pdf']
        .concat(['/api/v1/reports/{id}/approve', '/api/v1/reports/{id}/publish'])
        .sort(),
    );
    expect(Object.keys(doc.paths['/api/v1/reports'])).toEqual(['get', 'post']);
  });
});

describe('reports: formats', () => {
  it('DOCX has Heading 1–3 in order, a TOC, repeating header rows, sv-SE, title, author and alt text', { timeout: 120_000 }, async () => {
    const w = await reportsWorld(t.app, t.db);
    const id = await draft(w);
    const res = await api('GET', `/api/v1/reports/${id}.docx`, w.quality.auth);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const levels = [...doc.matchAll(/<w:pStyle w:val="Heading(\d)"\/>/g)].map((x) => Number(x[1]));
    expect(levels[0]).toBe(1);
    expect(new Set(levels)).toEqual(new Set([1, 2, 3]));
    for (let i = 1; i < levels.length; i++) expect(levels[i] ?? 0).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1);
    expect(doc).toContain('Målområde 2: Attraktiv kommun att bo och verka i');
    expect(doc).toMatch(/TOC \\/);
    expect(doc).toContain('<w:tblHeader/>');
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('w:lang w:val="sv-SE"');
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('<dc:title>Delår 2 2026, delårsrapport – Kommunstyrelsen</dc:title>');
    expect(core).toMatch(/<dc:creator>[^<]*Kommunstyrelsen<\/dc:creator>/);
    if (HAS_CHROMIUM) {
      expect(doc).toMatch(/<wp:docPr [^>]*descr="Liggande staplar per målområde[^"]*"/);
      expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    }
  });

  it('XLSX: an about sheet first, one sheet per table, numbers as numbers with formats, frozen header, autofilter', async () => {
    const w = await reportsWorld(t.app, t.db);
    const id = await draft(w);
    const res = await api('GET', `/api/v1/reports/${id}.xlsx`, w.quality.auth);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((s) => s.name);
    expect(names[0]).toBe('Om arbetsboken');
    expect(names).toEqual(expect.arrayContaining(['Sammanfattning', 'Indikatorer 2.1', 'Uppdrag 2.1']));
    const ind = wb.getWorksheet('Indikatorer 2.1');
    if (!ind) throw new Error('no indicator sheet');
    expect(ind.getRow(1).getCell(1).value).toBe('Indikator');
    const outcome = ind.getRow(2).getCell(5);
    expect(outcome.value).toBe(82.5);
    expect(typeof outcome.value).toBe('number');
    expect(outcome.numFmt).toBe('#,##0.0');
    expect(ind.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ind.autoFilter).toBeTruthy();
    const summary = wb.getWorksheet('Sammanfattning');
    expect(summary?.getRow(2).getCell(3).value).toBe(1);
  });

  it.skipIf(!HAS_CHROMIUM)(
    'PDF is tagged, has an outline, title and language, and holds the goal area titles',
    { timeout: 120_000 },
    async () => {
      const w = await reportsWorld(t.app, t.db);
      const id = await draft(w);
      const res = await api('GET', `/api/v1/reports/${id}.pdf`, w.quality.auth);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const pdf = res.rawPayload.toString('latin1');
      expect(pdf.startsWith('%PDF')).toBe(true);
      expect(pdf).toContain('/StructTreeRoot');
      expect(pdf).toContain('/MarkInfo');
      expect(pdf).toContain('/Outlines');
      expect(pdf).toMatch(/\/Lang \((sv|sv-SE)\)/);
      // Outline entries are PDF text strings (UTF-16BE hex when not ASCII); a heading that wraps
      // loses the space at the line break, so compare without white space.
      const titles = [...pdf.matchAll(/\/Title (?:<FEFF([0-9A-F]+)>|\(([^)]*)\))/g)].map(([, hex, plain]) =>
        hex ? String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16))) : (plain ?? ''),
      );
      const squash = (s: string) => s.replace(/\s+/g, '');
      expect(titles.map(squash)).toContain(squash(`Målområde 2: ${AREA_TITLE}`));
      expect(titles.map(squash)).toContain(squash('Delår 2 2026, delårsrapport – Kommunstyrelsen'));
    },
  );

  it('says plainly when Chromium is missing; DOCX and XLSX still work', { timeout: 120_000 }, async () => {
    const other = await createTestContext({ CHROMIUM_PATH: '/nonexistent/chromium' });
    try {
      const w = await reportsWorld(other.app, other.db);
      const res = await other.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: w.quality.auth,
        payload: { boardUnitId: w.boardId, period: '2026' },
      });
      const id = res.json().id;
      const pdf = await other.app.inject({ method: 'GET', url: `/api/v1/reports/${id}.pdf`, headers: w.quality.auth });
      expect(pdf.statusCode).toBe(503);
      expect(pdf.json().message).toMatch(/PDF kan inte skapas/);
      const docx = await other.app.inject({ method: 'GET', url: `/api/v1/reports/${id}.docx`, headers: w.quality.auth });
      expect(docx.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(docx.rawPayload);
      expect((await zip.file('word/document.xml')?.async('string')) ?? '').toContain('<w:tblHeader/>');
      expect((await other.app.inject({ method: 'GET', url: `/api/v1/reports/${id}.xlsx`, headers: w.quality.auth })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

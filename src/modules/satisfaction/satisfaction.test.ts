// The JSON API and pages of satisfaction on a real database: NKI from answers, stored results and
// the minimum, import with column mapping (CSV and XLSX; errors name row and column; all or
// nothing; the mapping remembered), surveys with single-use invitations, results and CSV, the
// goals model's `nki` and `survey` sources, and the public summary.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, createTestContext, createTestTenant, createTestUser, form, type TestContext } from '../../../test/helpers.ts';
import { goalsWorld } from '../goals/goals.fixtures.ts';
import { satisfactionSummary } from './index.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function world() {
  const tt = await createTestTenant(t.db);
  const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
  const reader = await createTestUser(t.db, tt, [{ role: 'reader' }]);
  const officer = await createTestUser(t.db, tt, [{ role: 'officer' }]);
  return { tt, quality, reader, officer };
}

const api = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('POST /api/v1/satisfaction/insikt/answers', () => {
  it('computes NKI from the three answers (blanks left out) and stores it; below 7 answers nki, rounded and grade are null', async () => {
    const w = await world();
    const few = await api('POST', '/api/v1/satisfaction/insikt/answers', w.quality.auth, {
      year: 2026,
      area: 'bygglov',
      answers: [
        [8, 9, 7],
        [10, null, 9],
      ],
    });
    expect(few.statusCode, few.body).toBe(201);
    expect(few.json()).toEqual({ year: 2026, area: 'bygglov', n: 2, nki: null, rounded: null, grade: null });

    const answers = [...Array.from({ length: 6 }, () => [8, 8, 8]), [10, null, 10], [null, null, null]];
    const res = await api('POST', '/api/v1/satisfaction/insikt/answers', w.quality.auth, { year: 2026, area: 'bygglov', answers });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    // Q1 and Q3: (6×8 + 10)/7 → (58/7 − 1)/9 × 100 = 80.95; Q2: 8 → 77.78. NKI = mean.
    expect(body).toMatchObject({ n: 7, rounded: 80, grade: 'very_high' });
    expect(body.nki).toBeCloseTo((80.952_38 * 2 + 77.777_78) / 3, 3);

    const stored = (await api('GET', '/api/v1/satisfaction/insikt?year=2026&area=bygglov', w.reader.auth)).json();
    expect(stored.results).toMatchObject([{ year: 2026, area: 'bygglov', n: 7, rounded: 80, grade: 'very_high', shown: true }]);
  });

  it('refuses bad input with Swedish field messages, other roles and anonymous callers', async () => {
    const w = await world();
    const bad = await api('POST', '/api/v1/satisfaction/insikt/answers', w.quality.auth, {
      year: 2026,
      area: 'bygglov',
      answers: [[11, 1, 1]],
    });
    expect(bad.statusCode).toBe(400);
    const unknownArea = await api('POST', '/api/v1/satisfaction/insikt/answers', w.quality.auth, {
      year: 2026,
      area: 'okant-omrade',
      answers: [],
    });
    expect(unknownArea.statusCode).toBe(400);
    expect(unknownArea.json().fields[0].message).toMatch(/Området "okant-omrade" finns inte/);
    expect(
      (await api('POST', '/api/v1/satisfaction/insikt/answers', w.officer.auth, { year: 2026, area: 'bygglov', answers: [] })).statusCode,
    ).toBe(403);
    expect((await api('POST', '/api/v1/satisfaction/insikt/answers', {}, { year: 2026, area: 'bygglov', answers: [] })).statusCode).toBe(
      401,
    );
  });

  it('a tenant’s own area code and minimum; the trend against the previous year', async () => {
    const w = await world();
    expect((await api('POST', '/api/v1/satisfaction/areas', w.quality.auth, { code: 'lantmateri', name: 'Lantmäteri' })).statusCode).toBe(
      201,
    );
    expect((await api('POST', '/api/v1/satisfaction/areas', w.quality.auth, { code: 'lantmateri', name: 'Lantmäteri' })).statusCode).toBe(
      409,
    );
    expect((await api('PUT', '/api/v1/satisfaction/settings', w.quality.auth, { minAnswers: 3 })).json()).toMatchObject({ minAnswers: 3 });
    for (const [year, n, nki] of [
      [2024, 3, 60],
      [2025, 3, 68.4],
    ]) {
      expect((await api('POST', '/api/v1/satisfaction/insikt', w.quality.auth, { year, area: 'lantmateri', n, nki })).statusCode).toBe(201);
    }
    const r = (await api('GET', '/api/v1/satisfaction/insikt?year=2025', w.reader.auth)).json();
    expect(r.results).toMatchObject([{ area: 'lantmateri', areaName: 'Lantmäteri', rounded: 68, grade: 'pass', trend: 8 }]);
    expect(
      (await api('PUT', '/api/v1/satisfaction/settings', w.quality.auth, { bands: { veryHigh: 70, high: 60, pass: 50, low: 40 } }))
        .statusCode,
    ).toBe(200);
    expect((await api('GET', '/api/v1/satisfaction/insikt?year=2025', w.reader.auth)).json().results[0].grade).toBe('high');
    const falling = await api('PUT', '/api/v1/satisfaction/settings', w.quality.auth, {
      bands: { veryHigh: 70, high: 75, pass: 50, low: 40 },
    });
    expect(falling.statusCode).toBe(400);
  });
});

const CSV_2024 = [
  'Myndighetsområde;År;Antal svar;NKI;Bemötande;Svarsfrekvens',
  'Bygglov;2024;120;66,4;72;41',
  'Miljö- och hälsoskydd;2024;60;73;79;38',
  'Livsmedelskontroll;2024;5;80;85;30',
].join('\n');

describe('Insikt import', () => {
  it('recognises headers, names row and column of each error, stores nothing while any row is wrong', async () => {
    const w = await world();
    const wrong = CSV_2024.replace('Miljö- och hälsoskydd;2024;60;73', 'Miljö- och hälsoskydd;2024;sextio;173');
    const res = await api('POST', '/api/v1/satisfaction/insikt/import', w.quality.auth, { format: 'csv', data: wrong });
    expect(res.statusCode).toBe(400);
    const messages = res.json().fields.map((f: { message: string }) => f.message);
    expect(messages).toContain('Rad 3, kolumn "Antal svar": ange antal svar som ett heltal 0 eller större.');
    expect(messages).toContain('Rad 3, kolumn "NKI": "173" är inte ett tal 0–100.');
    expect((await api('GET', '/api/v1/satisfaction/insikt?year=2024', w.reader.auth)).json().results).toEqual([]);

    const ok = await api('POST', '/api/v1/satisfaction/insikt/import', w.quality.auth, { format: 'csv', data: CSV_2024 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ stored: 3, mapping: { area: 'Myndighetsområde', year: 'År', n: 'Antal svar', nki: 'NKI' } });
    const results = (await api('GET', '/api/v1/satisfaction/insikt?year=2024', w.reader.auth)).json().results;
    expect(results.map((r: { area: string; rounded: number | null; shown: boolean }) => [r.area, r.rounded, r.shown])).toEqual([
      ['bygglov', 66, true],
      ['livsmedelskontroll', null, false],
      ['miljo-och-halsoskydd', 73, true],
    ]);
    // Below the minimum, every index is hidden: only n.
    const food = results.find((r: { area: string }) => r.area === 'livsmedelskontroll');
    expect(food).toMatchObject({ n: 5, nki: null, factors: { bemotande: null }, grade: null });
  });

  it('an XLSX file with other headers: the mapping chosen at upload is remembered for the next file', async () => {
    const w = await world();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Resultat');
    sheet.addRow(['Område (SKR)', 'Mätår', 'Svar totalt', 'Index NKI']);
    sheet.addRow(['Serveringstillstånd', 2025, 30, 74.6]);
    sheet.addRow(['Totalt', 2025, 400, 71.2]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const mapping = { area: 'Område (SKR)', year: 'Mätår', n: 'Svar totalt', nki: 'Index NKI' };
    const preview = await api('POST', '/api/v1/satisfaction/insikt/import', w.quality.auth, { format: 'xlsx', data, preview: true });
    expect(preview.json()).toMatchObject({ stored: 0, headers: ['Område (SKR)', 'Mätår', 'Svar totalt', 'Index NKI'] });
    const missing = await api('POST', '/api/v1/satisfaction/insikt/import', w.quality.auth, { format: 'xlsx', data });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { field: string }) => f.field)).toContain('mapping.n');
    const res = await api('POST', '/api/v1/satisfaction/insikt/import', w.quality.auth, { format: 'xlsx', data, mapping });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stored).toBe(2);
    // Next year's file, same headers, no mapping sent: the remembered one is used.
    const csv = ['Område (SKR);Mätår;Svar totalt;Index NKI', 'Serveringstillstånd;2026;31;76'].join('\n');
    const next = await api('POST', '/api/v1/satisfaction/insikt/import', w.quality.auth, { format: 'csv', data: csv });
    expect(next.statusCode, next.body).toBe(200);
    const total = await satisfactionSummary(t.db, w.tt.tenant.id, 2025);
    expect(total).toEqual({ year: 2025, nki: 71, grade: 'high', trend: null, n: 400, generated: false });
    expect(await satisfactionSummary(t.db, w.tt.tenant.id, 2030)).toBeNull();
    const broken = await api('POST', '/api/v1/satisfaction/insikt/import', w.quality.auth, { format: 'xlsx', data: 'aGVq' });
    expect(broken.statusCode).toBe(400);
  });

  it('raw answers: every area and the total weighted by answers over the mandatory areas', async () => {
    const w = await world();
    const respondents = [
      ...Array.from({ length: 7 }, () => ({ area: 'bygglov', nki: [1, 1, 1], factors: { bemotande: 10 } })),
      ...Array.from({ length: 21 }, () => ({ area: 'livsmedelskontroll', nki: [10, 10, 10] })),
      ...Array.from({ length: 7 }, () => ({ area: 'brandskydd', nki: [1, 1, 1] })),
    ];
    const res = await api('POST', '/api/v1/satisfaction/insikt/raw', w.quality.auth, { year: 2025, respondents });
    expect(res.statusCode, res.body).toBe(201);
    const total = res.json().results.find((r: { area: string }) => r.area === 'total');
    expect(total).toMatchObject({ n: 28, nki: 75, rounded: 75, grade: 'high' });
    expect(total.factors.bemotande).toBe(100);
  });
});

describe('surveys', () => {
  async function survey(w: Awaited<ReturnType<typeof world>>) {
    const created = await api('POST', '/api/v1/surveys', w.quality.auth, {
      title: 'Kontaktcenter',
      titleEn: 'Contact centre',
      questions: [
        { type: 'scale5', text: 'Hur nöjd är du?', textEn: 'How satisfied are you?', required: true },
        { type: 'scale10', text: 'Hur engagerad var medarbetaren?' },
        { type: 'choice', text: 'Kanal?', options: [{ sv: 'Telefon' }, { sv: 'E-post' }] },
        { type: 'text', text: 'Vad kan bli bättre?' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const got = (await api('GET', `/api/v1/surveys/${id}`, w.reader.auth)).json();
    return { id, questions: got.questions as { id: string; type: string }[], openPath: got.openPath as string };
  }

  it('an invitation token answers once: the second answer is a 409 that says so', async () => {
    const w = await world();
    const s = await survey(w);
    const inv = await api('POST', `/api/v1/surveys/${s.id}/invitations`, w.quality.auth, { count: 2 });
    expect(inv.statusCode).toBe(201);
    const [token] = inv.json().tokens;
    const answer = { answers: [{ questionId: s.questions[0].id, value: 4 }] };
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${token}/answers`, payload: answer });
    expect(first.statusCode, first.body).toBe(201);
    const second = await t.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${token}/answers`, payload: answer });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe('Enkäten är redan besvarad med den här länken. Varje inbjudan ger ett svar.');
    // Concurrent answers with one token: exactly one stored.
    const [, other] = inv.json().tokens;
    const both = await Promise.all(
      [1, 2, 3].map(() => t.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${other}/answers`, payload: answer })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await api('GET', `/api/v1/surveys/${s.id}`, w.reader.auth)).json()).toMatchObject({
      responses: 2,
      invitations: { total: 2, answered: 2 },
    });
    const required = await t.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${'i'.repeat(30)}/answers`, payload: answer });
    expect(required.statusCode).toBe(404);
  });

  it('answers are checked per question; results hidden below the minimum, then distribution, index, free text and CSV', async () => {
    const w = await world();
    const s = await survey(w);
    const openToken = s.openPath.split('/').pop() as string;
    const post = (answers: { questionId: string; value: unknown }[]) =>
      t.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${openToken}/answers`, payload: { answers } });
    const [q5, q10, choice, text] = s.questions.map((q) => q.id);
    const missing = await post([{ questionId: q10, value: 3 }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual([{ field: `q-${q5}`, message: 'Svara på frågan – den är obligatorisk.' }]);
    expect((await post([{ questionId: q5, value: 6 }])).statusCode).toBe(400);
    expect(
      (
        await post([
          { questionId: q5, value: 3 },
          { questionId: choice, value: 2 },
        ])
      ).statusCode,
    ).toBe(400);
    for (let i = 0; i < 6; i += 1)
      expect(
        (
          await post([
            { questionId: q5, value: 5 },
            { questionId: q10, value: 10 },
          ])
        ).statusCode,
      ).toBe(201);
    const hidden = (await api('GET', `/api/v1/surveys/${s.id}/results`, w.reader.auth)).json();
    expect(hidden.questions[0]).toMatchObject({ n: 6, shown: false, index: null, distribution: [] });
    await post([
      { questionId: q5, value: 1 },
      { questionId: q10, value: 1 },
      { questionId: choice, value: 1 },
      { questionId: text, value: '=HYPERLINK("x")' },
    ]);
    const r = (await api('GET', `/api/v1/surveys/${s.id}/results`, w.reader.auth)).json();
    // 1–5: six 5s (100) and one 1 (0) → 600/7; 1–10 likewise.
    expect(r.questions[0]).toMatchObject({ n: 7, shown: true });
    expect(r.questions[0].index).toBeCloseTo(600 / 7, 6);
    expect(r.questions[0].distribution.map((d: { count: number }) => d.count)).toEqual([1, 0, 0, 0, 6]);
    expect(r.questions[1].index).toBeCloseTo(600 / 7, 6);
    expect(r.questions[2]).toMatchObject({ n: 1, shown: false });
    const csv = await api('GET', `/api/v1/surveys/${s.id}/results?format=csv`, w.reader.auth);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Hur nöjd är du?,Skala 1–5,7,85.7,5,6');
    expect(csv.body).toContain('Kanal?,Ett val av flera,1,för få svar');
    expect(csv.body).not.toContain('HYPERLINK');
  });

  it('the survey question and the NKI total feed indicators of the goals model', async () => {
    const g = await goalsWorld(t.db);
    const quality = g.quality;
    const created = await api('POST', '/api/v1/surveys', quality.auth, {
      title: 'Nöjdhet',
      questions: [{ type: 'scale5', text: 'Nöjd?', required: true }],
    });
    const surveyId = created.json().id;
    const questionId = (await api('GET', `/api/v1/surveys/${surveyId}`, quality.auth)).json().questions[0].id;
    const open = (await api('GET', `/api/v1/surveys/${surveyId}`, quality.auth)).json().openPath.split('/').pop();
    // Answers stored on fixed dates in 2025 (the API stamps "now"; the source counts by answer date).
    const { submitAnswers } = await import('./surveys.service.ts');
    for (let i = 0; i < 7; i += 1) {
      await submitAnswers(t.db, open, [{ questionId, value: i < 4 ? 5 : 3 }], 'sv', {
        submittedAt: new Date(`2025-0${i + 1}-10T10:00:00Z`),
      });
    }
    await api('POST', '/api/v1/satisfaction/insikt', quality.auth, { year: 2025, area: 'total', n: 300, nki: 72.6, bemotandeQuestion: 81 });
    const indicator = async (source: Record<string, unknown>) => {
      const res = await api('POST', '/api/v1/indicators', quality.auth, {
        title: `Indikator ${source.type}`,
        unit: 'index',
        direction: 'higher',
        decimals: 0,
        ownerUnitId: g.unitId,
        level: 'KF',
        source,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id;
      await api('PUT', `/api/v1/indicators/${id}/values`, quality.auth, [{ period: '2025', kind: 'target', value: 75 }]);
      const detail = (await api('GET', `/api/v1/indicators/${id}`, quality.auth)).json();
      return detail.values.find((v: { period: string; kind: string }) => v.period === '2025' && v.kind === 'outcome');
    };
    expect(await indicator({ type: 'survey', questionId })).toMatchObject({ value: (4 * 100 + 3 * 50) / 7, computed: true });
    expect(await indicator({ type: 'nki', area: 'total' })).toMatchObject({ value: 72.6, computed: true });
    expect(await indicator({ type: 'nki', area: 'total', measure: 'bemotande_question' })).toMatchObject({ value: 81 });
    const wrong = await api('POST', '/api/v1/indicators', quality.auth, {
      title: 'Fel',
      unit: 'index',
      direction: 'higher',
      decimals: 0,
      ownerUnitId: g.unitId,
      level: 'KF',
      source: { type: 'nki', area: 'finns-inte' },
    });
    expect(wrong.statusCode).toBe(400);
  });
});

describe('public pages', () => {
  it('the survey answer page takes an answer by form without JavaScript (sv/en), then thanks', async () => {
    const w = await world();
    const created = await api('POST', '/api/v1/surveys', w.quality.auth, {
      title: 'Kontaktcenter',
      titleEn: 'Contact centre',
      questions: [{ type: 'scale5', text: 'Hur nöjd är du?', textEn: 'How satisfied are you?', required: true }],
    });
    const got = (await api('GET', `/api/v1/surveys/${created.json().id}`, w.reader.auth)).json();
    const page = await t.app.inject({ method: 'GET', url: `${got.openPath}?lang=en` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('How satisfied are you?');
    expect(page.body).not.toContain('<script');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = cookieHeader(page.cookies);
    const field = `q-${got.questions[0].id}`;
    const send = (values: Record<string, string>) => {
      const { payload, ...type } = form({ _csrf: csrf, ...values });
      return t.app.inject({ method: 'POST', url: `${got.openPath}?lang=en`, headers: { cookie, ...type }, payload });
    };
    const empty = await send({});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Answer the question – it is required.');
    const ok = await send({ [field]: '4' });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(`/${w.tt.tenant.slug}/enkat/tack?lang=en`);
  });

  it('/:tenant/nojdhet shows results per area with grade, and "för få svar" below the minimum', async () => {
    const w = await world();
    await api('POST', '/api/v1/satisfaction/insikt', w.quality.auth, { year: 2025, area: 'bygglov', n: 40, nki: 69.5 });
    await api('POST', '/api/v1/satisfaction/insikt', w.quality.auth, { year: 2025, area: 'brandskydd', n: 4, nki: 90 });
    const page = await t.app.inject({ method: 'GET', url: `/${w.tt.tenant.slug}/nojdhet` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bygglov');
    expect(page.body).toContain('Högt');
    expect(page.body).toContain('för få svar');
    expect(page.body).not.toContain('>90<');
  });
});

describe('OpenAPI', () => {
  it('documents the satisfaction routes, and the goals API takes the nki, survey and after_contact sources', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of [
      '/api/v1/satisfaction/insikt',
      '/api/v1/satisfaction/insikt/answers',
      '/api/v1/satisfaction/insikt/import',
      '/api/v1/surveys',
      '/api/v1/surveys/{id}/invitations',
      '/api/v1/public/surveys/{token}/answers',
    ])
      expect(doc.paths[path], path).toBeDefined();
    const indicatorBody = JSON.stringify(doc.paths['/api/v1/indicators'].post.requestBody);
    for (const kind of ['"nki"', '"survey"', '"after_contact"']) expect(indicatorBody).toContain(kind);
  });
});

describe('the reports’ Nöjdhet section', () => {
  it('shows the latest full year’s NKI per area with grade, and "för få svar" below the minimum', async () => {
    const { buildSections } = await import('../reports/report.sections.ts');
    const w = await world();
    const empty = await buildSections(w.quality.actor, { boardUnitId: w.tt.rootId, period: '2026-D2' }, { db: t.db, today: '2026-09-01' });
    expect(empty.find((s) => s.id === 'satisfaction')?.paragraphs[0]).toContain('inga resultat');

    const seven = Array.from({ length: 7 }, () => [8, 8, 8]);
    for (const [area, answers] of [
      ['bygglov', seven],
      ['livsmedelskontroll', [[9, 9, 9]]],
    ] as const) {
      const res = await api('POST', '/api/v1/satisfaction/insikt/answers', w.quality.auth, { year: 2025, area, answers });
      expect(res.statusCode, res.body).toBe(201);
    }
    // An interim report of 2026 shows 2025, the latest year Insikt has published.
    const sections = await buildSections(
      w.quality.actor,
      { boardUnitId: w.tt.rootId, period: '2026-D2' },
      { db: t.db, today: '2026-09-01' },
    );
    const table = sections.find((s) => s.id === 'satisfaction')?.tables[0];
    expect(table?.caption).toBe('NKI 2025 per område');
    const bygglov = table?.rows.find((r) => r[0] === 'Bygglov');
    expect(bygglov?.slice(1, 3)).toEqual([78, 'Högt']);
    const few = table?.rows.find((r) => r[0] === 'Livsmedelskontroll');
    expect(few?.slice(1, 3)).toEqual([null, 'För få svar']);
  });
});

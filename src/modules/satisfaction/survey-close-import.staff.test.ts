// Satisfaction leftovers: closing a survey (staff button and API; a closed survey refuses answers
// in sv/fi/en, its answers stay) and uploading the Insikt export as an XLSX or CSV file on the
// staff import page, through the same two steps as pasted CSV.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, formToken, loginCookies, type TestContext } from '../../../test/helpers.ts';
import { multipartBody } from '../../../test/multipart.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 180_000);
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NO_FILE = { field: 'file', filename: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) };

async function world() {
  const tt = await createTestTenant(t.db);
  const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
  const reader = await createTestUser(t.db, tt, [{ role: 'reader' }]);
  const cookie = await loginCookies(t.app, tt.tenant.slug, quality.email, quality.password);
  return { tt, quality, reader, cookie };
}
type World = Awaited<ReturnType<typeof world>>;

async function createSurvey(w: World) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/surveys',
    headers: w.quality.auth,
    payload: { title: 'Kontaktcenter', questions: [{ type: 'scale5', text: 'Hur nöjd är du?', required: true }] },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const got = (await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${id}`, headers: w.quality.auth })).json();
  return { id, questionId: got.questions[0].id as string, openPath: got.openPath as string };
}

/** Opens the answer form (its CSRF token), and returns the function that posts an answer with it. */
async function answerForm(path: string, questionId: string, lang = 'sv') {
  const { csrf, cookie } = await formToken(t.app, `${path}?lang=${lang}`, '');
  return () =>
    t.app.inject({
      method: 'POST',
      url: `${path}?lang=${lang}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, [`q-${questionId}`]: '4' }).toString(),
    });
}

describe('closing a survey', () => {
  it('the staff button closes it: the open link and unused invitations refuse answers in sv/fi/en; the answers stay', async () => {
    const w = await world();
    const s = await createSurvey(w);
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${s.id}/invitations`,
      headers: w.quality.auth,
      payload: { count: 1 },
    });
    const token = invited.json().tokens[0] as string;
    const answer = await answerForm(s.openPath, s.questionId);
    expect((await answer()).statusCode).toBe(303);

    const detail = `/staff/surveys/${s.id}`;
    const page = await t.app.inject({ method: 'GET', url: detail, headers: { cookie: w.cookie } });
    expect(page.body).toContain('Öppen för svar.');
    expect(page.body).toContain(`action="/staff/surveys/${s.id}/close"`);
    const { csrf, cookie } = await formToken(t.app, detail, w.cookie);
    const close = () =>
      t.app.inject({
        method: 'POST',
        url: `/staff/surveys/${s.id}/close`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf }).toString(),
      });
    const closed = await close();
    expect(closed.statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: detail, headers: { cookie } });
    expect(after.body).toContain('Enkäten är stängd. Den tar inte emot fler svar.');
    expect(after.body).toContain('Stängd: tar inte emot fler svar.');
    expect(after.body).not.toContain(`action="/staff/surveys/${s.id}/close"`);
    expect(after.body).toContain('1 svar.');

    for (const [lang, text] of [
      ['sv', 'Enkäten är stängd och tar inte emot fler svar.'],
      ['fi', 'Kysely on suljettu eikä ota vastaan enempää vastauksia.'],
      ['en', 'The survey is closed and takes no more answers.'],
    ]) {
      const shown = await t.app.inject({ method: 'GET', url: `${s.openPath}?lang=${lang}` });
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain(text);
      expect(shown.body).not.toContain('<form method="post"');
    }
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${token}/answers?lang=en`,
      payload: { answers: [{ questionId: s.questionId, value: 5 }] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('The survey is closed and takes no more answers.');
    const results = (await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${s.id}`, headers: w.reader.auth })).json();
    expect(results).toMatchObject({ closed: true, responses: 1 });
    // Closing again changes nothing and says so.
    expect((await close()).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: detail, headers: { cookie } })).body).toContain('Enkäten var redan stängd.');
  });

  it('POST /api/v1/surveys/:id/close: quality closes (then already closed), a reader gets 403, another tenant 404', async () => {
    const w = await world();
    const s = await createSurvey(w);
    const answerInFinnish = await answerForm(s.openPath, s.questionId, 'fi');
    const close = (auth: Record<string, string>, id = s.id) =>
      t.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/close`, headers: auth });
    expect((await close(w.reader.auth)).statusCode).toBe(403);
    const other = await world();
    expect((await close(other.quality.auth)).statusCode).toBe(404);
    expect((await close(w.quality.auth, 'inte-ett-id')).statusCode).toBe(400);
    const first = await close(w.quality.auth);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ id: s.id, closed: true, alreadyClosed: false });
    expect((await close(w.quality.auth)).json()).toEqual({ id: s.id, closed: true, alreadyClosed: true });
    const open = await answerInFinnish();
    expect(open.statusCode).toBe(409);
    expect(open.body).toContain('Kysely on suljettu eikä ota vastaan enempää vastauksia.');
    // A reader sees no close button.
    const readerCookie = await loginCookies(t.app, w.tt.tenant.slug, w.reader.email, w.reader.password);
    const other2 = await createSurvey(w);
    const page = await t.app.inject({ method: 'GET', url: `/staff/surveys/${other2.id}`, headers: { cookie: readerCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/close"');
  });
});

describe('the Insikt import page takes a file', () => {
  async function upload(w: World, fields: Record<string, string>, file: { field: string; filename: string; type: string; bytes: Buffer }) {
    const { csrf, cookie } = await formToken(t.app, '/staff/satisfaction/import', w.cookie);
    const { headers, payload } = multipartBody({ _csrf: csrf, ...fields }, file);
    return t.app.inject({ method: 'POST', url: '/staff/satisfaction/import', headers: { ...headers, cookie }, payload });
  }

  it('an XLSX file: columns read, then mapped and imported with the file carried to the second step', async () => {
    const w = await world();
    const page = await t.app.inject({ method: 'GET', url: '/staff/satisfaction/import', headers: { cookie: w.cookie } });
    expect(page.body).toContain('enctype="multipart/form-data"');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Resultat');
    sheet.addRow(['Område (SKR)', 'Mätår', 'Svar totalt', 'Index NKI']);
    sheet.addRow(['Bygglov', 2025, 40, 70.4]);
    sheet.addRow(['Livsmedelskontroll', 2025, 30, 78]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await upload(w, { step: 'preview', data: '' }, { field: 'file', filename: 'insikt.xlsx', type: XLSX, bytes });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).toContain('Vilken kolumn innehåller vad?');
    expect(preview.body).toContain('<option value="Svar totalt">Svar totalt</option>');
    const hidden = /name="xlsx" value="([^"]+)"/.exec(preview.body)?.[1] ?? '';
    expect(Buffer.from(hidden, 'base64').equals(bytes)).toBe(true);

    const mapping = { 'mapping.area': 'Område (SKR)', 'mapping.year': 'Mätår', 'mapping.n': 'Svar totalt', 'mapping.nki': 'Index NKI' };
    const ok = await upload(w, { step: 'import', data: '', xlsx: hidden, ...mapping }, NO_FILE);
    expect(ok.statusCode, ok.body).toBe(303);
    const results = await t.app.inject({ method: 'GET', url: '/staff/satisfaction', headers: { cookie: w.cookie } });
    expect(results.body).toContain('2 resultat har importerats');
  });

  it('a CSV file is read like pasted text; an unreadable XLSX or a file over 5 MB is shown at the file input', async () => {
    const w = await world();
    const csv = Buffer.from('\uFEFFOmråde;Mätår;Svar;Index\nBygglov;2025;40;70,4\n');
    const preview = await upload(w, { step: 'preview', data: '' }, { field: 'file', filename: 'insikt.csv', type: 'text/csv', bytes: csv });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).toContain('<option value="Mätår">Mätår</option>');
    expect(preview.body).toContain('Bygglov;2025;40;70,4');

    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('inte en arbetsbok')]);
    const bad = await upload(w, { step: 'preview', data: '' }, { field: 'file', filename: 'trasig.xlsx', type: XLSX, bytes: broken });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#file"');
    expect(bad.body).toContain('Filen går inte att läsa som XLSX.');

    const big = await upload(
      w,
      { step: 'preview', data: '' },
      { field: 'file', filename: 'stor.csv', type: 'text/csv', bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') },
    );
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('Filen är större än 5 MB.');

    const nothing = await upload(w, { step: 'preview', data: '' }, NO_FILE);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('class="error-summary"');
  });
});

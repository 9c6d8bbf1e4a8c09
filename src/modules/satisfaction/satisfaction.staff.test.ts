// The staff pages by form, as a browser without JavaScript posts them: the import's two steps
// (read the columns, then map and import), the survey builder, invitations shown once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
} from '../../../test/helpers.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function staff() {
  const tt = await createTestTenant(t.db);
  const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
  const cookie = await loginCookies(t.app, tt.tenant.slug, quality.email, quality.password);
  const { csrf, cookie: jar } = await formToken(t.app, '/staff/satisfaction/import', cookie);
  const post = (url: string, values: Record<string, string>) => {
    const { payload, ...type } = form({ _csrf: csrf, ...values });
    return t.app.inject({ method: 'POST', url, headers: { cookie: jar, ...type }, payload });
  };
  return { tt, quality, post, get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: jar } }) };
}

describe('staff pages', () => {
  it('import: the columns are read and offered, the chosen mapping imports and is remembered', async () => {
    const s = await staff();
    const data = ['Område;Mätår;Svar;Index', 'Bygglov;2025;40;70,4', 'Livsmedelskontroll;2025;30;78'].join('\n');
    const preview = await s.post('/staff/satisfaction/import', { data, step: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Vilken kolumn innehåller vad?');
    expect(preview.body).toContain('<option value="Mätår">Mätår</option>');
    const wrong = await s.post('/staff/satisfaction/import', { data, step: 'import', 'mapping.area': 'Område', 'mapping.year': 'Mätår' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Välj vilken kolumn som innehåller antal svar.');
    const ok = await s.post('/staff/satisfaction/import', {
      data,
      step: 'import',
      'mapping.area': 'Område',
      'mapping.year': 'Mätår',
      'mapping.n': 'Svar',
      'mapping.nki': 'Index',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    const page = await s.get('/staff/satisfaction');
    expect(page.body).toContain('2 resultat har importerats');
    expect(page.body).toContain('Högt');
    // Next time the remembered mapping is preselected.
    const again = await s.post('/staff/satisfaction/import', { data, step: 'preview' });
    expect(again.body).toContain('<option value="Svar" selected>Svar</option>');
  });

  it('survey builder: empty question rows are skipped; invitation links are shown once', async () => {
    const s = await staff();
    const created = await s.post('/staff/surveys/new', {
      title: 'Bibliotekets enkät',
      openLink: 'yes',
      'questions.0.type': 'scale10',
      'questions.0.text': 'Hur nöjd är du?',
      'questions.0.required': 'yes',
      'questions.1.type': 'choice',
      'questions.1.text': 'Hur ofta besöker du oss?',
      'questions.1.options': 'Varje vecka\nVarje månad\nMer sällan',
      'questions.2.type': 'scale5',
      'questions.2.text': '',
    });
    expect(created.statusCode, created.body).toBe(303);
    const url = created.headers.location as string;
    const detail = await s.get(url);
    expect(detail.body).toContain('1. Hur nöjd är du?');
    expect(detail.body).toContain('2. Hur ofta besöker du oss?');
    expect(detail.body).not.toContain('3. ');
    // The open link is shown on every visit; its random token may itself begin with "i".
    const openLinks = new Set(detail.body.match(/\/enkat\/[A-Za-z0-9_-]+/g));
    expect(openLinks.size).toBe(1);
    const invitationLinks = (body: string) => (body.match(/\/enkat\/i[A-Za-z0-9_-]+/g) ?? []).filter((l) => !openLinks.has(l));
    const invited = await s.post(`${url}/invitations`, { count: '3' });
    expect(invited.statusCode).toBe(200);
    expect(invitationLinks(invited.body)).toHaveLength(3);
    expect(invitationLinks((await s.get(url)).body)).toHaveLength(0);
    const badChoice = await s.post('/staff/surveys/new', { title: 'X', 'questions.0.type': 'choice', 'questions.0.text': 'Val?' });
    expect(badChoice.statusCode).toBe(400);
    expect(badChoice.body).toContain('Fråga 1: ett val av flera behöver minst två svarsalternativ.');
  });
});

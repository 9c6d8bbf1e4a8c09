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
import { caseFixture, question } from './cases.fixtures.ts';
import { createCase } from './cases.service.ts';
import { findCategoryByCode } from './categories.service.ts';
import {
  createResponseTemplate,
  deactivateResponseTemplate,
  fillTemplate,
  templatesForCase,
  updateResponseTemplate,
} from './response-templates.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const HREF = '/staff/response-templates';

async function setup(name = 'Mallby kommun') {
  const tenant = await createTestTenant(t.db, name);
  const f = await caseFixture(t.db, tenant);
  const officer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: f.unitA }]);
  const quality = await createTestUser(t.db, tenant, [{ role: 'quality' }]);
  const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  const login = (u: { email: string; password: string }) => loginCookies(t.app, tenant.tenant.slug, u.email, u.password);
  const catA = await findCategoryByCode(t.db, tenant.tenant.id, 'cat-a');
  const catB = await findCategoryByCode(t.db, tenant.tenant.id, 'cat-b');
  if (!catA || !catB) throw new Error('fixture categories missing');
  return { tenant, f, officer, quality, admin, login, catA, catB };
}

async function submit(url: string, page: string, cookie: string, values: Record<string, string>) {
  const { csrf, cookie: jar } = await formToken(t.app, page, cookie);
  const body = form({ _csrf: csrf, ...values });
  return t.app.inject({ method: 'POST', url, headers: { cookie: jar, 'content-type': body['content-type'] }, payload: body.payload });
}

const templatesOf = (tenantId: string) =>
  t.db.selectFrom('response_templates').selectAll().where('tenant_id', '=', tenantId).orderBy('title').execute();

/** The text of a textarea, as the browser would show it (entities decoded). */
function textarea(html: string, id: string): string | undefined {
  const m = html.match(new RegExp(`<textarea id="${id}"[^>]*>([^<]*)</textarea>`));
  return m?.[1];
}

describe('response templates: admin pages', () => {
  it('admin and quality create, edit and deactivate through the forms; every change is audited', async () => {
    const { tenant, admin, quality, login, catA } = await setup();
    const cookie = await login(admin);

    const empty = await t.app.inject({ method: 'GET', url: HREF, headers: { cookie } });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<h1>Svarsmallar</h1>');
    expect(empty.body).toContain('href="/staff/response-templates"');
    expect(empty.body).toContain('Det finns inga svarsmallar ännu.');

    const created = await submit(HREF, HREF, cookie, { title: 'Tack', body: 'Tack för ditt ärende {ärendenummer}.', categoryId: catA.id });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(HREF);
    const [row] = await templatesOf(tenant.tenant.id);
    expect(row).toMatchObject({ title: 'Tack', body: 'Tack för ditt ärende {ärendenummer}.', category_id: catA.id, active: true });

    const list = await t.app.inject({ method: 'GET', url: HREF, headers: { cookie } });
    expect(list.body).toContain('Mallen ”Tack” har lagts till.');
    expect(list.body).toContain(`<a href="${HREF}/${row.id}">Tack</a>`);
    expect(list.body).toContain('<td>Kategori A</td>');

    // Quality edits it: for every category now.
    const qCookie = await login(quality);
    const edit = await t.app.inject({ method: 'GET', url: `${HREF}/${row.id}`, headers: { cookie: qCookie } });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('<h1>Ändra Tack</h1>');
    const saved = await submit(`${HREF}/${row.id}`, `${HREF}/${row.id}`, qCookie, {
      title: 'Tack för kontakten',
      body: 'Ny text',
      categoryId: '',
      active: 'yes',
    });
    expect(saved.statusCode).toBe(303);
    expect((await templatesOf(tenant.tenant.id))[0]).toMatchObject({
      title: 'Tack för kontakten',
      body: 'Ny text',
      category_id: null,
      active: true,
    });

    const off = await submit(`${HREF}/${row.id}/deactivate`, `${HREF}/${row.id}`, qCookie, {});
    expect(off.statusCode).toBe(303);
    expect((await templatesOf(tenant.tenant.id))[0].active).toBe(false);
    const afterOff = await t.app.inject({ method: 'GET', url: `${HREF}/${row.id}`, headers: { cookie: qCookie } });
    expect(afterOff.body).not.toContain('/deactivate');

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity', '=', 'response_template')
      .where('entity_id', '=', row.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'deactivate', 'update']);
    expect(audit.find((a) => a.action === 'create')?.actor_user_id).toBe(admin.id);
    expect(audit.find((a) => a.action === 'deactivate')?.actor_user_id).toBe(quality.id);
  });

  it('an officer gets 403 on the pages and from the service, and the menu does not offer them', async () => {
    const { tenant, officer, admin, login } = await setup();
    const tpl = await createResponseTemplate(admin.actor, { title: 'Mall', body: 'Text' }, { db: t.db });
    const cookie = await login(officer);
    const page = await t.app.inject({ method: 'GET', url: HREF, headers: { cookie } });
    expect(page.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${HREF}/${tpl.id}`, headers: { cookie } })).statusCode).toBe(403);
    const inbox = await t.app.inject({ method: 'GET', url: '/staff/cases', headers: { cookie } });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).not.toContain('Svarsmallar');
    const post = await submit(HREF, '/staff/cases', cookie, { title: 'X', body: 'Y', categoryId: '' });
    expect(post.statusCode).toBe(403);
    await expect(createResponseTemplate(officer.actor, { title: 'X', body: 'Y' }, { db: t.db })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(deactivateResponseTemplate(officer.actor, tpl.id, { db: t.db })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await templatesOf(tenant.tenant.id)).toHaveLength(1);
    expect((await templatesOf(tenant.tenant.id))[0].active).toBe(true);
  });

  it('validation: Swedish field messages, 400 with an error summary, input kept, nothing stored', async () => {
    const { tenant, admin, login } = await setup();
    const cookie = await login(admin);
    const bad = await submit(HREF, HREF, cookie, { title: '', body: 'Behålls <här>', categoryId: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ange en rubrik (1–100 tecken).');
    expect(bad.body).toContain('href="#title"');
    expect(textarea(bad.body, 'body')).toBe('Behålls &lt;här>');
    expect(await templatesOf(tenant.tenant.id)).toHaveLength(0);

    const long = await submit(HREF, HREF, cookie, { title: 'x'.repeat(101), body: 'y'.repeat(5001), categoryId: '' });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Ange en rubrik (1–100 tecken).');
    expect(long.body).toContain('Skriv mallens text (1–5000 tecken).');

    const blank = createResponseTemplate(admin.actor, { title: '   ', body: '  ' }, { db: t.db });
    await expect(blank).rejects.toMatchObject({
      code: 'validation',
      fields: [
        { field: 'title', message: 'Ange en rubrik (1–100 tecken).' },
        { field: 'body', message: 'Skriv mallens text (1–5000 tecken).' },
      ],
    });
    const edge = await createResponseTemplate(admin.actor, { title: 'x'.repeat(100), body: 'y'.repeat(5000) }, { db: t.db });
    expect(edge.title).toHaveLength(100);
    await expect(
      createResponseTemplate(admin.actor, { title: 'Mall', body: 'Text', categoryId: 'inte-ett-id' }, { db: t.db }),
    ).rejects.toMatchObject({ fields: [{ field: 'categoryId', message: 'Välj en kategori, eller alla kategorier.' }] });
    expect(await templatesOf(tenant.tenant.id)).toHaveLength(1);
  });

  it("another tenant's template is a 404, and its categories cannot be used", async () => {
    const a = await setup();
    const b = await setup('Annanby kommun');
    const foreign = await createResponseTemplate(b.admin.actor, { title: 'Hemlig', body: 'B:s text' }, { db: t.db });
    const cookie = await a.login(a.admin);
    const page = await t.app.inject({ method: 'GET', url: `${HREF}/${foreign.id}`, headers: { cookie } });
    expect(page.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: HREF, headers: { cookie } });
    expect(list.body).not.toContain('Hemlig');
    const post = await submit(`${HREF}/${foreign.id}`, HREF, cookie, { title: 'Kapad', body: 'X', categoryId: '', active: 'yes' });
    expect(post.statusCode).toBe(404);
    const off = await submit(`${HREF}/${foreign.id}/deactivate`, HREF, cookie, {});
    expect(off.statusCode).toBe(404);
    await expect(updateResponseTemplate(a.admin.actor, foreign.id, { title: 'Kapad', body: 'X' }, { db: t.db })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await templatesOf(b.tenant.tenant.id))[0]).toMatchObject({ title: 'Hemlig', active: true });

    const cross = await submit(HREF, HREF, cookie, { title: 'Mall', body: 'Text', categoryId: b.catA.id });
    expect(cross.statusCode).toBe(400);
    expect(cross.body).toContain('Kategorin finns inte.');
    expect(await templatesOf(a.tenant.tenant.id)).toHaveLength(0);
  });
});

/** Posts the answer form of a case with the given fields (a template insertion or a send). */
async function postAnswer(caseId: string, cookie: string, values: Record<string, string>) {
  return submit(`/staff/cases/${caseId}/events`, `/staff/cases/${caseId}`, cookie, values);
}

describe('response templates on the case page', () => {
  it('fillTemplate fills every placeholder Insyn knows, in the case language, and leaves the rest', () => {
    const c = {
      caseNumber: '2026-00001',
      tenantName: 'Ort',
      language: 'sv' as const,
      firstResponseDue: '2026-12-03',
      nextFeedbackDue: null,
      officerName: 'Anna Handläggare',
      unitName: 'Gatuenheten',
    };
    expect(
      fillTemplate(
        '{kommun}: {ärendenummer}, [ärendenummer] senast {svarsdatum}. {handläggare}, {Enhet}. {nästa återkoppling} {okänd} [datum]',
        c,
      ),
    ).toBe(
      'Ort: 2026-00001, 2026-00001 senast torsdag 3 december 2026. Anna Handläggare, Gatuenheten. {nästa återkoppling} {okänd} [datum]',
    );
    expect(fillTemplate('{svarsdatum}', { ...c, language: 'en' })).toBe('Thursday, 3 December 2026');
    expect(fillTemplate('{svarsdatum}', { ...c, language: 'fi' })).toBe('torstaina 3. joulukuuta 2026');
  });

  it('offers active templates of the case category and language; adding one keeps what was typed (no JavaScript needed)', async () => {
    const { tenant, officer, admin, login, catA, catB } = await setup();
    const db = { db: t.db };
    const c = (await createCase(admin.actor, question(), db)).case;
    const mine = await createResponseTemplate(
      admin.actor,
      { title: 'Svar om sophämtning', body: 'Ärende {ärendenummer} hos {kommun}: <b>tömning</b> & "mer".', categoryId: catA.id },
      db,
    );
    const all = await createResponseTemplate(admin.actor, { title: 'Allmänt tack', body: 'Tack från {kommun}.' }, db);
    const other = await createResponseTemplate(admin.actor, { title: 'Annan kategori', body: 'B', categoryId: catB.id }, db);
    const finnish = await createResponseTemplate(admin.actor, { title: 'Kiitos', body: 'Kiitos.', language: 'fi' }, db);
    const old = await createResponseTemplate(admin.actor, { title: 'Gammal mall', body: 'Gammal' }, db);
    await deactivateResponseTemplate(admin.actor, old.id, db);

    expect((await templatesForCase(t.db, tenant.tenant.id, { categoryId: catA.id, language: 'sv' })).map((x) => x.title)).toEqual([
      'Allmänt tack',
      'Svar om sophämtning',
    ]);
    expect((await templatesForCase(t.db, tenant.tenant.id, { categoryId: catA.id, language: 'fi' })).map((x) => x.id)).toEqual([
      finnish.id,
    ]);

    const cookie = await login(officer);
    const page = await t.app.inject({ method: 'GET', url: `/staff/cases/${c.id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    // The chooser is inside the answer form itself: no separate GET form that would lose the text.
    expect(page.body).not.toContain('<form method="get" action="/staff/cases/');
    expect(page.body).toContain('<label for="answer-template">Använd mall</label>');
    expect(page.body).toContain(`<option value="${mine.id}">Svar om sophämtning</option>`);
    expect(page.body).toContain(`<option value="${all.id}">Allmänt tack</option>`);
    expect(page.body).not.toContain('Annan kategori');
    expect(page.body).not.toContain('Gammal mall');
    expect(page.body).not.toContain('Kiitos');

    const added = await postAnswer(c.id, cookie, { kind: 'first_response', action: 'template', template: mine.id, body: 'Hej Anna!' });
    expect(added.statusCode).toBe(200);
    expect(textarea(added.body, 'answer-body')).toBe(
      `Hej Anna!\n\nÄrende ${c.caseNumber} hos Mallby kommun: &lt;b>tömning&lt;/b> &amp; &quot;mer&quot;.`,
    );
    expect(added.body).not.toContain('<b>tömning</b>');
    expect(added.body).toContain('Texten från mallen ”Svar om sophämtning” har lagts till.');
    expect(textarea(added.body, 'resolve-body')).toBe('');
    // Nothing was sent.
    const events = await t.db.selectFrom('case_events').select('kind').where('case_id', '=', c.id).execute();
    expect(events.map((e) => e.kind)).toEqual(['received']);

    const resolve = await postAnswer(c.id, cookie, { kind: 'resolved', action: 'template', template: all.id, body: '' });
    expect(textarea(resolve.body, 'resolve-body')).toBe('Tack från Mallby kommun.');
    expect(textarea(resolve.body, 'answer-body')).toBe('');

    // Deactivated, other category's, other language's, other tenant's or malformed: the text stays as typed.
    const foreignTenant = await setup('Annanby kommun');
    const foreign = await createResponseTemplate(foreignTenant.admin.actor, { title: 'Främmande', body: 'Främmande text' }, db);
    for (const id of [old.id, other.id, finnish.id, foreign.id, 'inte-ett-id', '']) {
      const res = await postAnswer(c.id, cookie, { kind: 'first_response', action: 'template', template: id, body: 'Mitt svar' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Välj en svarsmall.');
      expect(textarea(res.body, 'answer-body')).toBe('Mitt svar');
    }
  });

  it('an answer with a placeholder left unfilled is refused and kept; known ones are filled when sent', async () => {
    const { officer, admin, login } = await setup();
    const db = { db: t.db };
    const c = (await createCase(admin.actor, { ...question(), contact: { email: 'inv@example.se' } }, db)).case;
    const cookie = await login(officer);
    const typed = 'Vi återkommer senast [datum] om ärende {ärendenummer}.';
    const refused = await postAnswer(c.id, cookie, { kind: 'first_response', body: typed });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Texten innehåller [datum], som inte har fyllts i.');
    expect(textarea(refused.body, 'answer-body')).toBe(typed);
    expect(
      (await t.db.selectFrom('mail_outbox').select('id').where('ref_id', '=', c.id).where('kind', '=', 'case_first_response').execute())
        .length,
    ).toBe(0);

    const sent = await postAnswer(c.id, cookie, {
      kind: 'first_response',
      body: 'Ärende {ärendenummer}: svar senast {svarsdatum}. /{handläggare}',
    });
    expect(sent.statusCode).toBe(303);
    const event = await t.db
      .selectFrom('case_events')
      .select('body')
      .where('case_id', '=', c.id)
      .where('kind', '=', 'first_response')
      .executeTakeFirstOrThrow();
    // Weekday and month in Swedish letters (måndag, lördag, söndag: \w would miss them).
    expect(event.body).toMatch(new RegExp(`^Ärende ${c.caseNumber}: svar senast \\p{L}+ \\d{1,2} \\p{L}+ \\d{4}\\. /Test `, 'u'));
    const mail = await t.db
      .selectFrom('mail_outbox')
      .select('body')
      .where('ref_id', '=', c.id)
      .where('kind', '=', 'case_first_response')
      .executeTakeFirstOrThrow();
    expect(mail.body).not.toContain('{');
  });

  it('a template deactivated through the page is no longer offered on the case', async () => {
    const { admin, login } = await setup();
    const db = { db: t.db };
    const c = (await createCase(admin.actor, question(), db)).case;
    const tpl = await createResponseTemplate(admin.actor, { title: 'Snart borta', body: 'Text' }, db);
    const cookie = await login(admin);
    const before = await t.app.inject({ method: 'GET', url: `/staff/cases/${c.id}`, headers: { cookie } });
    expect(before.body).toContain('Snart borta');
    const off = await submit(`${HREF}/${tpl.id}/deactivate`, `${HREF}/${tpl.id}`, cookie, {});
    expect(off.statusCode).toBe(303);
    const list = await t.app.inject({ method: 'GET', url: HREF, headers: { cookie } });
    expect(list.body).toContain('Mallen ”Snart borta” har inaktiverats.');
    expect(list.body).toMatch(/>Snart borta<\/a><\/th><td>Alla kategorier<\/td><td>Svenska<\/td><td>Nej<\/td>/);
    const after = await t.app.inject({ method: 'GET', url: `/staff/cases/${c.id}`, headers: { cookie } });
    expect(after.body).not.toContain('Snart borta');
    expect(after.body).not.toContain('id="answer-template"');
  });
});

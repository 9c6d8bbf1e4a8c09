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
  templatesForCategory,
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

describe('response templates on the case page', () => {
  it('fillTemplate replaces every placeholder and nothing else', () => {
    expect(fillTemplate('{kommun}: {ärendenummer}, {ärendenummer} {okänd}', { caseNumber: '2026-00001', tenantName: 'Ort' })).toBe(
      'Ort: 2026-00001, 2026-00001 {okänd}',
    );
  });

  it('offers active templates of the case category and for all categories; ?template pre-fills with placeholders replaced and escaped', async () => {
    const { tenant, officer, admin, login, catA, catB } = await setup();
    const db = { db: t.db };
    const c = (await createCase(admin.actor, question(), db)).case;
    const mine = await createResponseTemplate(
      admin.actor,
      { title: 'Svar om sophämtning', body: 'Hej! Ärende {ärendenummer} hos {kommun}: <b>tömning</b> & "mer".', categoryId: catA.id },
      db,
    );
    const all = await createResponseTemplate(admin.actor, { title: 'Allmänt tack', body: 'Tack från {kommun}.' }, db);
    const other = await createResponseTemplate(admin.actor, { title: 'Annan kategori', body: 'B', categoryId: catB.id }, db);
    const old = await createResponseTemplate(admin.actor, { title: 'Gammal mall', body: 'Gammal' }, db);
    await deactivateResponseTemplate(admin.actor, old.id, db);

    expect((await templatesForCategory(t.db, tenant.tenant.id, catA.id)).map((x) => x.title)).toEqual([
      'Allmänt tack',
      'Svar om sophämtning',
    ]);

    const cookie = await login(officer);
    const page = await t.app.inject({ method: 'GET', url: `/staff/cases/${c.id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    // Its own GET form, outside the answer form, with a label.
    expect(page.body).toContain(`<form method="get" action="/staff/cases/${c.id}#answer-title"`);
    expect(page.body).toContain(`<form method="get" action="/staff/cases/${c.id}#resolve-title"`);
    expect(page.body).toContain('<label for="answer-template">Använd mall</label>');
    expect(page.body).toContain(`<option value="${mine.id}">Svar om sophämtning</option>`);
    expect(page.body).toContain(`<option value="${all.id}">Allmänt tack</option>`);
    expect(page.body).not.toContain('Annan kategori');
    expect(page.body).not.toContain('Gammal mall');
    expect(textarea(page.body, 'answer-body')).toBe('');

    const filled = await t.app.inject({ method: 'GET', url: `/staff/cases/${c.id}?template=${mine.id}&for=answer`, headers: { cookie } });
    expect(filled.statusCode).toBe(200);
    expect(textarea(filled.body, 'answer-body')).toBe(
      `Hej! Ärende ${c.caseNumber} hos Mallby kommun: &lt;b>tömning&lt;/b> &amp; &quot;mer&quot;.`,
    );
    expect(filled.body).not.toContain('<b>tömning</b>');
    expect(filled.body).not.toContain('{ärendenummer}');
    expect(textarea(filled.body, 'resolve-body')).toBe('');
    expect(filled.body).toContain(`<option value="${mine.id}" selected>Svar om sophämtning</option>`);
    expect(filled.body).toContain('Texten nedan kommer från mallen ”Svar om sophämtning”.');

    const resolve = await t.app.inject({ method: 'GET', url: `/staff/cases/${c.id}?template=${all.id}&for=resolve`, headers: { cookie } });
    expect(textarea(resolve.body, 'resolve-body')).toBe('Tack från Mallby kommun.');
    expect(textarea(resolve.body, 'answer-body')).toBe('');

    // Deactivated, other category's, other tenant's or malformed: nothing is filled in.
    const foreignTenant = await setup('Annanby kommun');
    const foreign = await createResponseTemplate(foreignTenant.admin.actor, { title: 'Främmande', body: 'Främmande text' }, db);
    for (const id of [old.id, other.id, foreign.id, 'inte-ett-id']) {
      const res = await t.app.inject({ method: 'GET', url: `/staff/cases/${c.id}?template=${id}&for=answer`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(textarea(res.body, 'answer-body')).toBe('');
      expect(res.body).not.toContain('Texten nedan kommer från mallen');
    }
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
    expect(list.body).toMatch(/>Snart borta<\/a><\/th><td>Alla kategorier<\/td><td>Nej<\/td>/);
    const after = await t.app.inject({ method: 'GET', url: `/staff/cases/${c.id}?template=${tpl.id}`, headers: { cookie } });
    expect(after.body).not.toContain('Snart borta');
    expect(after.body).not.toContain('id="answer-template"');
    expect(textarea(after.body, 'answer-body')).toBe('');
  });
});

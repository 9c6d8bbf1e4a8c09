import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieHeader,
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  mergeCookies,
  type TestContext,
  type TestTenant,
} from '../../../test/helpers.ts';
import { createUnit } from '../org/org.service.ts';
import { addCaseEvent } from './cases.service.ts';
import { createCategory } from './categories.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ BASE_URL: 'https://insyn.example.se' });
});
afterAll(async () => {
  await t.close();
});

async function tenantWithCategories(): Promise<TestTenant & { unitId: string }> {
  const tt = await createTestTenant(t.db, 'Frågekommun');
  const unit = await createUnit(tt.system, { name: 'Gatuenheten', kind: 'unit', parentId: tt.rootId }, { db: t.db });
  await createCategory(
    tt.system,
    { code: 'gator', name: 'Gator och vägar', nameFi: 'Kadut ja tiet', nameEn: 'Streets and roads', unitId: unit.id },
    { db: t.db },
  );
  await createCategory(tt.system, { code: 'parker', name: 'Parker', unitId: unit.id }, { db: t.db });
  await createCategory(tt.system, { code: 'gammal', name: 'Nedlagd kategori', unitId: unit.id, active: false }, { db: t.db });
  return { ...tt, unitId: unit.id };
}

/** GET the form like a browser: returns the CSRF token and the cookies to send back. */
async function openForm(url: string, cookie = '') {
  const page = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { page, csrf, cookie: mergeCookies(cookie, cookieHeader(page.cookies)) };
}

async function submit(slug: string, values: Record<string, string>, lang = 'sv') {
  const { csrf, cookie } = await openForm(`/${slug}/cases/new?lang=${lang}`);
  const f = form({ _csrf: csrf, ...values });
  return t.app.inject({
    method: 'POST',
    url: `/${slug}/cases/new?lang=${lang}`,
    headers: { cookie, 'content-type': f['content-type'] },
    payload: f.payload,
    remoteAddress: randomClient(),
  });
}

/** Each submission from its own address, so the per-client rate limit does not interfere. */
function randomClient(): string {
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

async function caseCount(tenantId: string): Promise<number> {
  const row = await t.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('public case form', () => {
  it('shows the promise, the types as radio buttons, the active categories and the optional contact fields', async () => {
    const tt = await tenantWithCategories();
    const { page } = await openForm(`/${tt.tenant.slug}/cases/new`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Ställ en fråga eller lämna en synpunkt</h1>');
    expect(page.body).toContain('Vi återkopplar inom två arbetsdagar.');
    expect(page.body).toMatch(/<fieldset[^>]*><legend>Vad gäller det\?<\/legend>/);
    for (const type of ['question', 'praise', 'complaint', 'suggestion', 'error_report']) expect(page.body).toContain(`value="${type}"`);
    expect(page.body).toContain('<option value="gator">Gator och vägar</option>');
    expect(page.body).not.toContain('Nedlagd kategori');
    expect(page.body).toContain('Dina kontaktuppgifter (frivilligt)');
    expect(page.body).toContain('Du kan vara anonym');
    expect(page.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(page.body).not.toContain('<script');

    const fi = await openForm(`/${tt.tenant.slug}/cases/new?lang=fi`);
    expect(fi.page.body).toContain('<html lang="fi">');
    expect(fi.page.body).toContain('Vastaamme kahden työpäivän kuluessa.');
    expect(fi.page.body).toContain('<option value="gator">Kadut ja tiet</option>');
    const en = await openForm(`/${tt.tenant.slug}/cases/new?lang=en`);
    expect(en.page.body).toContain('We will get back to you within two working days.');
    expect(en.page.body).toContain('Streets and roads');
  });

  it('answers 404 for an unknown municipality and explains when there are no areas yet', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/finns-inte-kommun/cases/new', headers: { accept: 'text/html' } });
    expect(missing.statusCode).toBe(404);
    const empty = await createTestTenant(t.db);
    const { page } = await openForm(`/${empty.tenant.slug}/cases/new`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Det går inte att skicka frågor här ännu.');
    expect(page.body).not.toContain('<form method="post"');
  });

  it('says the tenant’s own number of working days', async () => {
    const tt = await tenantWithCategories();
    await t.db.updateTable('tenants').set({ first_response_days: 1 }).where('id', '=', tt.tenant.id).execute();
    const { page } = await openForm(`/${tt.tenant.slug}/cases/new`);
    expect(page.body).toContain('Vi återkopplar inom en arbetsdag.');
  });

  it('reports every mistake in a summary linking to the field, keeps what was typed and stores nothing', async () => {
    const tt = await tenantWithCategories();
    const res = await submit(tt.tenant.slug, {
      type: '',
      category: '',
      message: '',
      subject: 'Min rubrik',
      'contact.email': 'inte-en-adress',
      'contact.name': 'Anna <b>',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('<a href="#type">');
    expect(res.body).toContain('<a href="#category">Välj ett område.</a>');
    expect(res.body).toContain('<a href="#message">');
    expect(res.body).toContain('<a href="#contact.email">Ange en giltig e-postadress');
    expect(res.body).toContain('id="contact.email-error"');
    expect(res.body).toContain('value="Min rubrik"');
    expect(res.body).toContain('value="inte-en-adress"');
    expect(res.body).toContain('value="Anna &lt;b>"');
    expect(await caseCount(tt.tenant.id)).toBe(0);

    const en = await submit(tt.tenant.slug, { type: 'question', category: 'gator', message: '' }, 'en');
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('There is a problem');
    expect(en.body).toContain('Write your message');
    expect(en.body).toContain('value="question" checked');
    expect(en.body).toMatch(/<option value="gator" selected[^>]*>Streets and roads/);
  });

  it('rejects a post without the CSRF token', async () => {
    const tt = await tenantWithCategories();
    const f = form({ type: 'question', category: 'gator', message: 'Hej' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/${tt.tenant.slug}/cases/new`,
      headers: { 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(res.statusCode).toBe(403);
    expect(await caseCount(tt.tenant.id)).toBe(0);
  });

  it('registers the case, redirects to the receipt with case number, date in words and private link; e-mails a receipt once', async () => {
    const tt = await tenantWithCategories();
    const res = await submit(tt.tenant.slug, {
      type: 'complaint',
      category: 'gator',
      subject: '',
      message: 'Gatlyktan är trasig <script>alert(1)</script>\n\nSedan en vecka.',
      'contact.name': 'Anna Andersson',
      'contact.email': 'Anna@Example.org',
      'contact.phone': '',
    });
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^/${tt.tenant.slug}/cases/track/[A-Za-z0-9_-]{16,}\\?new=1`));
    const receipt = await t.app.inject({ method: 'GET', url: location });
    expect(receipt.statusCode).toBe(200);
    const stored = await t.db.selectFrom('cases').selectAll().where('tenant_id', '=', tt.tenant.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ channel: 'web', type: 'complaint', language: 'sv', contact_email: 'anna@example.org', subject: null });
    expect(receipt.body).toContain('class="panel"');
    expect(receipt.body).toContain(`<strong>${stored.case_number}</strong>`);
    const { formatLongDate } = await import('../../web/i18n.ts');
    expect(receipt.body).toContain(
      `Vi återkopplar senast <time datetime="${stored.first_response_due}">${formatLongDate(stored.first_response_due, 'sv')}</time>`,
    );
    const token = location.split('/').pop()?.split('?')[0] ?? '';
    expect(receipt.body).toContain(`https://insyn.example.se/${tt.tenant.slug}/cases/track/${token}`);
    expect(receipt.headers['referrer-policy']).toBe('same-origin');
    expect(receipt.headers['x-robots-tag']).toContain('noindex');
    expect(receipt.headers['cache-control']).toBe('no-store');
    // The resident's message is never shown as markup (the tracking page does not repeat it at all).
    expect(receipt.body).not.toContain('<script>alert(1)</script>');

    const mails = await t.db.selectFrom('mail_outbox').selectAll().where('tenant_id', '=', tt.tenant.id).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'anna@example.org', kind: 'case_receipt' });
    expect(mails[0].body).toContain(stored.case_number);
    expect(mails[0].body).toContain(`https://insyn.example.se/${tt.tenant.slug}/cases/track/${token}`);
  });

  it('keeps the case’s language in the tracking link of the receipt page and e-mail, and on the page it opens', async () => {
    const tt = await tenantWithCategories();
    const res = await submit(
      tt.tenant.slug,
      { type: 'question', category: 'gator', message: 'Kysymys', 'contact.email': 'f@example.org' },
      'fi',
    );
    const location = String(res.headers.location);
    const token = location.split('/').pop()?.split('?')[0] ?? '';
    const link = `https://insyn.example.se/${tt.tenant.slug}/cases/track/${token}?lang=fi`;
    const mail = await t.db.selectFrom('mail_outbox').select('body').where('tenant_id', '=', tt.tenant.id).executeTakeFirstOrThrow();
    expect(mail.body).toContain(`${link}\n`);
    const receipt = await t.app.inject({ method: 'GET', url: location });
    expect(receipt.body).toContain(`<a href="${link}">${link}</a>`);
    // Opened on another device (no cookie), the link shows the case in Finnish, not the tenant's Swedish.
    const opened = await t.app.inject({ method: 'GET', url: link.replace('https://insyn.example.se', '') });
    expect(opened.body).toContain('<html lang="fi">');
    const bare = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}/cases/track/${token}` });
    expect(bare.body).toContain('<html lang="fi">');
    // A visitor who chose English keeps English; the link shown stays the case's.
    const english = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}/cases/track/${token}?new=1&lang=en` });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain(`<a href="${link}">`);
  });

  it('accepts an anonymous case and sends no e-mail', async () => {
    const tt = await tenantWithCategories();
    const res = await submit(tt.tenant.slug, { type: 'praise', category: 'parker', message: 'Fin park!' }, 'fi');
    expect(res.statusCode).toBe(303);
    const receipt = await t.app.inject({ method: 'GET', url: String(res.headers.location) });
    expect(receipt.body).toContain('Kiitos! Olemme vastaanottaneet asiasi');
    expect(receipt.body).toContain('Palaamme asiaan viimeistään');
    const stored = await t.db.selectFrom('cases').selectAll().where('tenant_id', '=', tt.tenant.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ contact_name: null, contact_email: null, contact_phone: null, language: 'fi' });
    const mails = await t.db.selectFrom('mail_outbox').select('id').where('tenant_id', '=', tt.tenant.id).execute();
    expect(mails).toHaveLength(0);
  });
});

describe('tracking page', () => {
  async function createdCase(tt: TestTenant) {
    const res = await submit(tt.tenant.slug, {
      type: 'question',
      category: 'gator',
      message: 'När sandas gatan?',
      'contact.name': 'Bertil Hemlig',
      'contact.email': 'bertil@example.org',
      'contact.phone': '070-1234567',
    });
    const location = String(res.headers.location);
    const path = location.split('?')[0];
    const id = (
      await t.db
        .selectFrom('cases')
        .select('id')
        .where('tenant_id', '=', tt.tenant.id)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    return { path, id };
  }

  it('shows status in words, the promised dates and the answers, never notes, staff names or contact details', async () => {
    const tt = await tenantWithCategories();
    const officer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: tt.unitId }]);
    const { path, id } = await createdCase(tt);
    await addCaseEvent(officer.actor, id, { kind: 'note', body: 'HEMLIG INTERN ANTECKNING' }, { db: t.db });
    await addCaseEvent(officer.actor, id, { kind: 'first_response', body: 'Vi sandar på <b>måndag</b>.' }, { db: t.db });
    await addCaseEvent(
      officer.actor,
      id,
      { kind: 'next_feedback_promised', body: 'Vi återkommer.', nextFeedbackDate: '2099-06-01' },
      { db: t.db },
    );

    const page = await t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Under handläggning');
    expect(page.body).toContain('Vi sandar på &lt;b>måndag&lt;/b>.');
    expect(page.body).toContain('Nästa återkoppling senast');
    expect(page.body).toContain('<time datetime="2099-06-01">');
    expect(page.body).not.toContain('HEMLIG INTERN ANTECKNING');
    expect(page.body).not.toContain(officer.email);
    expect(page.body).not.toContain(officer.actor.name);
    expect(page.body).not.toContain('Bertil Hemlig');
    expect(page.body).not.toContain('bertil@example.org');
    expect(page.body).not.toContain('070-1234567');
    expect(page.body).not.toContain('class="panel"');
    expect(page.headers['x-robots-tag']).toContain('noindex');
  });

  it('lets the resident add information, with errors in the page language', async () => {
    const tt = await tenantWithCategories();
    const { path, id } = await createdCase(tt);
    const { csrf, cookie } = await openForm(`${path}?lang=en`);
    const empty = form({ _csrf: csrf, text: '   ' });
    const bad = await t.app.inject({
      method: 'POST',
      url: `${path}?lang=en`,
      headers: { cookie, 'content-type': empty['content-type'] },
      payload: empty.payload,
      remoteAddress: randomClient(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#text">Write your message');

    const good = form({ _csrf: csrf, text: 'Det gäller <script>x()</script> Storgatan.' });
    const ok = await t.app.inject({
      method: 'POST',
      url: `${path}?lang=en`,
      headers: { cookie, 'content-type': good['content-type'] },
      payload: good.payload,
      remoteAddress: randomClient(),
    });
    expect(ok.statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: String(ok.headers.location) });
    expect(after.body).toContain('Thank you – your addition has been sent.');
    expect(after.body).toContain('Det gäller &lt;script>x()&lt;/script> Storgatan.');
    expect(after.body).not.toContain('<script>x()');
    const events = await t.db.selectFrom('case_events').select('kind').where('case_id', '=', id).execute();
    expect(events.map((e) => e.kind)).toContain('resident_message');
  });

  it('answers 404 for an unknown token and for another tenant’s token', async () => {
    const tt = await tenantWithCategories();
    const other = await tenantWithCategories();
    const { path } = await createdCase(tt);
    const token = path.split('/').pop() ?? '';
    const unknown = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}/cases/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` });
    expect(unknown.statusCode).toBe(404);
    const crossTenant = await t.app.inject({ method: 'GET', url: `/${other.tenant.slug}/cases/track/${token}` });
    expect(crossTenant.statusCode).toBe(404);
  });
});

describe('POST /api/v1/public/cases', () => {
  it('creates a case without sign-in and returns number, deadline and the absolute tracking link', async () => {
    const tt = await tenantWithCategories();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases?tenant=${tt.tenant.slug}`,
      payload: { type: 'suggestion', category: 'parker', message: 'Fler bänkar', contact: { email: 'c@example.org' }, language: 'en' },
      remoteAddress: randomClient(),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { caseNumber: string; firstResponseDue: string; trackingUrl: string };
    expect(body.caseNumber).toMatch(/^\d{4}-\d{5}$/);
    expect(body.firstResponseDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.trackingUrl).toMatch(
      new RegExp(`^https://insyn\\.example\\.se/${tt.tenant.slug}/cases/track/[A-Za-z0-9_-]{16,}\\?lang=en$`),
    );
    const page = await t.app.inject({ method: 'GET', url: body.trackingUrl.replace('https://insyn.example.se', '') });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(body.caseNumber);
    const stored = await t.db
      .selectFrom('cases')
      .select(['channel', 'language'])
      .where('tenant_id', '=', tt.tenant.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ channel: 'web', language: 'en' });
  });

  it('rejects an unknown category with a field error and an unknown tenant with 404', async () => {
    const tt = await tenantWithCategories();
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases?tenant=${tt.tenant.slug}`,
      remoteAddress: randomClient(),
      payload: { type: 'question', category: 'gammal', message: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['category']);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/cases?tenant=finns-inte-alls',
      remoteAddress: randomClient(),
      payload: { type: 'question', category: 'gator', message: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('is rate-limited per client', async () => {
    const tt = await tenantWithCategories();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/cases?tenant=${tt.tenant.slug}`,
        remoteAddress: '203.0.113.77',
        payload: { type: 'question', category: 'gator', message: `Fråga ${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(
      statuses.filter((s) => s === 201),
      JSON.stringify(statuses),
    ).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('tenant home page', () => {
  it('links to the form', async () => {
    const tt = await tenantWithCategories();
    const page = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}?lang=en` });
    expect(page.body).toContain(`href="/${tt.tenant.slug}/cases/new?lang=en"`);
    expect(page.body).toContain('Ask a question or give feedback');
  });
});

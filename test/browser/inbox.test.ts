// The officer's inbox in a browser: search, the counts and the resident's news; a resident's
// follow-up on a closed case (JavaScript off) reopens it; a template added to the answer keeps
// what was typed; intake shows the owner and due date live. Every page passes an axe scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCaseEvent, createCase } from '../../src/modules/cases/cases.service.ts';
import { createCategory } from '../../src/modules/cases/categories.service.ts';
import { createResponseTemplate } from '../../src/modules/cases/response-templates.service.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoAxeViolationsAt, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;
let officer: TestUser;
let closedCase = { id: '', caseNumber: '' };
let trackingUrl = '';

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Inkorgsby kommun');
  await createCategory(tenant.system, { code: 'gator', name: 'Gator och vägar', unitId: tenant.rootId }, { db: t.db });
  officer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: tenant.rootId }]);
  const db = { db: t.db };
  const created = await createCase(
    officer.actor,
    {
      type: 'error_report',
      channel: 'phone',
      category: 'gator',
      message: 'Gatlampan på Storgatan 3 är trasig.',
      contact: { name: 'Åsa Lind', phone: '070-123 45 67' },
    },
    db,
  );
  await addCaseEvent(officer.actor, created.case.id, { kind: 'resolved', body: 'Lampan är lagad.' }, db);
  closedCase = created.case;
  trackingUrl = `${t.baseUrl}/${tenant.tenant.slug}/cases/track/${created.trackingToken}`;
  for (const message of ['När töms soporna på Lillgatan?', 'Parkbänken i Stadsparken är sönder.']) {
    await createCase(officer.actor, { type: 'question', channel: 'email', category: 'gator', message }, db);
  }
  await createResponseTemplate(tenant.system, { title: 'Vi behöver mer tid', body: 'Vi återkommer om ärende {ärendenummer}.' }, db);
});
afterAll(() => t.close());

async function signIn() {
  const { page, context } = await t.newPage();
  await page.goto(`${t.baseUrl}/staff/login`);
  await page.selectOption('#tenant', tenant.tenant.slug);
  await page.fill('#email', officer.email);
  await page.fill('#password', officer.password);
  await page.press('#password', 'Enter');
  await page.waitForURL(`${t.baseUrl}/staff`);
  return { page, context };
}

describe('the officer searches the inbox and the resident follows up on a closed case', () => {
  it('the officer finds a closed case by the caller’s name and phone number', async () => {
    const { page, context } = await signIn();
    await page.goto(`${t.baseUrl}/staff/cases`);
    expect(await page.locator('tbody tr').count()).toBe(2);
    await expectNoAxeViolations(page);
    await page.fill('#q', 'Åsa');
    await page.selectOption('#status', 'all');
    await page.click('button:has-text("Sök och filtrera")');
    await page.waitForURL(/q=/);
    expect(await page.locator('caption').textContent()).toContain('1 ärende som matchar ”Åsa”');
    expect(await page.locator('tbody tr th a').textContent()).toBe(closedCase.caseNumber);
    await expectNoAxeViolations(page);
    await page.fill('#q', '+46 70 123 45 67');
    await page.click('button:has-text("Sök och filtrera")');
    await expect.poll(() => page.locator('tbody tr th a').allTextContents()).toEqual([closedCase.caseNumber]);
    await context.close();
  });

  it('the resident writes on the closed case without JavaScript; it is reopened', async () => {
    const { page, context } = await t.newPage({ javaScript: false });
    await page.goto(trackingUrl);
    await page.fill('#text', 'Lampan är trasig igen sedan i går.');
    await page.locator('main form button[type=submit]').last().click();
    await page.waitForURL(/added=1/);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Lampan är trasig igen sedan i går.');
    expect(main).toMatch(/Öppnat igen/);
    await context.close();
    await expectNoAxeViolationsAt(t, [`${trackingUrl}?added=1&lang=sv`]);
  });

  it('the officer sees the news in the inbox, and adds a template to the answer without losing the text', async () => {
    const { page, context } = await signIn();
    await page.goto(`${t.baseUrl}/staff/cases`);
    await page.click('a:has-text("1 med nytt från invånaren")');
    await page.waitForURL(/only=resident/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr .badge').textContent()).toBe('Nytt från invånaren');
    await expectNoAxeViolations(page);
    await page.locator('tbody tr th a').click();
    await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}/);
    await page.fill('#answer-body', 'Hej Åsa!');
    await page.selectOption('#answer-template', { label: 'Vi behöver mer tid' });
    await page.click('button:has-text("Lägg till mallens text")');
    await expect.poll(() => page.inputValue('#answer-body')).toBe(`Hej Åsa!\n\nVi återkommer om ärende ${closedCase.caseNumber}.`);
    await expectNoAxeViolations(page);
    await page.click('button:has-text("Skicka återkoppling")');
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Åtgärden har sparats.');
    await page.goto(`${t.baseUrl}/staff/cases`);
    expect(await page.locator('.badge').count()).toBe(0);
    await context.close();
  });

  it('intake shows the owner and the due date as the area is chosen', async () => {
    const { page, context } = await signIn();
    await page.goto(`${t.baseUrl}/staff/cases/new`);
    expect(await page.locator('#intake-preview').textContent()).toContain('Välj område');
    await page.selectOption('#category', 'gator');
    await expect
      .poll(() => page.locator('#intake-preview').textContent())
      .toMatch(/^Ansvarig: .+\. Återkoppling senast \p{L}+ \d{1,2} \p{L}+ \d{4}/u);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

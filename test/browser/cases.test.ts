// The cases journeys in a browser: a resident asks a question with JavaScript off and follows the
// case; an officer finds it in the inbox and answers it; the resident sees the answer. Every page
// on the way passes an axe scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../src/modules/cases/categories.service.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoAxeViolationsAt, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;
let officer: TestUser;

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Ärendeby kommun');
  await createCategory(tenant.system, { code: 'gator', name: 'Gator och vägar', unitId: tenant.rootId }, { db: t.db });
  officer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: tenant.rootId }]);
});
afterAll(() => t.close());

describe('resident asks a question and an officer answers it', () => {
  let trackingUrl = '';

  it('the resident submits the form without JavaScript, fixing a mistake on the way', async () => {
    const { page, context } = await t.newPage({ javaScript: false });
    await page.goto(`${t.baseUrl}/${tenant.tenant.slug}`);
    await page.click('text=Ställ en fråga eller lämna en synpunkt');
    const formUrl = page.url();
    expect(await page.locator('main').textContent()).toContain('två arbetsdagar');
    // Forgetting the area keeps what was typed and says what to fix, at the top and at the field.
    await page.check('#type');
    await page.fill('#message', 'Gatlampan på <b>Storgatan</b> 3 är trasig.');
    await page.click('button[type=submit]');
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('område');
    expect(await page.locator('.error-summary a[href="#category"]').count()).toBe(1);
    expect(await page.inputValue('#message')).toBe('Gatlampan på <b>Storgatan</b> 3 är trasig.');
    await page.selectOption('#category', 'gator');
    await page.click('button[type=submit]');
    // The receipt: case number, a real date, the private link.
    const panel = await page.locator('.panel').textContent();
    expect(panel).toMatch(/\d{4}-\d{5}/);
    expect(panel).toMatch(/senast \p{L}+dag \d{1,2} \p{L}+ \d{4}/u);
    trackingUrl = page.url().split('?')[0];
    expect(trackingUrl).toContain('/cases/track/');
    // Resident text is shown as text, never as HTML.
    expect(await page.locator('main b').count()).toBe(0);
    await context.close();
    await expectNoAxeViolationsAt(t, [
      formUrl,
      `${formUrl}?lang=fi`,
      `${trackingUrl}?lang=sv`,
      `${trackingUrl}?lang=en`,
      `${trackingUrl}?lang=fi`,
    ]);
    // The error state is a POST response: scan it where axe can run.
    const js = await t.newPage({ javaScript: true });
    await js.page.goto(formUrl);
    await js.page.click('button[type=submit]');
    expect(await js.page.locator('.error-summary').count()).toBe(1);
    await expectNoAxeViolations(js.page);
    await js.context.close();
  });

  it('the officer finds the case in the inbox and gives first feedback; each staff page passes axe', async () => {
    const { page, context } = await t.newPage();
    await page.goto(`${t.baseUrl}/staff/login`);
    await page.selectOption('#tenant', tenant.tenant.slug);
    await page.fill('#email', officer.email);
    await page.fill('#password', officer.password);
    await page.press('#password', 'Enter');
    await page.waitForURL(`${t.baseUrl}/staff`);
    await page.goto(`${t.baseUrl}/staff/cases`);
    await expectNoAxeViolations(page);
    const row = page.locator('tr', { hasText: 'Gator och vägar' }).first();
    await row.locator('a').first().click();
    await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}/);
    expect(await page.locator('main').textContent()).toContain('Gatlampan på <b>Storgatan</b> 3 är trasig.');
    await expectNoAxeViolations(page);
    await page.fill('#answer-body', 'Tack! Vi lagar lampan inom en vecka.');
    await page.click('button:has-text("Skicka återkoppling")');
    await expect.poll(() => page.locator('main').textContent()).toContain('Tack! Vi lagar lampan inom en vecka.');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('the resident sees the answer on the tracking page, and no staff names', async () => {
    const { page, context } = await t.newPage({ javaScript: false });
    await page.goto(trackingUrl);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Tack! Vi lagar lampan inom en vecka.');
    expect(main).not.toContain(officer.email);
    await context.close();
    await expectNoAxeViolationsAt(t, [trackingUrl]);
  });
});

describe('the other staff pages of cases', () => {
  it('intake, statistics, categories and outbox pass axe, and an agent registers a phone call resolved at first contact', async () => {
    const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
    const { page, context } = await t.newPage();
    await page.goto(`${t.baseUrl}/staff/login`);
    await page.selectOption('#tenant', tenant.tenant.slug);
    await page.fill('#email', admin.email);
    await page.fill('#password', admin.password);
    await page.press('#password', 'Enter');
    await page.waitForURL(`${t.baseUrl}/staff`);
    for (const path of ['/staff/cases/new', '/staff/stats', '/staff/categories', '/staff/outbox']) {
      await page.goto(`${t.baseUrl}${path}`);
      expect(await page.locator('h1').count(), path).toBe(1);
      await expectNoAxeViolations(page);
    }
    // A phone call answered at once: resolved at first contact, still a case in the statistics.
    await page.goto(`${t.baseUrl}/staff/cases/new`);
    expect(await page.inputValue('#channel')).toBe('phone');
    await page.selectOption('#type', 'question');
    await page.selectOption('#category', 'gator');
    await page.fill('#message', 'När sopas gatorna i centrum?');
    await page.check('#resolved');
    await page.fill('#answer', 'Under vecka 15, enligt sopschemat.');
    await page.locator('main form button[type=submit]').last().click();
    await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}/);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Under vecka 15, enligt sopschemat.');
    expect(text).toMatch(/[Ll]öst vid första kontakten/);
    await context.close();
  });
});

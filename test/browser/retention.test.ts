// Retention (gallring) in a browser, JavaScript off: the admin adds a rule, previews it, runs it and
// reads the report; sets a legal hold on a case page and releases it — axe on every page, no
// sideways scroll at 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFixture } from '../../src/modules/cases/cases.fixtures.ts';
import { addCaseEvent, createCase } from '../../src/modules/cases/cases.service.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoSidewaysScroll, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;
let admin: TestUser;
let caseId = '';

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Arkivby kommun');
  await caseFixture(t.db, tenant);
  admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  const created = await createCase(
    tenant.system,
    {
      type: 'complaint',
      channel: 'email',
      category: 'cat-a',
      message: 'Cecilia Carlsson klagar på snöröjningen.',
      contact: { name: 'Cecilia Carlsson', email: 'cecilia@example.se' },
      receivedAt: '2022-02-01T09:00:00Z',
    },
    { db: t.db },
  );
  caseId = created.case.id;
  await addCaseEvent(tenant.system, caseId, { kind: 'resolved', body: 'Hej Cecilia!', at: '2022-02-03T09:00:00Z' }, { db: t.db });
});
afterAll(async () => {
  await t.close();
});

async function login(page: Page, user: TestUser) {
  await page.goto(`${t.baseUrl}/staff/login`);
  await page.selectOption('#tenant', tenant.tenant.slug);
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.press('#password', 'Enter');
  await page.waitForURL(`${t.baseUrl}/staff`);
}

describe('retention', () => {
  it('rule, preview, legal hold, run and report — without JavaScript, axe clean, 320 px', async () => {
    const { page, context } = await t.newPage({ javaScript: false });
    await login(page, admin);
    await page.goto(`${t.baseUrl}/staff/retention`);
    await page.fill('#monthsAfterClosure', '24');
    await page.fill('#decisionReference', 'Dokumenthanteringsplan för kommunstyrelsen, beslutad 2025-03-12, dnr KS 2025/123');
    await page.fill('#effectiveFrom', '2026-01-01');
    await page.click('button:has-text("Lägg till regeln")');
    await page.waitForURL(`${t.baseUrl}/staff/retention`);
    expect(await page.locator('main').textContent()).toContain('Regeln har lagts till.');
    await page.click('button:has-text("Visa vad som skulle gallras")');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toMatch(/1 ärende skulle gallras \d{4}-\d{2}-\d{2}/);
    await expectNoSidewaysScroll(page);

    await page.goto(`${t.baseUrl}/staff/cases/${caseId}`);
    await page.fill('#legal-hold-reason', 'Överklagat');
    await page.click('button:has-text("Spärra mot gallring")');
    expect(await page.locator('main').textContent()).toContain('Skäl: Överklagat');
    await page.goto(`${t.baseUrl}/staff/retention`);
    await page.click('button:has-text("Kör gallringen nu")');
    expect(await page.locator('main').textContent()).toContain('Gallringen är klar: 0 ärenden gallrades.');
    await page.goto(`${t.baseUrl}/staff/cases/${caseId}`);
    await expectNoSidewaysScroll(page);
    await page.click('button:has-text("Häv spärren mot gallring")');
    await page.goto(`${t.baseUrl}/staff/retention`);
    await page.click('button:has-text("Kör gallringen nu")');
    expect(await page.locator('main').textContent()).toContain('Gallringen är klar: 1 ärende gallrades.');
    await expectNoSidewaysScroll(page);
    await page.goto(`${t.baseUrl}/staff/cases/${caseId}`);
    const cleared = (await page.locator('main').textContent()) ?? '';
    expect(cleared).toContain('Personuppgifterna gallrades');
    expect(cleared).not.toContain('Cecilia');
    await expectNoSidewaysScroll(page);
    await context.close();

    // axe needs JavaScript: the pages again, signed in, in a JavaScript context.
    const scan = await t.newPage({ javaScript: true });
    await login(scan.page, admin);
    for (const url of [`${t.baseUrl}/staff/retention`, `${t.baseUrl}/staff/cases/${caseId}`]) {
      await scan.page.goto(url);
      await expectNoAxeViolations(scan.page);
    }
    await scan.page.goto(`${t.baseUrl}/staff/retention`);
    await scan.page.click('button:has-text("Visa vad som skulle gallras")');
    await expectNoAxeViolations(scan.page);
    await scan.context.close();
  }, 180_000);
});

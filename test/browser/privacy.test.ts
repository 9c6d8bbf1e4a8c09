// A person's data in a browser: the admin finds a resident by phone number with the keyboard,
// reads what Insyn holds and why a case cannot be erased, erases an outbox message after the
// confirm step and opens the register extract — axe on every page, no sideways scroll at 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFixture, question } from '../../src/modules/cases/cases.fixtures.ts';
import { createCase } from '../../src/modules/cases/cases.service.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoSidewaysScroll, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;
let admin: TestUser;
let caseNumber: string;

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Solby kommun');
  await caseFixture(t.db, tenant);
  admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  const made = await createCase(
    tenant.system,
    question({ contact: { name: 'Karin Lind', email: 'karin.lind@example.se', phone: '070-222 33 44' } }),
    { db: t.db, trackingUrl: (token) => `${t.baseUrl}/${tenant.tenant.slug}/cases/track/${token}` },
  );
  caseNumber = made.case.caseNumber;
});
afterAll(() => t?.close());

async function scan(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe('the person search journey', () => {
  it('finds a resident by phone with the keyboard, erases a message after confirming, and shows the register extract', async () => {
    const { page, context } = await t.newPage();
    await page.goto(`${t.baseUrl}/staff/login`);
    await page.selectOption('#tenant', tenant.tenant.slug);
    await page.fill('#email', admin.email);
    await page.fill('#password', admin.password);
    await page.press('#password', 'Enter');
    await page.waitForURL(`${t.baseUrl}/staff`);

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Personuppgifter' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}/staff/person`);
    await scan(page);

    await page.focus('#email');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('phone');
    await page.keyboard.type('+46 70 222 33 44');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${t.baseUrl}/staff/person`);
    expect(await page.getByRole('heading', { name: `Ärende ${caseNumber}` }).count()).toBe(1);
    expect(await page.getByText('Kan inte raderas på begäran.').count()).toBe(1);
    // Found by phone only: e-mail is not searched, so no messages are listed.
    expect(await page.getByRole('heading', { name: 'E-post (0)' }).count()).toBe(1);
    await scan(page);

    // By e-mail the receipt in the outbox shows, and can be erased after a confirm step.
    await page.fill('#email', 'KARIN.LIND@example.se');
    await page.fill('#phone', '');
    await Promise.all([page.waitForNavigation(), page.press('#email', 'Enter')]);
    expect(await page.getByRole('heading', { name: 'E-post (1)' }).count()).toBe(1);
    expect(await page.content()).not.toContain('/cases/track/');
    await page.getByRole('button', { name: 'Radera utskicket' }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { name: 'Radera utskicket?' }).count()).toBe(1);
    await scan(page);
    await page.getByRole('button', { name: 'Ja, radera' }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.getByRole('status').textContent()).toContain('Utskicket är raderat.');
    expect(await page.getByRole('heading', { name: 'E-post (0)' }).count()).toBe(1);
    await scan(page);

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Visa registerutdrag' }).click()]);
    expect(await page.getByRole('heading', { name: 'Registerutdrag', level: 1 }).count()).toBe(1);
    expect(await page.getByText('Karin Lind').count()).toBe(1);
    await scan(page);
    await context.close();
  }, 240_000);
});

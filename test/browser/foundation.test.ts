// Journeys of the foundation: public start page, staff login, organisation, users, calendar —
// by keyboard where it matters, without JavaScript on public pages, with an axe scan on each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoAxeViolationsAt, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;
let admin: TestUser;

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Webbtest kommun');
  admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
});
afterAll(() => t.close());

async function login(page: import('playwright-core').Page) {
  await page.goto(`${t.baseUrl}/staff/login`);
  await page.selectOption('#tenant', tenant.tenant.slug);
  await page.fill('#email', admin.email);
  await page.fill('#password', admin.password);
  await page.press('#password', 'Enter');
  await page.waitForURL(`${t.baseUrl}/staff`);
}

describe('public pages without JavaScript', () => {
  it('start page lists the municipality, switches language, and passes axe', async () => {
    const { page, context } = await t.newPage({ javaScript: false });
    await page.goto(`${t.baseUrl}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.locator('h1').textContent()).toBe('Kvalitet och resultat');
    const visited = [page.url()];
    await page.click('a[hreflang="fi"]');
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect(await page.locator('h1').textContent()).toBe('Laatu ja tulokset');
    visited.push(page.url());
    await page.click('text=Webbtest kommun');
    expect(page.url()).toContain(`/${tenant.tenant.slug}`);
    visited.push(page.url(), `${t.baseUrl}/?lang=en`);
    await context.close();
    await expectNoAxeViolationsAt(t, visited);
  });
});

describe('staff area', () => {
  it('a wrong password is refused with a clear message; the login page passes axe', async () => {
    const { page, context } = await t.newPage();
    await page.goto(`${t.baseUrl}/staff/login`);
    await expectNoAxeViolations(page);
    await page.selectOption('#tenant', tenant.tenant.slug);
    await page.fill('#email', admin.email);
    await page.fill('#password', 'fel lösenord');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Fel e-postadress eller lösenord');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('admin signs in, adds a unit to the organisation, sees errors for a bad one, and each page passes axe', async () => {
    const { page, context } = await t.newPage();
    await login(page);
    await expectNoAxeViolations(page);
    await page.click('nav >> text=Organisation');
    await expectNoAxeViolations(page);
    // An empty form gives an error summary linking to the fields.
    await page.click('button:has-text("Lägg till")');
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    expect(await page.locator('.error-summary a[href="#name"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.fill('#name', 'Tekniska nämnden');
    await page.selectOption('#kind', 'board');
    await page.selectOption('#parentId', { label: 'Kommunfullmäktige' });
    await page.click('button:has-text("Lägg till")');
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Tekniska nämnden har lagts till');
    expect(await page.locator('.tree').textContent()).toContain('Tekniska nämnden');
    await context.close();
  });

  it('users and calendar pages work and pass axe; a closed day can be added', async () => {
    const { page, context } = await t.newPage();
    await login(page);
    await page.goto(`${t.baseUrl}/staff/users`);
    expect(await page.locator('h1').textContent()).toBe('Användare');
    await expectNoAxeViolations(page);
    await page.goto(`${t.baseUrl}/staff/calendar`);
    await expectNoAxeViolations(page);
    await page.fill('#date', '2026-12-23');
    await page.fill('#name', 'Personaldag');
    await page.click('button:has-text("Lägg till")');
    await expect.poll(() => page.locator('table').first().textContent()).toContain('Personaldag');
    await page.goto(`${t.baseUrl}/staff/account`);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('signing out ends the session', async () => {
    const { page, context } = await t.newPage();
    await login(page);
    await page.click('button:has-text("Logga ut")');
    await page.waitForURL(/\/staff\/login/);
    await page.goto(`${t.baseUrl}/staff/org`);
    expect(page.url()).toContain('/staff/login');
    await context.close();
  });
});

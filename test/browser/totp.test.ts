// The second factor in a browser: enrolment from "Mitt konto" without JavaScript (QR image, key
// as text, confirmation, recovery codes), the code step at sign-in, and the enrolment an admin is
// sent to when the tenant requires it — with an axe scan of every page and no sideways scroll at 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccountPolicy } from '../../src/modules/accounts/oidc.service.ts';
import { codeAt } from '../../src/modules/accounts/totp.fixtures.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoSidewaysScroll, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Tvåby kommun');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function scan(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function typePassword(page: Page, user: TestUser) {
  await page.goto(`${t.baseUrl}/staff/login?org=${tenant.tenant.slug}`);
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** The key shown for typing by hand, without its spaces. */
async function shownSecret(page: Page): Promise<string> {
  return ((await page.locator('code.token').first().textContent()) ?? '').replace(/\s/g, '');
}

describe('second factor in a browser', () => {
  it('enrols from "Mitt konto" without JavaScript, then signs in with a recovery code', async () => {
    const user = await createTestUser(t.db, tenant, [{ role: 'reader' }]);
    const { page, context } = await t.newPage({ javaScript: false });
    await typePassword(page, user);
    await page.goto(`${t.baseUrl}/staff/account`);
    await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
    await page.waitForURL(`${t.baseUrl}/staff/account/totp`);
    // The QR code is a same-origin image the browser loads (the CSP allows no inline script or style).
    const qr = page.getByRole('img', { name: /QR-kod/ });
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const secret = await shownSecret(page);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.fill('#code', codeAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Slå på' }).click();
    const codes = await page.locator('.recovery-codes code').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole('link', { name: /fortsätt/ }).click();
    expect(await page.getByText('Du har 10 oanvända reservkoder').count()).toBe(1);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    await typePassword(page, user);
    await page.waitForURL(`${t.baseUrl}/staff/login/code`);
    await page.fill('#code', codes[0] ?? '');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${t.baseUrl}/staff`);
    expect(await page.getByText('Du loggade in med en reservkod').count()).toBe(1);
    await context.close();
  }, 120_000);

  it('an admin the tenant requires it of enrols at sign-in; every page passes axe', async () => {
    const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
    await setAccountPolicy(tenant.system, { localPasswords: true, totpRequiredForAdmins: true }, { db: t.db, config: t.ctx.config });
    const { page, context } = await t.newPage();
    await typePassword(page, admin);
    await page.waitForURL(`${t.baseUrl}/staff/login/enrol`);
    await scan(page);
    const secret = await shownSecret(page);
    await page.fill('#code', '000000' === codeAt(secret, Date.now()) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Slå på' }).click();
    expect(await page.getByText('Koden stämmer inte').count()).toBeGreaterThan(0);
    await scan(page);
    await page.fill('#code', codeAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Slå på' }).click();
    expect(await page.locator('.recovery-codes code').count()).toBe(10);
    await scan(page);
    await page.getByRole('link', { name: /fortsätt/ }).click();
    await page.waitForURL(`${t.baseUrl}/staff`);
    await page.goto(`${t.baseUrl}/staff/account`);
    await scan(page);
    await page.goto(`${t.baseUrl}/staff/sign-on`);
    expect(await page.getByText('Inloggning via identitetstjänsten undantas').count()).toBe(1);
    await scan(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    // The code step page: the next sign-in asks for a code.
    await typePassword(page, admin);
    await page.waitForURL(`${t.baseUrl}/staff/login/code`);
    await scan(page);
    await context.close();
  }, 180_000);
});

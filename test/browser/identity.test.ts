// Journeys of identity: sign-on through the organisation's provider (a real oidc-provider on
// loopback), "Mina inloggningar", the sign-on settings and the audit trail — by keyboard, with
// an axe scan of every page visited, and without sideways scroll at 320 px.

import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRoleRule, saveSignOnSettings } from '../../src/modules/accounts/oidc.service.ts';
import { createTestContext, createTestTenant, createTestUser, type TestContext, type TestTenant, type TestUser } from '../helpers.ts';
import { startTestProvider, type TestProvider } from '../oidc-provider.ts';
import { CHROMIUM, expectNoAxeViolations, expectNoSidewaysScroll } from './browser.ts';

let t: TestContext;
let browser: Browser;
let provider: TestProvider;
let baseUrl: string;
let tenant: TestTenant;
let admin: TestUser;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  // The provider sends the browser back to BASE_URL, so the app listens where BASE_URL says.
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  t = await createTestContext({ BASE_URL: baseUrl });
  await t.app.listen({ port, host: '127.0.0.1' });
  provider = await startTestProvider([`${baseUrl}/staff/login/oidc/callback`], [`${baseUrl}/staff/login?loggedOut=1`]);
  tenant = await createTestTenant(t.db, 'Solby kommun');
  admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  await saveSignOnSettings(
    tenant.system,
    {
      displayName: 'Solby-konto',
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scopes: 'openid email profile groups',
    },
    { db: t.db, config: t.ctx.config },
  );
  await addRoleRule(tenant.system, { groupValue: 'insyn-admins', role: 'admin' }, { db: t.db });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await t?.close();
});

async function newPage(javaScript = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'sv-SE' });
  return context.newPage();
}

async function scan(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe('single sign-on in a browser', () => {
  it('signs in with "Logga in med Solby-konto" by keyboard, lands on the staff start page, and logs out at the provider too', async () => {
    provider.nextAccount = { sub: 'admin-sub', email: admin.email, name: 'Admin', groups: ['insyn-admins'] };
    const page = await newPage();
    await page.goto(`${baseUrl}/staff/login?org=${tenant.tenant.slug}`);
    await scan(page);
    const button = page.getByRole('link', { name: 'Logga in med Solby-konto' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/staff`);
    expect(await page.locator('h1').first().textContent()).toBeTruthy();

    // Mina inloggningar: this browser's session, with its button, and the tokens.
    await page.goto(`${baseUrl}/staff/account`);
    expect(await page.getByRole('heading', { name: 'Mina inloggningar' }).count()).toBe(1);
    expect(await page.getByText('(den här)').count()).toBe(1);
    await page.fill('#token-name', 'Rapportverktyg');
    await page.check('#token-read-only');
    await page.selectOption('#token-expires', '30');
    await page.getByRole('button', { name: 'Skapa token' }).click();
    expect(await page.locator('.token').first().textContent()).toMatch(/^insyn_/);
    expect(await page.getByText('Bara läsa').count()).toBeGreaterThan(0);
    await scan(page);

    // The admin's pages of this issue: sign-on settings (no secret shown) and the audit trail.
    await page.goto(`${baseUrl}/staff/sign-on`);
    expect(await page.content()).not.toContain(provider.clientSecret);
    await scan(page);
    await page.goto(`${baseUrl}/staff/audit?who=${encodeURIComponent(admin.email)}`);
    expect(await page.getByText('loggade in').count()).toBeGreaterThan(0);
    await scan(page);

    const logoutRequest = page.waitForRequest((r) => r.url().startsWith(`${provider.issuer}/session/end`), { timeout: 30_000 });
    await page.getByRole('button', { name: 'Logga ut' }).click();
    const end = new URL((await logoutRequest).url());
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    await page.context().close();
  }, 240_000);

  it('says clearly when the sign-on could not be completed, on an accessible page, without JavaScript', async () => {
    const page = await newPage(false);
    await page.goto(`${baseUrl}/staff/login/oidc/callback?code=abc&state=forged`);
    expect(await page.getByRole('alert').textContent()).toContain('ingen pågående inloggning');
    await page.context().close();
    const scanPage = await newPage();
    await scanPage.goto(`${baseUrl}/staff/login/oidc/callback?code=abc&state=forged`);
    await scan(scanPage);
    await scanPage.context().close();
  });

  it('forgot password: the request page and the reset form pass axe', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/staff/login?org=${tenant.tenant.slug}`);
    await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
    await scan(page);
    await page.goto(`${baseUrl}/staff/password/reset`);
    await scan(page);
    await page.context().close();
  });
});

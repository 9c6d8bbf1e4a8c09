// Reports in a browser: the quality strategist creates the executive board's Delår 2 report (first
// with a wrong period), reads the preview, approves it with the decision date and registration
// number, publishes it, and a resident reads it on the public pages with JavaScript off — axe on
// every page, no sideways scroll at 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_TITLE, type ReportsWorld, reportsWorld } from '../../src/modules/reports/reports.fixtures.ts';
import { createTestUser, type TestUser } from '../helpers.ts';
import {
  type BrowserTestContext,
  expectNoAxeViolations,
  expectNoAxeViolationsAt,
  expectNoSidewaysScroll,
  PHONE_WIDTH,
  startBrowserTest,
} from './browser.ts';

let t: BrowserTestContext;
let w: ReportsWorld;
let reader: TestUser;

beforeAll(async () => {
  t = await startBrowserTest();
  w = await reportsWorld(t.app, t.db);
  reader = await createTestUser(t.db, w.tt, [{ role: 'reader' }]);
}, 120_000);
afterAll(() => t.close());

async function login(page: Page, user: TestUser) {
  await page.goto(`${t.baseUrl}/staff/login`);
  await page.selectOption('#tenant', w.tt.tenant.slug);
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.press('#password', 'Enter');
  await page.waitForURL(`${t.baseUrl}/staff`);
}

describe('reports journey', () => {
  it('create, preview, approve, publish; the public reads it without JavaScript', { timeout: 180_000 }, async () => {
    const { page, context } = await t.newPage();
    try {
      await login(page, w.quality);
      await page.click('nav a:text-is("Rapporter")');
      await page.waitForURL(`${t.baseUrl}/staff/reports`);
      await expectNoAxeViolations(page);
      await page.selectOption('#boardUnitId', w.boardId);
      await page.fill('#newPeriod', '2026-D3');
      await page.fill('#introduction', 'Rapporten <b>skrivs</b> av sig själv.');
      await page.click('text=Skapa utkast');
      await expect.poll(() => page.textContent('.error-summary')).toContain('period');
      expect(await page.inputValue('#introduction')).toBe('Rapporten <b>skrivs</b> av sig själv.');
      await expectNoAxeViolations(page);
      await page.fill('#newPeriod', '2026-D2');
      await page.click('text=Skapa utkast');
      await page.waitForURL(/\/staff\/reports\/[0-9a-f-]{36}$/);
      const reportUrl = page.url();
      const id = reportUrl.split('/').pop() ?? '';
      expect(await page.textContent('h1')).toBe('Delår 2 2026, delårsrapport – Kommunstyrelsen');
      expect(await page.textContent('.report')).toContain(AREA_TITLE);
      // The quality strategist's text is text, never HTML.
      expect(await page.locator('.report b').count()).toBe(0);
      expect(await page.textContent('.report')).toContain('Rapporten <b>skrivs</b> av sig själv.');
      expect(await page.getAttribute('.report-figure svg', 'role')).toBe('img');
      expect(await page.getAttribute('.report-figure svg', 'aria-label')).toMatch(/^Liggande staplar per målområde/);
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.fill('#decisionDate', '2026-09-24');
      await page.fill('#registrationNumber', 'KS 2026/411');
      await page.click('text=Fastställ rapporten');
      await expect.poll(() => page.textContent('.notice')).toContain('fastställd');
      expect(await page.textContent('#changes ~ p')).toContain('Inga värden');
      await page.click('text=Publicera på kommunens webbplats');
      await expect.poll(() => page.textContent('.notice')).toContain('publicerad');
      await expectNoAxeViolations(page);

      const anonymous = await t.newPage({ javaScript: false, width: PHONE_WIDTH });
      try {
        await anonymous.page.goto(`${t.baseUrl}/${w.tt.tenant.slug}/rapporter`);
        await anonymous.page.click(`a[href^="/${w.tt.tenant.slug}/rapporter/${id}"]`);
        expect(await anonymous.page.textContent('h1')).toBe('Delår 2 2026, delårsrapport – Kommunstyrelsen');
        expect(await anonymous.page.textContent('.report-facts')).toContain('KS 2026/411');
        await expectNoSidewaysScroll(anonymous.page);
        const download = anonymous.page.waitForEvent('download');
        await anonymous.page.click('text=XLSX');
        expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
      } finally {
        await anonymous.context.close();
      }
      await expectNoAxeViolationsAt(t, [
        `${t.baseUrl}/${w.tt.tenant.slug}/rapporter`,
        `${t.baseUrl}/${w.tt.tenant.slug}/rapporter/${id}?lang=en`,
      ]);
    } finally {
      await context.close();
    }
  });

  it('a reader sees the reports and downloads, not the forms', { timeout: 60_000 }, async () => {
    const { page, context } = await t.newPage();
    try {
      await login(page, reader);
      await page.goto(`${t.baseUrl}/staff/reports`);
      expect(await page.locator('#boardUnitId').count()).toBe(0);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});

// The public survey answer page and the after-contact question in a real browser with JavaScript
// off: answered by keyboard, in Swedish, Finnish and English; zero axe violations and no sideways
// scroll at 320 px; the Insikt results page and the staff pages pass axe too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFixture } from '../../src/modules/cases/cases.fixtures.ts';
import { saveResult } from '../../src/modules/satisfaction/insikt.service.ts';
import { type SatisfactionWorld, satisfactionWorld } from '../../src/modules/satisfaction/satisfaction.fixtures.ts';
import { createTestTenant, createTestUser, loginCookies, type TestTenant } from '../helpers.ts';
import {
  type BrowserTestContext,
  expectNoAxeViolations,
  expectNoAxeViolationsAt,
  expectNoSidewaysScroll,
  PHONE_WIDTH,
  startBrowserTest,
} from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;
let w: SatisfactionWorld;

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Nöjdby kommun');
  await caseFixture(t.db, tenant);
  w = await satisfactionWorld(t.db, tenant);
  for (const [year, area, n, nki] of [
    [2024, 'total', 300, 69.6],
    [2025, 'total', 320, 72.4],
    [2025, 'bygglov', 120, 66],
    [2025, 'brandskydd', 4, 90],
  ] as const) {
    await saveResult(tenant.system, { year, area, n, nki, bemotande: nki + 5 }, { db: t.db });
  }
}, 120_000);
afterAll(() => t?.close());

describe('public survey answer page', () => {
  it('is answered by keyboard with JavaScript off, then thanks; axe zero and no sideways scroll at 320 px in sv/fi/en', async () => {
    const url = `${t.baseUrl}/${tenant.tenant.slug}/enkat/${w.surveyToken}`;
    await expectNoAxeViolationsAt(t, [`${url}?lang=sv`, `${url}?lang=fi`, `${url}?lang=en`], { width: PHONE_WIDTH });
    const { page, context } = await t.newPage({ javaScript: false, width: PHONE_WIDTH });
    try {
      await page.goto(`${url}?lang=sv`);
      await expectNoSidewaysScroll(page);
      // Sending without the required answer: the error summary names it.
      await page.getByRole('button', { name: 'Skicka svaren' }).click();
      await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Svara på frågan – den är obligatorisk.');
      await expectNoSidewaysScroll(page);
      // Keyboard only: focus the scale's first option, move with the arrow keys, type the free text.
      await page.locator(`#q-${w.questionId}`).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.getByLabel('Vad kan bli bättre? (frivillig)').fill('Mer öppet på kvällarna.');
      await page.getByRole('button', { name: 'Skicka svaren' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/enkat\/tack/);
      expect(await page.locator('h1').textContent()).toBe('Tack för dina svar!');
    } finally {
      await context.close();
    }
    const stored = await t.db
      .selectFrom('survey_answers')
      .select(['value_int', 'value_text'])
      .where('tenant_id', '=', tenant.tenant.id)
      .where('question_id', '=', w.questionId)
      .execute();
    expect(stored).toEqual([{ value_int: 4, value_text: null }]);
    await expectNoAxeViolationsAt(t, [`${t.baseUrl}/${tenant.tenant.slug}/enkat/tack?lang=fi`], { width: PHONE_WIDTH });
  }, 240_000);

  it('the after-contact question: axe zero at 320 px, answered without JavaScript, a second answer says it is already answered', async () => {
    const url = `${t.baseUrl}/${tenant.tenant.slug}/nojdhet/svar/${w.afterContactToken}`;
    await expectNoAxeViolationsAt(t, [`${url}?lang=sv`, `${url}?lang=en`, `${url}?lang=fi`], { width: PHONE_WIDTH });
    const { page, context } = await t.newPage({ javaScript: false, width: PHONE_WIDTH });
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${url}?lang=en`);
      await expectNoSidewaysScroll(page);
      await page.getByLabel('5 – very satisfied').check();
      await page.getByRole('button', { name: 'Send the answers' }).click();
      await page.waitForURL(/\/nojdhet\/tack/);
      await page.goto(`${url}?lang=en`);
      expect(await page.locator('.notice').textContent()).toContain('You have already answered');
    } finally {
      await context.close();
    }
    // axe needs JavaScript: the answered state is scanned in a JavaScript-enabled context.
    await expectNoAxeViolationsAt(t, [`${url}?lang=en`], { width: PHONE_WIDTH });
  }, 240_000);
});

describe('results pages', () => {
  it('the public Insikt page and the staff pages have no axe violations and fit 320 px', async () => {
    await expectNoAxeViolationsAt(t, [`${t.baseUrl}/${tenant.tenant.slug}/nojdhet?lang=en`], { width: PHONE_WIDTH });
    const quality = await createTestUser(t.db, tenant, [{ role: 'quality' }]);
    const cookie = await loginCookies(t.app, tenant.tenant.slug, quality.email, quality.password);
    const { page, context } = await t.newPage({ javaScript: true, width: PHONE_WIDTH });
    try {
      await context.addCookies(
        cookie.split('; ').map((c) => {
          const i = c.indexOf('=');
          return { name: c.slice(0, i), value: c.slice(i + 1), url: t.baseUrl };
        }),
      );
      for (const path of [
        '/staff/satisfaction',
        '/staff/satisfaction/import',
        '/staff/satisfaction/result',
        '/staff/satisfaction/settings',
        '/staff/surveys',
        '/staff/surveys/new',
        `/staff/surveys/${w.surveyId}`,
        '/staff/satisfaction/after-contact?from=2026-01-01&to=2026-12-31',
      ]) {
        await page.goto(`${t.baseUrl}${path}`);
        expect(await page.locator('h1').count(), path).toBe(1);
        await expectNoAxeViolations(page);
        await expectNoSidewaysScroll(page);
      }
    } finally {
      await context.close();
    }
  }, 300_000);
});

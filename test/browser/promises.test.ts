// Promises and meetings in a browser: the public promise list and a promise's page without
// JavaScript in Swedish, Finnish and English, the public meeting list, and the quality
// strategist's promise pages — each with an axe scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCaseEvent, createCase } from '../../src/modules/cases/cases.service.ts';
import { createCategory } from '../../src/modules/cases/categories.service.ts';
import { createMeeting } from '../../src/modules/meetings/meetings.service.ts';
import { createUnit } from '../../src/modules/org/org.service.ts';
import { createPromise, transitionPromise } from '../../src/modules/promises/promises.service.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoAxeViolationsAt, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;
let quality: TestUser;
let promiseId = '';

// The pages report on "this year": the app's clock is fixed in mid-2025, so the cases below lie in
// its past whatever the real date (they failed from January to May when they were "this year's").
const YEAR = 2025;
const NOW = new Date('2025-06-16T10:00:00+02:00');

beforeAll(async () => {
  t = await startBrowserTest({ now: () => NOW });
  tenant = await createTestTenant(t.db, 'Löftesby kommun');
  const db = { db: t.db };
  const sys = tenant.system;
  const board = await createUnit(sys, { name: 'Byggnadsnämnden', kind: 'board', parentId: tenant.rootId }, db);
  const adm = await createUnit(sys, { name: 'Samhällsbyggnadsförvaltningen', kind: 'administration', parentId: board.id }, db);
  await createCategory(sys, { code: 'bygglov', name: 'Bygglov', unitId: adm.id }, db);
  quality = await createTestUser(t.db, tenant, [{ role: 'quality' }]);
  const year = YEAR;
  // Four cases this year: three answered in time, one late.
  for (const [received, answered] of [
    [`${year}-03-02T09:00:00+01:00`, `${year}-03-03T09:00:00+01:00`],
    [`${year}-03-09T09:00:00+01:00`, `${year}-03-10T09:00:00+01:00`],
    [`${year}-05-04T09:00:00+02:00`, `${year}-05-05T09:00:00+02:00`],
    [`${year}-05-11T09:00:00+02:00`, `${year}-05-20T09:00:00+02:00`],
  ]) {
    const { case: c } = await createCase(
      sys,
      { type: 'question', channel: 'phone', category: 'bygglov', message: 'Fråga', receivedAt: received },
      db,
    );
    await addCaseEvent(sys, c.id, { kind: 'first_response', body: 'Svar', at: answered }, db);
  }
  const p = await createPromise(
    sys,
    {
      title: 'Svar på bygglovsfrågor inom två arbetsdagar',
      kind: 'guarantee',
      unitId: adm.id,
      validFrom: `${year - 1}-01-01`,
      metric: { type: 'case_first_response', workingDays: 2, filter: { categories: ['bygglov'] } },
      target: 0.95,
      remedy: 'Vi ber om ursäkt och ringer upp samma dag.',
      counterRequirement: 'Lämna telefonnummer.',
    },
    db,
  );
  promiseId = p.id;
  await transitionPromise(
    sys,
    p.id,
    { to: 'decided', decision: { board: 'Byggnadsnämnden', date: `${year - 1}-12-10`, registrationNumber: 'BN 2024/77' } },
    db,
  );
  await transitionPromise(sys, p.id, { to: 'published' }, db);
  await createMeeting(sys, { boardUnitId: board.id, meetingDate: `${year}-03-12`, documentsPublishedAt: `${year}-03-04 16:00` }, db);
});
afterAll(() => t.close());

describe('public promise pages', () => {
  it('list and promise page work without JavaScript in sv, fi and en, with a chart and its table', async () => {
    const { page, context } = await t.newPage({ javaScript: false });
    const slug = tenant.tenant.slug;
    await page.goto(`${t.baseUrl}/${slug}`);
    await page.click(`a[href^="/${slug}/promises?"]`);
    const list = (await page.locator('main').textContent()) ?? '';
    expect(list).toContain('Svar på bygglovsfrågor inom två arbetsdagar');
    expect(list).toContain('75'); // 3 of 4 on time
    await page.click('main >> text=Svar på bygglovsfrågor inom två arbetsdagar');
    expect(page.url()).toContain(promiseId);
    // The list is a summary; the remedy, chart and table are on the promise's own page (issue 12).
    expect(await page.locator('main').textContent()).toContain('Vi ber om ursäkt och ringer upp samma dag.');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await page.locator('table').count()).toBeGreaterThan(0);
    const visited = [`${t.baseUrl}/${slug}/promises`, page.url()];
    for (const lang of ['fi', 'en']) {
      await page.goto(`${t.baseUrl}/${slug}/promises?lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      visited.push(page.url(), `${t.baseUrl}/${slug}/promises/${promiseId}?lang=${lang}`);
    }
    await page.goto(`${t.baseUrl}/${slug}/meetings`);
    expect(await page.locator('main').textContent()).toContain('Byggnadsnämnden');
    visited.push(page.url(), `${t.baseUrl}/${slug}`);
    await context.close();
    await expectNoAxeViolationsAt(t, visited);
  });
});

describe('staff promise pages', () => {
  it('the quality strategist sees the register, the new-promise form with its errors, and the results; axe on each', async () => {
    const { page, context } = await t.newPage();
    await page.goto(`${t.baseUrl}/staff/login`);
    await page.selectOption('#tenant', tenant.tenant.slug);
    await page.fill('#email', quality.email);
    await page.fill('#password', quality.password);
    await page.press('#password', 'Enter');
    await page.waitForURL(`${t.baseUrl}/staff`);
    await page.click('nav >> text=Servicelöften');
    expect(await page.locator('main').textContent()).toContain('Svar på bygglovsfrågor inom två arbetsdagar');
    await expectNoAxeViolations(page);
    await page.goto(`${t.baseUrl}/staff/promises/new`);
    await expectNoAxeViolations(page);
    await page.locator('main form button[type=submit]').first().click();
    expect(await page.locator('.error-summary').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.goto(`${t.baseUrl}/staff/promises/${promiseId}`);
    await expectNoAxeViolations(page);
    await page.goto(`${t.baseUrl}/staff/promises/${promiseId}/results`);
    await expectNoAxeViolations(page);
    await page.goto(`${t.baseUrl}/staff/meetings`);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

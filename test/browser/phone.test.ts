// Phones (WCAG 1.4.10 reflow): every public page, with JavaScript off, and the officer's inbox,
// case, statistics and meetings pages fit 320 CSS px without sideways scrolling; wide tables
// scroll inside their own labelled region, long words and links wrap. axe runs on each at 320 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCaseEvent, createCase } from '../../src/modules/cases/cases.service.ts';
import { createCategory } from '../../src/modules/cases/categories.service.ts';
import { createMeeting } from '../../src/modules/meetings/meetings.service.ts';
import { createUnit } from '../../src/modules/org/org.service.ts';
import { createPromise, transitionPromise } from '../../src/modules/promises/promises.service.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
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
let officer: TestUser;
let promiseId = '';
let caseId = '';
let answeredTracking = '';
const year = new Date().getFullYear() - 1;
// A word longer than a phone is wide, as residents paste them (URLs, reference numbers).
const LONG_WORD = `https://www.example.se/${'felanmalan-'.repeat(12)}storgatan`;

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Smalby kommun');
  const db = { db: t.db };
  const sys = tenant.system;
  const board = await createUnit(sys, { name: 'Samhällsbyggnadsnämnden', kind: 'board', parentId: tenant.rootId }, db);
  const adm = await createUnit(sys, { name: 'Samhällsbyggnadsförvaltningen', kind: 'administration', parentId: board.id }, db);
  await createCategory(sys, { code: 'gator', name: 'Gator, vägar och gång- och cykelvägar', unitId: adm.id }, db);
  await createCategory(sys, { code: 'bygglov', name: 'Bygglov och strandskyddsdispens', unitId: adm.id }, db);
  officer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: tenant.rootId }]);
  for (const [category, received, answered] of [
    ['gator', `${year}-03-02T09:00:00+01:00`, `${year}-03-03T09:00:00+01:00`],
    ['bygglov', `${year}-05-04T09:00:00+02:00`, `${year}-05-20T09:00:00+02:00`],
  ]) {
    const { case: c, trackingToken } = await createCase(
      sys,
      { type: 'question', channel: 'phone', category, subject: LONG_WORD, message: `Se ${LONG_WORD} för detaljer.`, receivedAt: received },
      db,
    );
    await addCaseEvent(sys, c.id, { kind: 'first_response', body: `Svar med länk ${LONG_WORD}`, at: answered }, db);
    caseId = c.id;
    answeredTracking = `/${tenant.tenant.slug}/cases/track/${trackingToken}`;
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
    },
    db,
  );
  promiseId = p.id;
  await transitionPromise(
    sys,
    p.id,
    { to: 'decided', decision: { board: 'Samhällsbyggnadsnämnden', date: `${year - 1}-12-10`, registrationNumber: 'SBN 2024/1234567' } },
    db,
  );
  await transitionPromise(sys, p.id, { to: 'published' }, db);
  await createMeeting(sys, { boardUnitId: board.id, meetingDate: `${year}-03-12`, documentsPublishedAt: `${year}-03-04 16:00` }, db);
});
afterAll(() => t.close());

/** Visits each URL in the page and checks it at 320 px; returns the URLs for the axe pass. */
async function visitNarrow(page: Page, urls: string[]): Promise<void> {
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response, url).not.toBeNull();
    await expectNoSidewaysScroll(page);
  }
}

describe('public pages at 320 px without JavaScript', () => {
  // Many pages, each with an axe scan, on a shared 2-core machine.
  const SLOW = { timeout: 180_000 };

  it('start page, promises, meetings, an answered case, error and 404 pages fit and pass axe', SLOW, async () => {
    const slug = tenant.tenant.slug;
    const { page, context } = await t.newPage({ javaScript: false, width: PHONE_WIDTH });
    const urls = [
      `${t.baseUrl}/`,
      `${t.baseUrl}/${slug}`,
      `${t.baseUrl}/${slug}?lang=fi`,
      `${t.baseUrl}/${slug}/promises`,
      `${t.baseUrl}/${slug}/promises/${promiseId}`,
      `${t.baseUrl}/${slug}/promises/${promiseId}?lang=fi`,
      `${t.baseUrl}/${slug}/meetings?year=${year}`,
      `${t.baseUrl}/${slug}/meetings?year=${year}&lang=en`,
      `${t.baseUrl}${answeredTracking}?lang=fi`,
      `${t.baseUrl}/${slug}/meetings?year=3000`,
      `${t.baseUrl}/${slug}/no-such-page`,
      `${t.baseUrl}/no-such-municipality?lang=fi`,
    ];
    await visitNarrow(page, urls);
    await context.close();
    await expectNoAxeViolationsAt(t, urls, { width: PHONE_WIDTH });
  });

  it('the form, its error summary, the receipt with the long private link and the tracking page fit and pass axe', SLOW, async () => {
    const slug = tenant.tenant.slug;
    const { page, context } = await t.newPage({ javaScript: false, width: PHONE_WIDTH });
    await visitNarrow(page, [`${t.baseUrl}/${slug}/cases/new?lang=fi`, `${t.baseUrl}/${slug}/cases/new?lang=sv`]);
    await page.click('button[type=submit]');
    expect(await page.locator('.error-summary').count()).toBe(1);
    await expectNoSidewaysScroll(page);
    await page.check('#type');
    await page.selectOption('#category', 'gator');
    await page.fill('#subject', LONG_WORD.slice(0, 180));
    await page.fill('#message', `Lampan vid ${LONG_WORD} är trasig.`);
    await page.fill('#contact\\.email', 'en.mycket.lang.adress.till.en.invanare@exempel-kommunen.se');
    await page.click('button[type=submit]');
    expect(await page.locator('.panel').count()).toBe(1);
    await expectNoSidewaysScroll(page);
    const receipt = page.url();
    const tracking = receipt.split('?')[0];
    await visitNarrow(page, [tracking, `${tracking}?lang=en`]);
    await context.close();

    await expectNoAxeViolationsAt(t, [`${t.baseUrl}/${slug}/cases/new?lang=fi`, receipt, tracking], { width: PHONE_WIDTH });
    const js = await t.newPage({ javaScript: true, width: PHONE_WIDTH });
    await js.page.goto(`${t.baseUrl}/${slug}/cases/new`);
    await js.page.click('button[type=submit]');
    await expectNoAxeViolations(js.page);
    await js.context.close();
  });
});

describe('staff pages at 320 px', () => {
  it('inbox, case, statistics (with its chart) and meetings fit and pass axe', { timeout: 180_000 }, async () => {
    const { page, context } = await t.newPage({ width: PHONE_WIDTH });
    await page.goto(`${t.baseUrl}/staff/login`);
    await page.selectOption('#tenant', tenant.tenant.slug);
    await page.fill('#email', officer.email);
    await page.fill('#password', officer.password);
    await page.press('#password', 'Enter');
    await page.waitForURL(`${t.baseUrl}/staff`);
    for (const path of [
      '/staff/cases?status=all',
      `/staff/cases/${caseId}`,
      `/staff/stats?from=${year}-01-01&to=${year}-12-31`,
      `/staff/meetings?year=${year}`,
    ]) {
      await page.goto(`${t.baseUrl}${path}`);
      expect(await page.locator('h1').count(), path).toBe(1);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    }
    // The statistics chart is there (so axe saw it), labelled as one image.
    await page.goto(`${t.baseUrl}/staff/stats?from=${year}-01-01&to=${year}-12-31`);
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    await context.close();
  });
});

// Kolada in a browser, JavaScript off: the quality strategist searches a KPI from an indicator's
// page, reads its description, links it, sees the comparison chart and table with "Källa: Kolada",
// and the list of revisions — axe on every page, no sideways scroll at 320 px. The fake Kolada
// (loopback) answers; the demo indicator's figures come from the recorded demo set.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIndicator } from '../../src/modules/goals/index.ts';
import { seedKoladaDemo } from '../../src/modules/kolada/index.ts';
import { configureKolada } from '../../src/modules/kolada/kolada.service.ts';
import { createUnit } from '../../src/modules/org/org.service.ts';
import { type FakeKolada, startFakeKolada } from '../fakes/kolada-server.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoSidewaysScroll, PHONE_WIDTH, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let fake: FakeKolada;
let tenant: TestTenant;
let quality: TestUser;
let manualId = '';
const kpi = `N${10000 + Math.floor(Math.random() * 89999)}`;
const Y = new Date().getFullYear();

beforeAll(async () => {
  t = await startBrowserTest();
  fake = await startFakeKolada();
  configureKolada({ koladaUrl: fake.url, koladaTimeoutMs: 2000 }, { minIntervalMs: 0, backoffMs: 5 });
  fake.kpis.push({
    id: kpi,
    title: `Väntetid bygglov i dagar ${kpi}`,
    description: 'Mediantid från komplett ansökan till beslut om bygglov.',
  });
  fake.municipalities.push({ id: '0188', title: 'Norrtälje', type: 'K' }, { id: '0000', title: 'Riket', type: 'L' });
  for (const [m, a, b] of [
    ['0188', 34, 29],
    ['0000', 31, 30],
  ] as const) {
    fake.values.push({ kpi, municipality: m, period: Y - 2, gender: 'T', value: a, changed: '2026-01-01' });
    fake.values.push({ kpi, municipality: m, period: Y - 1, gender: 'T', value: b, changed: '2026-01-01' });
  }
  tenant = await createTestTenant(t.db, 'Jämförby kommun');
  const unit = await createUnit(tenant.system, { name: 'Kontaktcenter', kind: 'unit', parentId: tenant.rootId }, { db: t.db });
  quality = await createTestUser(t.db, tenant, [{ role: 'quality' }]);
  await seedKoladaDemo(t.db, { norrtalje: tenant.tenant });
  manualId = (
    await createIndicator(
      tenant.system,
      { title: 'Handläggningstid bygglov', unit: 'dagar', direction: 'lower', decimals: 0, ownerUnitId: unit.id, level: 'KF' },
      { db: t.db },
    )
  ).id;
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

async function login(page: Page, user: TestUser) {
  await page.goto(`${t.baseUrl}/staff/login`);
  await page.selectOption('#tenant', tenant.tenant.slug);
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.press('#password', 'Enter');
  await page.waitForURL(`${t.baseUrl}/staff`);
}

describe('Kolada comparisons', () => {
  it('search, confirm by description, link, and see chart, table, source and revisions — without JavaScript, axe clean, 320 px', async () => {
    const { page, context } = await t.newPage({ javaScript: false });
    await login(page, quality);
    await page.goto(`${t.baseUrl}/staff/goals/indicators/${manualId}`);
    await page.fill('#kolada-title', 'bygglov');
    await page.click('.kolada-search button');
    const searchUrl = page.url();
    expect(await page.locator('main').textContent()).toContain('Mediantid från komplett ansökan till beslut om bygglov.');
    await page.click(`button:has-text("Koppla till ${kpi}")`);
    await page.waitForURL(`${t.baseUrl}/staff/goals/indicators/${manualId}`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Jämförelse (Kolada)');
    expect(main).toContain('Källa: Kolada, hämtad');
    expect(await page.locator('.kolada figure [role="img"]').count()).toBe(1);
    expect(await page.locator('.kolada table caption').textContent()).toContain('Källa: Kolada');

    await page.goto(`${t.baseUrl}/staff/kolada`);
    expect(await page.locator('main').textContent()).toContain('Kolada har ändrat 2024 från 71 till 72, 2026-11-23');
    const demoLink = page.locator('main table a').first();
    const demoUrl = `${t.baseUrl}${await demoLink.getAttribute('href')}`;
    await page.goto(demoUrl);
    expect(await page.locator('main').textContent()).toContain('Liknande kommuner (demodata)');

    const urls = [`${t.baseUrl}/staff/goals/indicators/${manualId}`, demoUrl, `${t.baseUrl}/staff/kolada`, searchUrl];
    for (const url of urls) {
      await page.goto(url);
      await expectNoSidewaysScroll(page);
    }
    await context.close();
    // axe needs JavaScript: the same pages again, signed in, in a JavaScript context at 320 px.
    const js = await t.newPage({ javaScript: true, width: PHONE_WIDTH });
    await login(js.page, quality);
    for (const url of urls) {
      await js.page.goto(url);
      await expectNoAxeViolations(js.page);
    }
    await js.context.close();
  }, 180_000);
});

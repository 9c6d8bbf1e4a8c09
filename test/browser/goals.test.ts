// Goals and follow-up in a browser: the quality strategist sees the plan, an indicator and the
// assignments, opens a round; an owner reports in "Att rapportera" and marks the item ready; the
// quality strategist sees the progress on the board and closes the round — axe on every page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActionPlan } from '../../src/modules/goals/action-plans.service.ts';
import { createAssignment } from '../../src/modules/goals/assignments.service.ts';
import { createGoal, createGoalArea, createIndicator, createPlan, putIndicatorValues } from '../../src/modules/goals/index.ts';
import { createUnit } from '../../src/modules/org/org.service.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../helpers.ts';
import { type BrowserTestContext, expectNoAxeViolations, expectNoSidewaysScroll, startBrowserTest } from './browser.ts';

let t: BrowserTestContext;
let tenant: TestTenant;
let quality: TestUser;
let owner: TestUser;
let indicatorId = '';
let actionPlanId = '';
let planId = '';
let areaId = '';
let goalId = '';
let assignmentId = '';

beforeAll(async () => {
  t = await startBrowserTest();
  tenant = await createTestTenant(t.db, 'Målby kommun');
  const db = { db: t.db };
  const sys = tenant.system;
  const board = await createUnit(sys, { name: 'Kommunstyrelsen', kind: 'board', parentId: tenant.rootId }, db);
  const unit = await createUnit(sys, { name: 'Kontaktcenter', kind: 'unit', parentId: board.id }, db);
  quality = await createTestUser(t.db, tenant, [{ role: 'quality' }]);
  owner = await createTestUser(t.db, tenant, [{ role: 'agent', unitId: unit.id }]);
  const plan = await createPlan(
    sys,
    { title: 'Mål och budget 2025–2027', firstYear: 2025, lastYear: 2027, decidedBy: 'Kommunfullmäktige' },
    db,
  );
  const area = await createGoalArea(
    sys,
    plan.id,
    {
      number: 2,
      title: 'Attraktiv kommun',
      ambition: 'År 2035 är vi bäst.\n\n- Snabb service\n- Öppenhet',
      inPractice: 'Det betyder <b>mycket</b>.',
    },
    db,
  );
  const goal = await createGoal(sys, area.id, { number: '2.1', title: 'God service', text: 'Kommunen ger god service.' }, db);
  planId = plan.id;
  areaId = area.id;
  goalId = goal.id;
  const ind = await createIndicator(
    sys,
    { title: 'Andel besvarade samtal', unit: '%', direction: 'higher', decimals: 0, ownerUnitId: unit.id, level: 'KF', goalIds: [goal.id] },
    db,
  );
  indicatorId = ind.id;
  await putIndicatorValues(
    sys,
    ind.id,
    [
      { period: '2023', kind: 'outcome', value: 71, imported: true },
      { period: '2024', kind: 'outcome', value: 78, imported: true },
      { period: '2025', kind: 'outcome', value: 80 },
      { period: '2025', kind: 'target', value: 85 },
      { period: '2026', kind: 'target', value: 88 },
      { period: '2027', kind: 'target', value: 90 },
      { period: '2026', kind: 'forecast', value: 84 },
    ],
    db,
  );
  assignmentId = (
    await createAssignment(
      sys,
      { kind: 'assignment', title: 'Inför chatt i kontaktcenter', responsibleUnitId: unit.id, goalId: goal.id, endDate: '2026-06-30' },
      db,
    )
  ).id;
  actionPlanId = await createActionPlan(
    sys,
    {
      title: 'Handlingsplan för service till företag',
      responsibleUnitId: unit.id,
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      followUpInterval: 'tertial',
      budget: { '2025': 450000 },
      activities: [
        {
          number: 1,
          title: 'Företagslots',
          startDate: '2025-02-01',
          endDate: '2026-12-31',
          responsibleUnitId: unit.id,
          steps: '- Rekrytera\n- Starta',
        },
      ],
    },
    db,
  );
});
afterAll(() => t.close());

/** Presses Tab until the element with this id has focus: it is reachable by keyboard, in order. */
async function tabTo(page: Page, id: string) {
  for (let n = 0; n < 120; n++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`#${id} was not reached with Tab`);
}

async function login(page: Page, user: TestUser) {
  await page.goto(`${t.baseUrl}/staff/login`);
  await page.selectOption('#tenant', tenant.tenant.slug);
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await page.press('#password', 'Enter');
  await page.waitForURL(`${t.baseUrl}/staff`);
}

describe('goals and follow-up rounds', () => {
  it('plan, indicator, assignments and action plan pages: chart with its table, text never as HTML, 320 px, axe clean', async () => {
    const { page, context } = await t.newPage();
    await login(page, quality);
    await page.click('nav >> text=Mål och uppföljning');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Målområde 2. Attraktiv kommun');
    expect(main).toContain('Inriktningsmål 2.1 God service');
    // Plain text stays text.
    expect(await page.locator('main b').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.click('text=Andel besvarade samtal');
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    expect(await page.locator('main table').first().textContent()).toContain('importerat');
    await expectNoAxeViolations(page);
    await page.goto(`${t.baseUrl}/staff/goals/assignments?overdue=true`);
    expect(await page.locator('main').textContent()).toContain('Inför chatt i kontaktcenter');
    await expectNoAxeViolations(page);
    await page.goto(`${t.baseUrl}/staff/goals/action-plans/${actionPlanId}`);
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${t.baseUrl}/staff/goals/indicators/${indicatorId}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(overflow).toBe(false);
    await context.close();
  });

  it('the quality strategist opens a round, an owner reports, the quality strategist sees the progress', async () => {
    const q = await t.newPage({ javaScript: false });
    await login(q.page, quality);
    await q.page.goto(`${t.baseUrl}/staff/goals/rounds`);
    await q.page.fill('#title', 'Delår 1 2026');
    await q.page.fill('#period', '2026-D3');
    await q.page.fill('#deadline', '2026-05-15');
    await q.page.click('text=Öppna uppföljningen');
    expect(await q.page.locator('.error-summary').count()).toBe(1);
    await q.page.fill('#period', '2026-D1');
    await q.page.click('text=Öppna uppföljningen');
    await q.page.waitForURL(/\/staff\/goals\/rounds\/[0-9a-f-]{36}$/);
    const boardUrl = q.page.url();
    expect(await q.page.locator('main').textContent()).toContain('Delår 1 2026 – lägesbild');

    const o = await t.newPage({ javaScript: false });
    await login(o.page, owner);
    await o.page.click('nav >> text=Att rapportera');
    const item = o.page.locator('article.report-item', { hasText: 'Andel besvarade samtal' });
    await item.locator('button:has-text("Markera som klar")').click();
    expect(await o.page.locator('.error-summary').textContent()).toContain('Fyll i utfallet');
    await o.page.locator('article.report-item', { hasText: 'Andel besvarade samtal' }).locator('input[name=value]').fill('83,5');
    await o.page.locator('article.report-item', { hasText: 'Andel besvarade samtal' }).locator('textarea').fill('Fler samtal i mars.');
    await o.page.locator('article.report-item', { hasText: 'Andel besvarade samtal' }).locator('button:has-text("Spara")').click();
    expect(await o.page.locator('.notice').textContent()).toContain('Sparat');
    await o.page
      .locator('article.report-item', { hasText: 'Andel besvarade samtal' })
      .locator('button:has-text("Markera som klar")')
      .click();
    expect(await o.page.locator('article.report-item', { hasText: 'Andel besvarade samtal' }).textContent()).toContain('Klar');

    await q.page.goto(boardUrl);
    const board = (await q.page.locator('main').textContent()) ?? '';
    expect(board).toContain('Kontaktcenter');
    expect(board).toContain(owner.email);
    expect(board).toMatch(/Andel besvarade samtal – ✓ Klar/);

    // axe needs JavaScript: scan the pages of the journey in JavaScript-enabled sessions.
    for (const [user, urls] of [
      [quality, [`${t.baseUrl}/staff/goals/rounds`, boardUrl]],
      [owner, [`${t.baseUrl}/staff/goals/report`]],
    ] as const) {
      const s = await t.newPage();
      await login(s.page, user);
      for (const url of urls) {
        await s.page.goto(url);
        await expectNoAxeViolations(s.page);
      }
      await s.context.close();
    }
    await q.page.click('text=Stäng uppföljningen');
    expect(await q.page.locator('.notice').textContent()).toContain('låsta');
    await q.context.close();
    await o.context.close();
  });

  it('the forms that define the plan: walked by keyboard, errors in the form, axe clean, no sideways scroll at 320 px', async () => {
    const { page, context } = await t.newPage();
    await login(page, quality);
    await page.goto(`${t.baseUrl}/staff/goals?plan=${planId}`);
    await page.click('text=Ny indikator');
    await page.waitForURL(`${t.baseUrl}/staff/goals/indicators/new`);
    await expectNoAxeViolations(page);

    // Submitting without a title: the form comes back with the summary, the field marked, what was typed kept.
    await tabTo(page, 'unit');
    await page.keyboard.type('%');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').textContent()).toContain('Ange indikatorns namn');
    expect(await page.locator('#title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#unit').inputValue()).toBe('%');
    await expectNoAxeViolations(page);
    // The summary's link takes the keyboard to the field.
    await page.locator('.error-summary a[href="#title"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Andel nöjda företagare');
    await tabTo(page, 'ownerUnitId');
    await page.keyboard.type('Kontakt');
    expect(await page.locator('#ownerUnitId option:checked').textContent()).toBe('Kontaktcenter');
    await tabTo(page, 'goalIds-0');
    await page.keyboard.press('Space');
    expect(await page.locator('#goalIds-0').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skapa indikatorn');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/goals\/indicators\/[0-9a-f-]{36}$/);
    expect(await page.locator('.notice').textContent()).toContain('Andel nöjda företagare är skapad');
    await expectNoAxeViolations(page);

    // An assignment by keyboard, from the list's link.
    await page.goto(`${t.baseUrl}/staff/goals/assignments`);
    await page.click('text=Nytt uppdrag eller nämndinitiativ');
    await tabTo(page, 'title');
    await page.keyboard.type('Öppna företagslotsen');
    await tabTo(page, 'responsibleUnitId');
    await page.keyboard.type('Kontakt');
    await tabTo(page, 'decisionInstance');
    await page.keyboard.type('Kommunstyrelsen');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}/staff/goals/assignments`);
    expect(await page.locator('main').textContent()).toContain('Öppna företagslotsen är skapat.');
    expect(await page.locator('main table').textContent()).toContain('Öppna företagslotsen');

    const { activities } = (
      await t.app.inject({ method: 'GET', url: `/api/v1/action-plans/${actionPlanId}`, headers: quality.auth })
    ).json();
    const forms = [
      '/staff/goals/plans/new',
      `/staff/goals/plans/${planId}/edit`,
      `/staff/goals/plans/${planId}/goal-areas/new`,
      `/staff/goals/goal-areas/${areaId}/edit`,
      `/staff/goals/goal-areas/${areaId}/goals/new?parent=${goalId}`,
      `/staff/goals/goals/${goalId}`,
      `/staff/goals/goals/${goalId}/edit`,
      `/staff/goals/indicators/${indicatorId}/edit`,
      `/staff/goals/assignments/${assignmentId}/edit`,
      '/staff/goals/action-plans/new',
      `/staff/goals/action-plans/${actionPlanId}/activities/new`,
      `/staff/goals/activities/${activities[0].id}/edit`,
    ];
    for (const url of forms) {
      await page.goto(`${t.baseUrl}${url}`);
      await expectNoAxeViolations(page);
    }
    await context.close();

    // At 320 px (and without JavaScript) the longest forms do not scroll sideways.
    const narrow = await t.newPage({ javaScript: false, width: 320 });
    await login(narrow.page, quality);
    for (const url of ['/staff/goals/indicators/new', `/staff/goals/goals/${goalId}`, '/staff/goals/assignments/new']) {
      await narrow.page.goto(`${t.baseUrl}${url}`);
      await expectNoSidewaysScroll(narrow.page);
    }
    await narrow.context.close();
  }, 300_000);
});

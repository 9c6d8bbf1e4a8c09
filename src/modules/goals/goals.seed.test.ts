import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, loginCookies, type TestContext } from '../../../test/helpers.ts';
import type { Db } from '../../db/database.ts';
import { type DemoUnit, NORRTALJE_BOARDS } from '../../db/seed/demo-org.ts';
import type { Actor } from '../accounts/actor.ts';
import { createUnit, listUnits } from '../org/org.service.ts';
import { getActionPlan, listActionPlans } from './action-plans.service.ts';
import { getAssignment, listAssignments } from './assignments.service.ts';
import { indicatorDetail, planTree } from './goals.read.ts';
import { PLAN_TITLE, seedGoalsDemo } from './goals.seed.ts';
import { listPlans } from './goals.service.ts';
import { progressBoard } from './rounds.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function units(db: Db, actor: Actor, parentId: string, list: DemoUnit[]) {
  for (const u of list) {
    const created = await createUnit(actor, { name: u.name, kind: u.kind, parentId }, { db });
    if (u.children) await units(db, actor, created.id, u.children);
  }
}

describe('demo goals: the executive board’s whole plan 2025–2027', () => {
  it('seeds every goal area, goal, indicator and assignment as printed, the action plan and a half-reported round — once', async () => {
    const tt = await createTestTenant(t.db, 'Norrtälje kommun (demo)');
    await units(t.db, tt.system, tt.rootId, NORRTALJE_BOARDS);
    const tenants = { norrtalje: tt.tenant, lulea: tt.tenant };
    await seedGoalsDemo(t.db, tenants);
    await seedGoalsDemo(t.db, tenants);
    const ctx = { db: t.db };
    const unitName = new Map((await listUnits(t.db, tt.tenant.id)).map((u) => [u.id, u.name]));

    const plans = await listPlans(tt.system, ctx);
    expect(plans.map((p) => p.title).sort()).toEqual([PLAN_TITLE, 'Mål och budget 2025–2027']);
    const ks = plans.find((p) => p.title === PLAN_TITLE);
    const tree = await planTree(tt.system, ks?.id ?? '', {}, ctx);

    // Goal areas 1–7 with ambition 2035, "vad betyder det i praktiken" and the board's contribution.
    expect(tree.goalAreas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const [a1, , a3, a4, , , a7] = tree.goalAreas;
    expect(a1?.ambition).toBe('Norrtälje kommun ska ha en stärkt ekonomi som skapar maximal nytta för invånarna.');
    expect(a1?.inPractice.startsWith('Norrtälje kommuns ekonomi ska vara stabil trots en orolig omvärld.')).toBe(true);
    expect(a1?.boardTexts[0]?.text).toContain('Kommunstyrelsen och kommunstyrelsekontoret har huvudansvaret');
    expect(a1?.boardTexts[0]?.text.split('\n\n')).toHaveLength(2);
    expect(a3?.ambition).toBe('Norrtälje kommun ska vara Sveriges tryggaste kommun.');
    expect(a4?.boardTexts).toEqual([]); // printed as an empty heading
    expect(a7?.inPractice.split('\n\n')).toHaveLength(6);

    // Every direction goal (20) with the council's text and the board's work within it.
    const goals = tree.goalAreas.flatMap((a) => a.goals);
    expect(goals.map((g) => g.number)).toEqual(
      '1.1 1.2 2.1 2.2 2.3 3.1 3.2 3.3 4.1 4.2 4.3 5.1 5.2 5.3 6.1 6.2 6.3 7.1 7.2 7.3'.split(' '),
    );
    expect(goals.every((g) => g.text.length > 50 && g.boardTexts.length === 1)).toBe(true);
    const byNumber = new Map(goals.map((g) => [g.number, g]));
    expect(
      byNumber.get('1.1')?.text.endsWith('Överskottet ska uppgå till minst 2 procent av skatteintäkter och generella bidrag över tid.'),
    ).toBe(true);
    expect(byNumber.get('4.2')?.boardTexts[0]?.text).toBe(
      'Kommunstyrelsekontoret har inga uppdrag eller indikatorer kopplade till detta inriktningsmål men arbetet under målområde 3 går även in under detta inriktningsmål.',
    );

    // Every indicator: 30 of the council, 1 of the board, and the action plan's 4 NKI goals.
    expect(tree.indicators).toHaveLength(35);
    expect(tree.indicators.filter((i) => i.level === 'KF')).toHaveLength(30);
    const byCode = new Map(tree.indicators.map((i) => [i.code, i]));
    const perGoal = (n: string) => byNumber.get(n)?.indicatorIds.length;
    expect(['1.1', '2.1', '3.1', '3.2', '3.3', '5.1', '6.1', '6.2', '6.3'].map(perGoal)).toEqual([9, 4, 3, 2, 5, 1, 8, 1, 2]);
    const detail = async (code: string) => indicatorDetail(tt.system, byCode.get(code)?.id ?? '', ctx);
    const value = (d: Awaited<ReturnType<typeof detail>>, period: string, kind: string) =>
      d.values.find((v) => v.period === period && v.kind === kind && v.value !== null)?.value ?? null;

    const kc = await detail('2.1.1');
    expect(kc.computed).toBe(true);
    expect(unitName.get(kc.ownerUnitId)).toBe('Stab och planering'); // "Stab- och planeringsavdelningen", bilaga 1
    expect(kc.values).toContainEqual(expect.objectContaining({ period: '2022', kind: 'outcome', value: 83, imported: true }));
    expect(value(kc, '2027', 'target')).toBe(83);
    expect((await detail('2.1.4')).computed).toBe(true);

    const misprint = await detail('2.1.2');
    expect(misprint.values).toContainEqual(
      expect.objectContaining({ period: '2023', value: 270.7, comment: 'Som tryckt (270,7%) – sannolikt ett tryckfel.' }),
    );
    expect(misprint.values.find((v) => v.period === '2024' && v.kind === 'forecast')).toMatchObject({
      value: null,
      comment: 'Tom i textutdraget (sex värden för sju kolumner).',
    });

    const guestNights = await detail('6.3.2');
    expect([value(guestNights, '2022', 'outcome'), value(guestNights, '2023', 'outcome'), value(guestNights, '2027', 'target')]).toEqual([
      421442, 392055, 430000,
    ]);
    const loanGroup = await detail('1.1.6');
    expect([value(loanGroup, '2022', 'outcome'), value(loanGroup, '2023', 'outcome'), value(loanGroup, '2024', 'forecast')]).toEqual([
      null,
      59453,
      62396,
    ]);
    expect((await detail('1.1.5')).values).toEqual([]); // ambiguous thousands grouping: left empty
    const worry = await detail('3.1.1');
    expect([
      value(worry, '2022', 'outcome'),
      value(worry, '2023', 'outcome'),
      value(worry, '2024', 'target'),
      value(worry, '2027', 'target'),
    ]).toEqual([19, null, 18, 17]);
    const response = await detail('3.3.1');
    expect([response.unit, response.decimals, response.direction, value(response, '2023', 'outcome')]).toEqual([
      'minuter',
      2,
      'lower',
      11.19,
    ]);
    expect(unitName.get(response.ownerUnitId)).toBe('Räddningstjänsten');
    const infosec = await detail('3.3.4');
    expect(infosec.values.find((v) => v.period === '2023' && v.kind === 'outcome')?.comment).toContain('Som tryckt');
    expect(unitName.get(infosec.ownerUnitId)).toBe('Trygghet och säkerhet');
    const firstAid = await detail('3.3.5');
    expect([firstAid.level, value(firstAid, '2022', 'outcome')]).toEqual(['board', 437]);
    const emissions = await detail('5.1.1');
    expect([value(emissions, '2022', 'outcome'), unitName.get(emissions.ownerUnitId)]).toEqual([22171, 'HR-avdelningen']);
    const newFirms = await detail('6.1.3');
    expect([value(newFirms, '2024', 'forecast'), value(newFirms, '2024', 'target'), value(newFirms, '2025', 'target')]).toEqual([
      429,
      null,
      500,
    ]);
    expect(unitName.get((await detail('6.3.1')).ownerUnitId)).toBe('Ekonomiavdelningen');

    // The four NKI goals of the action plan keep their titles (the satisfaction module links them by title).
    expect(['NKI-1', 'NKI-2', 'NKI-3', 'NKI-4'].map((c) => byCode.get(c)?.title)).toEqual([
      'Aggregerat NKI, service till företag',
      'NKI för samtliga myndighetsområden (lägsta området)',
      'Aggregerat NKI för delfrågan "Hur nöjd var du totalt sett med bemötandet?"',
      'NKI för samtliga myndighetsområden för delfrågan "Hur nöjd var du totalt sett med bemötandet?"',
    ]);

    // Every assignment (21) and board initiative (14) with its department and dates.
    const all = await listAssignments(tt.system, {}, ctx);
    expect(all).toHaveLength(35);
    expect(all.filter((a) => a.row.kind === 'assignment')).toHaveLength(21);
    expect(all.filter((a) => a.row.kind === 'initiative')).toHaveLength(14);
    expect(new Set(all.map((a) => unitName.get(a.row.responsible_unit_id)))).toEqual(
      new Set(['Ekonomiavdelningen', 'Stab och planering', 'Kommundirektör', 'Näringsliv och etablering', 'Räddningstjänsten']),
    );
    const byAssignment = new Map(all.map((a) => [a.row.code, a.row]));
    const cameras = byAssignment.get('KS-3.1-1');
    expect(cameras).toMatchObject({
      kind: 'assignment',
      is_new: false,
      end_date: '2025-12-01',
      board_report_date: '2025-12-01',
      secretariat_date: '2025-10-27',
      origin_body: 'Kommunfullmäktige',
    });
    expect(cameras?.done_criteria).toContain('minst en ansökan om bevakning ha skickats in till Imy');
    expect(byAssignment.get('KS-3.1-1')?.goal_id).toBe(byNumber.get('3.1')?.id);
    const steering = byAssignment.get('KS-1.2-4');
    expect([steering?.kind, steering?.end_date, steering?.origin_body, unitName.get(steering?.responsible_unit_id ?? '')]).toEqual([
      'initiative',
      '2026-01-30',
      'Kommunstyrelsen',
      'Kommundirektör',
    ]);
    const drills = byAssignment.get('KS-3.3-2');
    expect([drills?.end_date, drills?.secretariat_date, drills?.decision_instance]).toEqual(['2025-05-12', '2025-03-31', 'Kommundirektör']);
    // The annual report 2025 closed the finished ones; the open ones carry their status.
    expect(all.filter((a) => a.updates.some((u) => u.period === '2025' && u.status === 'done'))).toHaveLength(26);
    expect((await getAssignment(tt.system, steering?.id ?? '', ctx)).updates.map((u) => [u.period, u.status])).toEqual([
      ['2025', 'ongoing'],
      ['2026-D2', 'done'],
    ]);

    // The action plan of seed 004 with its four activities, budget and NKI goals.
    const [ap] = await listActionPlans(tt.system, ctx);
    const plan004 = await getActionPlan(tt.system, ap?.id ?? '', ctx);
    expect(JSON.stringify(plan004)).toContain('250000');
    const activities = await t.db.selectFrom('action_plan_activities').select('number').where('tenant_id', '=', tt.tenant.id).execute();
    expect(activities.map((a) => a.number).sort()).toEqual([1, 2, 3, 4]);

    // Delår 2 2026: some reported and ready, some started, one sent back, the rest missing, in several units.
    const rounds = await t.db.selectFrom('follow_up_rounds').select(['id', 'title']).where('tenant_id', '=', tt.tenant.id).execute();
    expect(rounds.map((r) => r.title)).toEqual(['Delår 2 2026']);
    const board = await progressBoard(tt.system, rounds[0]?.id ?? '', ctx);
    const items = board.units.flatMap((u) => u.items);
    // 33 manual indicators + 20 goals + the 9 assignments still open after 2025; no activity runs in 2026.
    expect(items).toHaveLength(62);
    expect(items.filter((i) => i.state === 'ready')).toHaveLength(7);
    expect(items.filter((i) => i.state === 'started')).toHaveLength(3);
    expect(items.filter((i) => i.state === 'sent_back')).toHaveLength(1);
    expect(items.filter((i) => i.state === 'not_started')).toHaveLength(51);
    const withWork = board.units.filter((u) => u.notStarted + u.started + u.sentBack > 0).map((u) => u.unitName);
    expect(withWork).toEqual(
      expect.arrayContaining([
        'Ekonomiavdelningen',
        'Stab och planering',
        'Näringsliv och etablering',
        'Räddningstjänsten',
        'Kommunstyrelsen',
      ]),
    );
    expect(board.units.length).toBeGreaterThanOrEqual(7);

    // The staff pages show the seeded plan (long printed texts, odd units, empty cells) without failing.
    const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, quality.email, quality.password);
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      return res.body;
    };
    const treePage = await get(`/staff/goals?plan=${ks?.id}`);
    expect(treePage).toContain('Trygghetskameror ska sättas upp på fler utsatta eller potentiellt utsatta platser.');
    for (const code of ['1.1.5', '2.1.1', '3.3.1', '6.3.2', 'NKI-1']) await get(`/staff/goals/indicators/${byCode.get(code)?.id}`);
    expect(await get('/staff/goals/assignments')).toContain('Revidering av styrmodellen');
    await get(`/staff/goals/action-plans/${ap?.id}`);
    expect(await get(`/staff/goals/rounds/${rounds[0]?.id}`)).toContain('Räddningstjänsten');
  });
});

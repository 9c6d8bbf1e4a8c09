import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { goalsWorld } from './goals.fixtures.ts';
import { SHEETS, workbookOf } from './goals.transfer.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function rows(unit: string, overrides: { value?: string } = {}) {
  return {
    areas: [[3, 'Trygg kommun', 'Sveriges tryggaste kommun.', '']],
    goals: [['3.1', 'Stärka tryggheten', 'Text']],
    indicators: [['3.1.1', 'Andel trygga', 'KF', unit, '%', 0, 'higher', '3.1']],
    values: [
      ['3.1.1', '2025', 'target', 80, '', 'nej'],
      ['3.1.1', '2024', 'outcome', overrides.value ?? 74, 'Som tryckt', 'ja'],
    ],
    assignments: [['U-3', 'assignment', 'Trygghetsvandringar', '3.1', unit, '2026-06-30', 'ongoing', '']],
  };
}

async function file(r: ReturnType<typeof rows>): Promise<Buffer> {
  return Buffer.from(await workbookOf(r as never).xlsx.writeBuffer());
}

describe('plan import and export', () => {
  it('imports, changes nothing the second time, names sheet, row and column of an error and stores nothing then; export round-trips', async () => {
    const w = await goalsWorld(t.db);
    const post = async (body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/goal-plans/${w.planId}/import`,
        headers: { ...w.quality.auth, 'content-type': XLSX },
        payload: body,
      });
    const first = await post(await file(rows('Kontaktcenter')));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ goalAreas: 1, goals: 1, indicators: 1, values: 2, assignments: 1 });
    const again = await post(await file(rows('Kontaktcenter')));
    expect(again.json()).toEqual({ goalAreas: 0, goals: 0, indicators: 0, values: 0, assignments: 0 });

    const bad = await post(
      await file({ ...rows('Ingen sådan enhet'), values: [['3.1.1', '2025-D3', 'target', 'många', '', 'nej']] } as never),
    );
    expect(bad.statusCode).toBe(400);
    const messages = bad.json().fields.map((f: { message: string }) => f.message);
    expect(messages).toContain('Blad Indikatorer, rad 2, kolumn D (Ansvarig enhet): enheten "Ingen sådan enhet" finns inte.');
    expect(messages).toContain('Blad Värden, rad 2, kolumn B (Period): perioden ska vara 2025, 2025-D1, 2025-D2 eller 2025-03.');
    expect(messages).toContain('Blad Värden, rad 2, kolumn D (Värde): ange ett tal eller lämna tomt.');
    // A changed value in an otherwise wrong file is not stored either.
    const mixed = await post(
      await file({
        ...rows('Kontaktcenter', { value: '99' }),
        assignments: [['U-3', 'assignment', 'X', '9.9', 'Kontaktcenter', '', 'ongoing', '']],
      } as never),
    );
    expect(mixed.statusCode).toBe(400);
    const values = await t.db
      .selectFrom('indicator_values')
      .select(['period', 'value'])
      .where('tenant_id', '=', w.tt.tenant.id)
      .where('period', '=', '2024')
      .execute();
    expect(values).toEqual([{ period: '2024', value: 74 }]);
    expect((await post(await file(rows('Kontaktcenter')))).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/goal-plans/${w.planId}/import`,
          headers: { ...w.officer.auth, 'content-type': XLSX },
          payload: await file(rows('Kontaktcenter')),
        })
      ).statusCode,
    ).toBe(403);

    const exported = await t.app.inject({ method: 'GET', url: `/api/v1/goal-plans/${w.planId}/export`, headers: w.quality.auth });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(SHEETS.indicators.name)?.getRow(2).getCell(1).value).toBe('3.1.1');
    const roundTrip = await post(exported.rawPayload);
    expect(roundTrip.json()).toEqual({ goalAreas: 0, goals: 0, indicators: 0, values: 0, assignments: 0 });
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/goal-plans/${w.planId}/export?format=csv&sheet=values`,
      headers: w.quality.auth,
    });
    expect(csv.body).toContain('3.1.1;2024;outcome;74;Som tryckt;ja');
  });
});

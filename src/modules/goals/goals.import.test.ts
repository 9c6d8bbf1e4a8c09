import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { goalsWorld } from './goals.fixtures.ts';
import { SHEETS, xlsxOf } from './goals.transfer.ts';

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
  return xlsxOf(r as never);
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

  it('CSV per sheet: the same checks and messages, nothing stored when a row is wrong, twice changes nothing; exported CSV round-trips', async () => {
    const w = await goalsWorld(t.db);
    const csv = (sheet: string, body: string, auth = w.quality.auth) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/goal-plans/${w.planId}/import?sheet=${sheet}`,
        headers: { ...auth, 'content-type': 'text/csv; charset=utf-8' },
        payload: Buffer.from(body, 'utf8'),
      });
    const head = (key: keyof typeof SHEETS) => SHEETS[key].columns.join(';');
    const counts = { goalAreas: 0, goals: 0, indicators: 0, values: 0, assignments: 0 };

    // Areas, with a BOM and CRLF as Excel saves them.
    const areas = `\uFEFF${head('areas')}\r\n3;Trygg kommun;"Sveriges tryggaste; kommun.";\r\n`;
    expect((await csv('areas', areas)).json()).toEqual({ ...counts, goalAreas: 1 });
    expect((await csv('areas', areas)).json()).toEqual(counts);
    // Goals refer to area 3 already in the plan (and 2 from the fixture), comma separated works too.
    const goals = `${SHEETS.goals.columns.join(',')}\n3.1,Stärka tryggheten,Text\n`;
    expect((await csv('goals', goals)).json()).toEqual({ ...counts, goals: 1 });
    const badGoals = `${head('goals')}\n3.2;Ny;Text\n8.1;Utan område;Text\n`;
    const refused = await csv('goals', badGoals);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.map((f: { message: string }) => f.message)).toEqual([
      'Blad Inriktningsmål, rad 3, kolumn A (Nummer): målområde 8 finns inte på bladet Målområden.',
    ]);
    // The good row 3.2 of the refused file was not stored.
    const tree = (await t.app.inject({ method: 'GET', url: `/api/v1/goal-plans/${w.planId}`, headers: w.quality.auth })).json();
    expect(tree.goalAreas.flatMap((a: { goals: { number: string }[] }) => a.goals.map((g) => g.number))).not.toContain('3.2');

    const indicators = `${head('indicators')}\n3.1.1;Andel trygga;KF;Kontaktcenter;%;0;higher;3.1, 2.1\n`;
    expect((await csv('indicators', indicators)).json()).toEqual({ ...counts, indicators: 1 });
    const values = `${head('values')}\n3.1.1;2025;target;80;;nej\n3.1.1;2024;outcome;74,5;"Som tryckt; med semikolon";ja\n`;
    expect((await csv('values', values)).json()).toEqual({ ...counts, values: 2 });
    expect((await csv('values', values)).json()).toEqual(counts);
    const badValues = `${head('values')}\n3.1.1;2024;outcome;75;;ja\n9.9.9;2025;utfall;x;;nej\n`;
    const wrong = await csv('values', badValues);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toBe('Filen har 3 fel. Inget har sparats.');
    expect(wrong.json().fields.map((f: { field: string }) => f.field)).toEqual(['Värden!A3', 'Värden!C3', 'Värden!D3']);
    const stored = await t.db
      .selectFrom('indicator_values')
      .select(['period', 'value', 'comment'])
      .where('tenant_id', '=', w.tt.tenant.id)
      .where('kind', '=', 'outcome')
      .execute();
    expect(stored).toEqual([{ period: '2024', value: 74.5, comment: 'Som tryckt; med semikolon' }]);

    const assignments = `${head('assignments')}\nU-3;assignment;Trygghetsvandringar;3.1;Kontaktcenter;2026-06-30;ongoing;\n`;
    expect((await csv('assignments', assignments)).json()).toEqual({ ...counts, assignments: 1 });

    // A wrong header, a missing sheet name and the wrong role are refused with a message.
    const header = await csv('values', 'Kod;Period\n3.1.1;2025\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().fields[0].message).toBe(`Blad Värden, rad 1: rubrikraden ska vara ${head('values')}.`);
    const noSheet = await t.app.inject({
      method: 'POST',
      url: `/api/v1/goal-plans/${w.planId}/import`,
      headers: { ...w.quality.auth, 'content-type': 'text/csv' },
      payload: Buffer.from(values),
    });
    expect(noSheet.statusCode).toBe(400);
    expect(noSheet.json().message).toContain('Ange vilket blad CSV-filen är');
    expect((await csv('values', values, w.officer.auth)).statusCode).toBe(403);
    const quote = await csv('values', `${head('values')}\n3.1.1;2025;"target;80\n`);
    expect(quote.statusCode).toBe(400);
    expect(quote.json().message).toContain('Blad Värden: CSV-filen kan inte läsas');

    // Every exported sheet, imported back as CSV, changes nothing.
    for (const sheet of Object.keys(SHEETS)) {
      const out = await t.app.inject({
        method: 'GET',
        url: `/api/v1/goal-plans/${w.planId}/export?format=csv&sheet=${sheet}`,
        headers: w.quality.auth,
      });
      expect(out.statusCode).toBe(200);
      const back = await csv(sheet, out.body);
      expect(back.json(), `${sheet}: ${out.body}`).toEqual(counts);
    }
  });
});

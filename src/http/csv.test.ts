// CSV injection: text a person typed must reach a spreadsheet as text, never as a formula, in
// every CSV export (promises.csv, meetings.csv, stats.csv).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, loginCookies, type TestContext } from '../../test/helpers.ts';
import { stockholmInstant } from '../modules/calendar/local-time.ts';
import { createCase } from '../modules/cases/cases.service.ts';
import { createCategory } from '../modules/cases/categories.service.ts';
import { createMeeting } from '../modules/meetings/meetings.service.ts';
import { createUnit } from '../modules/org/org.service.ts';
import { createPromise, transitionPromise } from '../modules/promises/promises.service.ts';
import { neutraliseCell, toCsv, toOpenDataCsv } from './csv.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
/** No cell of the file starts a formula. */
function cellsOf(csv: string, delimiter = ','): string[] {
  return (parse(csv.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true }) as string[][]).flat();
}
const live = (cells: string[]) => cells.filter((c) => /^[=+\-@\t\r]/.test(c));

describe('the open-data CSV format', () => {
  it('UTF-8 with BOM, ; between fields, decimal comma, CRLF; text neutralised, numbers (also negative) as they are', () => {
    const csv = toOpenDataCsv([
      ['name', 'value', 'flag'],
      ['Nämnd; "A"', 0.9312, true],
      ['=1+1', -2.5, null],
    ]);
    expect(csv.startsWith('\uFEFFname;value;flag\r\n')).toBe(true);
    expect(csv).toContain('"Nämnd; ""A""";0,9312;true\r\n');
    expect(csv).toContain("'=1+1;-2,5;\r\n");
    expect(parse(csv.slice(1), { delimiter: ';' })).toEqual([
      ['name', 'value', 'flag'],
      ['Nämnd; "A"', '0,9312', 'true'],
      ["'=1+1", '-2,5', ''],
    ]);
  });
});

describe('the shared CSV writer', () => {
  it('prefixes text cells that start a formula with an apostrophe, and leaves numbers and other text alone', () => {
    for (const f of FORMULAS) expect(neutraliseCell(f)).toBe(`'${f}`);
    expect(neutraliseCell('Byggnadsnämnden')).toBe('Byggnadsnämnden');
    expect(neutraliseCell("'=already")).toBe("'=already");
    const cells = cellsOf(toCsv([[...FORMULAS, -5, 'a-b']]));
    expect(live(cells)).toEqual(['-5']);
    expect(cells).toContain('\'=HYPERLINK("http://evil.example","x")');
    expect(cells).toContain('a-b');
  });
});

describe('every CSV export neutralises formulas', () => {
  it('promises.csv: a published promise whose title and unit names start with =, + and @', async () => {
    const tt = await createTestTenant(t.db);
    const board = await createUnit(tt.system, { name: '+Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
    const unit = await createUnit(tt.system, { name: '@Bygglovsenheten', kind: 'unit', parentId: board.id }, { db: t.db });
    const p = await createPromise(
      tt.system,
      {
        title: '=HYPERLINK("http://evil.example","Klicka")',
        kind: 'policy',
        unitId: unit.id,
        validFrom: '2025-01-01',
        metric: { type: 'case_first_response', workingDays: 2 },
        target: 0.9,
      },
      { db: t.db },
    );
    const decision = { board: 'Byggnadsnämnden', date: '2024-12-10', registrationNumber: 'BN 2024/77' };
    await transitionPromise(tt.system, p.id, { to: 'decided', decision }, { db: t.db });
    await transitionPromise(tt.system, p.id, { to: 'published' }, { db: t.db });
    const res = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}/promises.csv` });
    expect(res.statusCode).toBe(200);
    const cells = cellsOf(res.body, ';');
    expect(cells).toContain('\'=HYPERLINK("http://evil.example","Klicka")');
    expect(cells).toContain("'+Byggnadsnämnden");
    expect(cells).toContain("'@Bygglovsenheten");
    expect(live(cells)).toEqual([]);
  });

  it('meetings.csv: a board and a meeting title that start with - and =', async () => {
    const tt = await createTestTenant(t.db);
    const board = await createUnit(tt.system, { name: '-Tekniska nämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
    await createMeeting(
      tt.system,
      {
        boardUnitId: board.id,
        meetingDate: '2026-03-12',
        title: "=cmd|' /C calc'!A0",
        documentsPublishedAt: stockholmInstant('2026-03-04', '10:00').toISOString(),
      },
      { db: t.db },
    );
    const res = await t.app.inject({ method: 'GET', url: `/${tt.tenant.slug}/meetings.csv?year=2026` });
    expect(res.statusCode).toBe(200);
    const cells = cellsOf(res.body);
    expect(cells).toContain("'-Tekniska nämnden");
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(live(cells)).toEqual([]);
  });

  it('stats.csv: a category whose name starts with @', async () => {
    const tt = await createTestTenant(t.db);
    const unit = await createUnit(tt.system, { name: 'Enhet', kind: 'unit', parentId: tt.rootId }, { db: t.db });
    await createCategory(tt.system, { code: 'evil', name: '@SUM(1+1)*cmd', unitId: unit.id }, { db: t.db });
    await createCase(
      tt.system,
      { type: 'question', channel: 'phone', category: 'evil', message: 'Hej', receivedAt: '2026-03-02T09:00:00+01:00' },
      { db: t.db },
    );
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const res = await t.app.inject({ method: 'GET', url: '/staff/stats.csv?from=2026-03-01&to=2026-03-31', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const cells = cellsOf(res.body, ';');
    expect(cells).toContain("'@SUM(1+1)*cmd");
    expect(live(cells)).toEqual([]);
  });
});

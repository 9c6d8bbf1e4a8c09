// Demo data: categories routed to the demo organisations and about two years of generated cases
// for Norrtälje (a few hundred for Luleå). Deterministic (seeded PRNG); deadlines computed with
// the tenant calendar exactly as createCase does; inserted in multi-row batches.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseChannel, CaseTable, CaseType } from '../../db/schema-cases.ts';
import type { DemoTenants } from '../../db/seed/demo.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { type TenantCalendar, tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays, localDate } from '../calendar/calendar.ts';
import { stockholmLocalToInstant } from '../calendar/local-time.ts';
import { listUnits } from '../org/org.service.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import * as repo from './cases.repo.ts';
import {
  ANSWERS,
  type DemoCategory,
  FIRST_NAMES,
  FIRST_RESPONSES,
  LAST_NAMES,
  LULEA_CATEGORIES,
  NORRTALJE_CATEGORIES,
  REFERRALS,
} from './cases.seed-data.ts';
import { firstResponseDaysByCategory, formatCaseNumber } from './cases.service.ts';
import { insertCategoriesUnchecked, listCategories } from './categories.service.ts';
import { insertResponseTemplatesUnchecked } from './response-templates.service.ts';

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
function weighted<T>(rand: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

const WORKDAY_CHANNELS: [CaseChannel, number][] = [
  ['phone', 40],
  ['web', 28],
  ['email', 15],
  ['visit', 6],
  ['chat', 5],
  ['letter', 2],
  ['social_media', 2],
  ['self_service', 2],
];
const OFFDAY_CHANNELS: [CaseChannel, number][] = [
  ['web', 70],
  ['email', 20],
  ['self_service', 5],
  ['social_media', 5],
];
const FEEDBACK_TYPES: [CaseType, number][] = [
  ['question', 75],
  ['complaint', 10],
  ['suggestion', 8],
  ['praise', 7],
];
/** Working days from receipt to first feedback: mostly on time with N = 2. */
const RESPONSE_DAYS: [number, number][] = [
  [0, 32],
  [1, 30],
  [2, 24],
  [3, 6],
  [4, 3],
  [5, 2],
  [7, 2],
  [10, 1],
];

const pad = (n: number) => String(n).padStart(2, '0');
const hourStarts = new Map<string, number>();
/** A Stockholm wall-clock time as an instant (memoised per hour: the generator asks for many). */
function at(date: string, hour: number, minute: number): Date {
  const key = `${date}T${pad(hour)}`;
  let start = hourStarts.get(key);
  if (start === undefined) {
    start = (stockholmLocalToInstant(`${key}:00`) ?? new Date(`${date}T12:00:00Z`)).getTime();
    hourStarts.set(key, start);
  }
  return new Date(start + minute * 60_000);
}

interface Generated {
  cases: Insertable<CaseTable>[];
  events: repo.EventValues[];
}

function generate(
  tenant: Tenant,
  categories: { id: string; unitId: string; days: number; demo: DemoCategory }[],
  cal: TenantCalendar,
  opts: { from: string; today: string; perDay: number; seed: number },
): Generated {
  const rand = prng(opts.seed);
  const out: Generated = { cases: [], events: [] };
  const counters = new Map<number, number>();
  const catWeights = categories.map((c) => [c, c.demo.weight] as const);
  const staff = 'demo';
  for (let day = opts.from; day <= opts.today; day = addCalendarDays(day, 1)) {
    const working = cal.isWorkingDay(day);
    const month = Number(day.slice(5, 7));
    const season = month === 7 ? 0.6 : month === 1 || month === 8 ? 1.2 : 1;
    const count = Math.round((working ? opts.perDay * season : opts.perDay * 0.08) * (0.8 + rand() * 0.4));
    const times: Date[] = [];
    for (let i = 0; i < count; i++)
      times.push(
        working ? at(day, 8 + Math.floor(rand() * 9), Math.floor(rand() * 60)) : at(day, Math.floor(rand() * 24), Math.floor(rand() * 60)),
      );
    times.sort((a, b) => a.getTime() - b.getTime());
    for (const receivedAt of times) {
      if (receivedAt.getTime() > Date.now()) break; // nothing is received in the future
      const c = weighted(rand, catWeights);
      const channel = weighted(rand, working ? WORKDAY_CHANNELS : OFFDAY_CHANNELS);
      const type: CaseType = rand() < c.demo.errorShare ? 'error_report' : weighted(rand, FEEDBACK_TYPES);
      const receivedDate = localDate(receivedAt);
      const due = cal.addWorkingDays(receivedDate, c.days);
      const year = Number(receivedDate.slice(0, 4));
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      const id = randomUUID();
      const contactRoll = rand();
      const first = pick(rand, FIRST_NAMES);
      const last = pick(rand, LAST_NAMES);
      const row: Insertable<CaseTable> = {
        id,
        tenant_id: tenant.id,
        case_number: formatCaseNumber(year, n),
        type,
        channel,
        category_id: c.id,
        unit_id: c.unitId,
        language: rand() < 0.03 ? 'fi' : rand() < 0.02 ? 'en' : 'sv',
        subject: null,
        message: pick(rand, c.demo.messages),
        contact_name: contactRoll < 0.7 ? `${first} ${last}` : null,
        contact_email: contactRoll < 0.5 ? `${first}.${last}@example.se`.toLowerCase().replace(/[^a-z0-9.@]/g, '') : null,
        contact_phone: contactRoll >= 0.5 && contactRoll < 0.7 ? `070-${100000 + Math.floor(rand() * 899999)}` : null,
        received_at: receivedAt,
        received_date: receivedDate,
        first_response_due: due,
        status: 'new',
        resolved_at_first_contact: false,
        tracking_token_hash: createHash('sha256').update(randomBytes(24)).digest('hex'),
      };
      const ev = (kind: repo.EventValues['kind'], when: Date, body: string | null, data: Record<string, unknown> = {}, visible = true) =>
        out.events.push({
          tenantId: tenant.id,
          caseId: id,
          kind,
          at: when,
          actorUserId: null,
          actorLabel: kind === 'received' && channel === 'web' ? 'invånare' : staff,
          body,
          data,
          visibleToResident: visible,
        });
      ev('received', receivedAt, null, { channel, firstResponseDue: due, days: c.days });
      const resolve = (when: Date, body: string) => {
        row.status = 'resolved';
        row.resolved_at = when;
        ev('resolved', when, body);
      };
      const respond = (when: Date) => {
        row.first_response_at = when;
        row.first_response_date = localDate(when);
        row.status = 'in_progress';
      };
      const contactCentre = c.demo.code === 'allmant';
      const direct = channel === 'phone' || channel === 'visit' || channel === 'chat';
      // The contact centre answers most of its contacts at once (~60 %), other units some calls.
      if (rand() < (contactCentre ? (direct ? 0.75 : 0.45) : direct ? 0.12 : 0)) {
        respond(receivedAt);
        row.resolved_at_first_contact = true;
        resolve(receivedAt, pick(rand, ANSWERS));
      } else if (contactCentre && type === 'question' && rand() < 0.12) {
        let when = at(cal.addWorkingDays(receivedDate, rand() < 0.6 ? 0 : 1), 9 + Math.floor(rand() * 7), Math.floor(rand() * 60));
        if (when <= receivedAt) when = new Date(receivedAt.getTime() + (15 + Math.floor(rand() * 120)) * 60_000);
        if (when.getTime() <= Date.now()) {
          const ref = pick(rand, REFERRALS);
          respond(when);
          row.referred_to = ref.authority;
          row.status = 'resolved';
          row.resolved_at = when;
          ev('referred', when, `Din fråga hanteras av ${ref.authority}.`, { authority: ref.authority, reason: ref.reason });
        }
      } else if (rand() > 0.0008) {
        const k = weighted(rand, RESPONSE_DAYS);
        const date = cal.addWorkingDays(receivedDate, k);
        let when =
          k === 0
            ? new Date(receivedAt.getTime() + (20 + Math.floor(rand() * 180)) * 60_000)
            : at(date, 8 + Math.floor(rand() * 9), Math.floor(rand() * 60));
        if (when <= receivedAt) when = new Date(receivedAt.getTime() + 30 * 60_000);
        if (localDate(when) < opts.today) {
          const roll = rand();
          respond(when);
          if (roll < 0.25) {
            resolve(when, pick(rand, ANSWERS));
          } else {
            ev('first_response', when, pick(rand, FIRST_RESPONSES));
            let later = cal.addWorkingDays(localDate(when), 1 + Math.floor(rand() * 8));
            if (roll < 0.4) {
              const promised = cal.addWorkingDays(localDate(when), 5 + Math.floor(rand() * 6));
              ev('next_feedback_promised', new Date(when.getTime() + 60_000), null, { nextFeedbackDate: promised });
              row.next_feedback_due = promised;
              later = promised;
            }
            if (later < opts.today && rand() < 0.95) {
              row.next_feedback_due = null;
              resolve(at(later, 9 + Math.floor(rand() * 7), Math.floor(rand() * 60)), pick(rand, ANSWERS));
            }
          }
        }
      }
      out.cases.push(row);
    }
  }
  return out;
}

async function seedTenantCases(db: Db, tenant: Tenant, demo: DemoCategory[], opts: { perDay: number; seed: number }) {
  const units = await listUnits(db, tenant.id);
  const values = demo.map((d) => {
    const unit = units.find((u) => u.name === d.unit);
    if (!unit) throw new Error(`demo unit missing: ${d.unit}`);
    return {
      code: d.code,
      name: d.name,
      nameFi: d.nameFi,
      nameEn: d.nameEn,
      unitId: unit.id,
      firstResponseDays: d.firstResponseDays ?? null,
      active: true,
    };
  });
  const created = await insertCategoriesUnchecked(db, tenant.id, values);
  const days = await firstResponseDaysByCategory(db, tenant.id);
  const categories = created.map((c) => ({
    id: c.id,
    unitId: c.unitId,
    days: days.get(c.id) ?? tenant.firstResponseDays,
    demo: demo.find((d) => d.code === c.code) as DemoCategory,
  }));
  const cal = await tenantCalendar(db, tenant.id);
  const today = localDate(new Date());
  const { cases, events } = generate(tenant, categories, cal, { from: '2025-01-01', today, perDay: opts.perDay, seed: opts.seed });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < cases.length; i += 1000) await repo.insertCasesBulk(trx, cases.slice(i, i + 1000));
    for (let i = 0; i < events.length; i += 2000) await repo.insertEventsBulk(trx, events.slice(i, i + 2000));
    const last = new Map<number, number>();
    for (const c of cases) last.set(Number(c.case_number.slice(0, 4)), Number(c.case_number.slice(5)));
    for (const [year, n] of last) await repo.setCaseCounter(trx, tenant.id, year, n);
    await recordAudit(trx, {
      tenantId: tenant.id,
      actorUserId: null,
      actorLabel: 'seed',
      action: 'case.seed',
      entity: 'case',
      data: { cases: cases.length, categories: created.length },
    });
  });
}

/** Response templates of the demo: null category = offered for every category. */
const NORRTALJE_TEMPLATES: { title: string; body: string; category: string | null }[] = [
  {
    title: 'Tack för din synpunkt',
    category: null,
    body:
      'Hej!\n\nTack för att du har hört av dig till {kommun}. Vi har tagit emot din synpunkt och registrerat den som ärende {ärendenummer}. ' +
      'Dina synpunkter hjälper oss att bli bättre, och vi tar med dem i vårt arbete.\n\nVänliga hälsningar\n{kommun}',
  },
  {
    title: 'Vi har tagit emot din felanmälan',
    category: 'gata',
    body:
      'Hej!\n\nTack för din felanmälan, som har fått ärendenummer {ärendenummer}. Vi har skickat den vidare till den driftentreprenör ' +
      'som sköter gator och vägar åt {kommun}. Akuta fel åtgärdas så snart som möjligt, övriga fel i vår ordinarie planering.\n\n' +
      'Vänliga hälsningar\nSamhällsbyggnadsförvaltningen, {kommun}',
  },
  {
    title: 'Hänvisning till annan myndighet',
    category: null,
    body:
      'Hej!\n\nTack för din fråga (ärende {ärendenummer}). Frågan hanteras inte av {kommun} utan av en annan myndighet. ' +
      'Vi har skrivit nedan vart du kan vända dig:\n\n[Myndighet och kontaktuppgifter]\n\nVänliga hälsningar\n{kommun}',
  },
  {
    title: 'Tömning av avfallskärl',
    category: 'avfall',
    body:
      'Hej!\n\nTack för att du hörde av dig (ärende {ärendenummer}). Vi har kontrollerat tömningen hos vår entreprenör. ' +
      'Kärlet töms vid nästa ordinarie tur; om det inte sker, svara gärna på det här meddelandet.\n\nVänliga hälsningar\nKundservice avfall, {kommun}',
  },
  {
    title: 'Handläggningen tar längre tid',
    category: null,
    body:
      'Hej!\n\nVi behöver lite mer tid för att utreda ditt ärende {ärendenummer}. Vi återkommer till dig senast {nästa återkoppling}.\n\n' +
      'Vänliga hälsningar\n{kommun}',
  },
];

async function seedResponseTemplates(db: Db, tenant: Tenant): Promise<void> {
  const categories = await listCategories(db, tenant.id);
  const idOf = (code: string | null) => (code ? (categories.find((c) => c.code === code)?.id ?? null) : null);
  const values = NORRTALJE_TEMPLATES.filter((t) => t.category === null || idOf(t.category)).map((t) => ({
    title: t.title,
    body: t.body,
    categoryId: idOf(t.category),
    language: 'sv' as const,
    active: true,
  }));
  await db.transaction().execute(async (trx) => {
    await insertResponseTemplatesUnchecked(trx, tenant.id, values);
    await recordAudit(trx, {
      tenantId: tenant.id,
      actorUserId: null,
      actorLabel: 'seed',
      action: 'response_template.seed',
      entity: 'response_template',
      data: { templates: values.length },
    });
  });
}

/** Demo data of this module for the demo tenants. */
export async function seedCasesDemo(db: Db, tenants: DemoTenants): Promise<void> {
  await seedTenantCases(db, tenants.norrtalje, NORRTALJE_CATEGORIES, { perDay: 48, seed: 20250101 });
  await seedResponseTemplates(db, tenants.norrtalje);
  await seedTenantCases(db, tenants.lulea, LULEA_CATEGORIES, { perDay: 2, seed: 920 });
}

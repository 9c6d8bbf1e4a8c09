// What the portal shows, loaded through the other modules' public faces: promises
// (promises.public.data.ts), goals (goals index: publicPlans), meetings (meetings service) and
// the organisation. Goal data is cached per tenant and keyed by the goals fingerprint and the
// day, so a change to a plan, goal, indicator or value shows on the next request; values
// computed from cases may be up to a minute old (as on the promise pages).
import type { Db } from '../../db/database.ts';
import type { Lang } from '../../web/i18n.ts';
import { localDate } from '../calendar/calendar.ts';
import { goalsFingerprint, type PublicIndicator, type PublicPlan, publicPlans } from '../goals/index.ts';
import { type BoardMeetings, publicMeetingsOfYear } from '../meetings/meetings.service.ts';
import { listUnits, type OrgUnit } from '../org/org.service.ts';
import { type PromiseBrief, promisesFingerprint, promisesStamp, publicPromiseBriefs } from '../promises/promises.public.data.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { portalDataVersion } from './portal.pagecache.ts';
import { getPortalSettings, type PortalSettings } from './portal.settings.ts';

const COMPUTED_TTL_MS = 60_000;
const planCache = new Map<string, { key: string; at: number; value: Promise<PublicPlan[]> }>();

export async function cachedPlans(db: Db, tenant: Tenant, today: string): Promise<{ plans: PublicPlan[]; fingerprint: string }> {
  const fingerprint = `${await goalsFingerprint(db, tenant.id)}|${today}`;
  const hit = planCache.get(tenant.id);
  const now = Date.now();
  if (hit && hit.key === fingerprint && now - hit.at < COMPUTED_TTL_MS) return { plans: await hit.value, fingerprint };
  const value = publicPlans(db, tenant, today);
  planCache.set(tenant.id, { key: fingerprint, at: now, value });
  value.catch(() => planCache.delete(tenant.id));
  return { plans: await value, fingerprint };
}

export interface MeetingSummary {
  year: number;
  boards: BoardMeetings[];
  documents: { met: number; judged: number };
  minutes: { met: number; judged: number };
}

export function summariseMeetings(year: number, boards: BoardMeetings[]): MeetingSummary {
  const documents = { met: 0, judged: 0 };
  const minutes = { met: 0, judged: 0 };
  for (const b of boards) {
    for (const m of b.meetings) {
      if (m.documents.outcome !== 'pending') {
        documents.judged += 1;
        if (m.documents.outcome === 'met') documents.met += 1;
      }
      if (m.minutes.outcome !== 'pending') {
        minutes.judged += 1;
        if (m.minutes.outcome === 'met') minutes.met += 1;
      }
    }
  }
  return { year, boards, documents, minutes };
}

export interface PortalData {
  tenant: Tenant;
  lang: Lang;
  today: string;
  settings: PortalSettings;
  promises: PromiseBrief[];
  plans: PublicPlan[];
  meetings: MeetingSummary;
  units: Map<string, OrgUnit>;
  /** Changes whenever anything shown changes: the key of rendered-page caches. */
  fingerprint: string;
}

// What the portal computed per tenant, language and day, kept while the stamp of the data it was
// made from is unchanged (the data version of 0093 and, belt and braces, the stamps of promises,
// goals, units and settings: a change shows at once) and for at
// most a minute, for what is computed from cases and meeting dates (as on the promise pages).
const dataCache = new Map<string, { stamp: string; at: number; value: Promise<PortalData> }>();

export async function loadPortal(db: Db, tenant: Tenant, lang: Lang, today = localDate(new Date())): Promise<PortalData> {
  const [version, settings, promises, goals, units] = await Promise.all([
    portalDataVersion(db, tenant.id),
    getPortalSettings(db, tenant.id),
    promisesStamp(db, tenant.id),
    goalsFingerprint(db, tenant.id),
    listUnits(db, tenant.id),
  ]);
  const stamp = [
    version,
    tenant.name,
    settings.version,
    promises,
    goals,
    units.map((u) => `${u.id}:${u.name}:${u.parentId}:${u.kind}`).join(','),
  ].join('|');
  const key = `${tenant.id}|${lang}|${today}`;
  const hit = dataCache.get(key);
  const now = Date.now();
  if (hit && hit.stamp === stamp && now - hit.at < COMPUTED_TTL_MS) return hit.value;
  if (dataCache.size > 1000) dataCache.clear();
  const value = computePortal(db, tenant, lang, today);
  dataCache.set(key, { stamp, at: now, value });
  value.catch(() => dataCache.delete(key));
  return value;
}

async function computePortal(db: Db, tenant: Tenant, lang: Lang, today: string): Promise<PortalData> {
  const year = Number(today.slice(0, 4));
  const [settings, promises, promiseKey, goals, boards, unitList] = await Promise.all([
    getPortalSettings(db, tenant.id),
    publicPromiseBriefs(db, tenant, lang),
    promisesFingerprint(db, tenant),
    cachedPlans(db, tenant, today),
    publicMeetingsOfYear(db, tenant.id, year, today),
    listUnits(db, tenant.id),
  ]);
  const meetings = summariseMeetings(year, boards);
  const units = new Map(unitList.map((u) => [u.id, u]));
  const meetingKey = `${meetings.documents.met}/${meetings.documents.judged}/${meetings.minutes.met}/${meetings.minutes.judged}/${boards.length}`;
  const unitKey = unitList.map((u) => `${u.id}:${u.name}:${u.parentId}`).join(',');
  const fingerprint = [
    tenant.name,
    lang,
    settings.version,
    promiseKey,
    promises.map((p) => `${p.status}${p.ratio}`).join(''),
    goals.fingerprint,
    meetingKey,
    unitKey,
  ].join('|');
  return { tenant, lang, today, settings, promises, plans: goals.plans, meetings, units, fingerprint };
}

/** Every indicator of the public plans, once. */
export function allIndicators(plans: readonly PublicPlan[]): PublicIndicator[] {
  return [...new Map(plans.flatMap((p) => p.indicators).map((i) => [i.id, i])).values()];
}

/** The unit and every unit below it. */
export function subtreeOf(units: ReadonlyMap<string, OrgUnit>, rootId: string): Set<string> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units.values()) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Boards and administrations: the parts of the organisation with a page of their own. */
export function publicUnits(units: ReadonlyMap<string, OrgUnit>): OrgUnit[] {
  return [...units.values()]
    .filter((u) => u.kind === 'board' || u.kind === 'administration')
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

const pageCache = new Map<string, string>();

/** A rendered page kept until its key (which contains the data fingerprint) changes; at most 500 kept. */
export function cachedPage(key: string, render: () => string): string {
  const hit = pageCache.get(key);
  if (hit !== undefined) return hit;
  const page = render();
  if (pageCache.size >= 500) pageCache.delete(pageCache.keys().next().value as string);
  pageCache.set(key, page);
  return page;
}

// Open data of the portal: every figure it shows as CSV (the one format of src/http/csv.ts) and
// JSON at stable URLs, and the catalogue of them in DCAT-AP-SE (JSON-LD) for the Swedish data
// portal to harvest. URLs (documented on /:tenant/data and in docs/ARCHITECTURE.md):
//   /:tenant/summary.csv|json       the start page's figures
//   /:tenant/goals.csv|json         goal areas and goals with their latest computed assessment
//   /:tenant/indicators.csv|json    every indicator's values and verdicts per period
//   /:tenant/indicators/:id.csv|json one indicator
//   /:tenant/promises.csv|json, /:tenant/meetings.csv|json (the promises and meetings modules)
//   /:tenant/data/catalog.jsonld    the DCAT-AP-SE catalogue
import type { OpenDataCell } from '../../http/csv.ts';
import type { Lang } from '../../web/i18n.ts';
import type { PublicIndicator } from '../goals/index.ts';
import { allIndicators, type PortalData } from './portal.data.ts';
import { periodRows } from './portal.present.ts';
import { LICENCES } from './portal.settings.ts';
import { T } from './portal.texts.ts';

export function summaryJson(d: PortalData) {
  const ps = d.promises;
  return {
    municipality: d.settings.displayName ?? d.tenant.name,
    date: d.today,
    licence: d.settings.licence,
    promises: {
      year: Number(d.today.slice(0, 4)),
      total: ps.length,
      kept: ps.filter((p) => p.status === 'met').length,
      notKept: ps.filter((p) => p.status === 'not_met').length,
      notJudged: ps.filter((p) => p.status !== 'met' && p.status !== 'not_met').length,
      items: ps.map((p) => ({ id: p.id, title: p.title, status: p.status, ratio: p.ratio, target: p.target, measured: p.measured })),
    },
    goalAreas: d.plans.flatMap((p) =>
      p.goalAreas.map((a) => ({
        id: a.id,
        plan: p.title,
        number: a.number,
        title: a.title,
        goals: a.goals.map((g) => ({
          id: g.id,
          number: g.number,
          title: g.title,
          period: g.latest?.period ?? null,
          status: g.latest?.status ?? 'no_data',
        })),
      })),
    ),
    meetings: {
      year: d.meetings.year,
      documentsOnTime: d.meetings.documents.met,
      documentsJudged: d.meetings.documents.judged,
      minutesOnTime: d.meetings.minutes.met,
      minutesJudged: d.meetings.minutes.judged,
    },
  };
}

export function summaryCsv(d: PortalData): OpenDataCell[][] {
  const j = summaryJson(d);
  const rows: OpenDataCell[][] = [['section', 'id', 'title', 'period', 'status', 'value', 'target', 'count']];
  for (const p of j.promises.items) rows.push(['promise', p.id, p.title, j.promises.year, p.status, p.ratio, p.target, p.measured]);
  for (const a of j.goalAreas)
    for (const g of a.goals) rows.push(['goal', g.id, `${g.number} ${g.title}`, g.period, g.status, null, null, null]);
  rows.push(['meetings_documents', null, null, j.meetings.year, null, j.meetings.documentsOnTime, null, j.meetings.documentsJudged]);
  rows.push(['meetings_minutes', null, null, j.meetings.year, null, j.meetings.minutesOnTime, null, j.meetings.minutesJudged]);
  return rows;
}

export function goalsJson(d: PortalData) {
  return {
    municipality: d.settings.displayName ?? d.tenant.name,
    licence: d.settings.licence,
    plans: d.plans.map((p) => ({
      id: p.id,
      title: p.title,
      firstYear: p.firstYear,
      lastYear: p.lastYear,
      decidedBy: p.decidedBy,
      decisionDate: p.decisionDate,
      goalAreas: p.goalAreas.map((a) => ({
        id: a.id,
        number: a.number,
        title: a.title,
        ambition: a.ambition,
        goals: a.goals.map((g) => ({
          id: g.id,
          number: g.number,
          title: g.title,
          latest: g.latest,
          indicatorIds: g.indicatorIds,
          assignments: g.assignmentIds
            .map((id) => p.assignments.find((x) => x.id === id))
            .filter((x) => x !== undefined)
            .map((x) => ({ id: x.id, title: x.title, status: x.status, endDate: x.endDate })),
          url: `/${d.tenant.slug}/goals/${a.id}`,
        })),
      })),
    })),
  };
}

export function goalsCsv(d: PortalData): OpenDataCell[][] {
  const rows: OpenDataCell[][] = [['plan', 'area_number', 'area', 'goal_id', 'goal_number', 'goal', 'period', 'status', 'reason']];
  for (const p of d.plans) {
    for (const a of p.goalAreas) {
      for (const g of a.goals) {
        rows.push([p.title, a.number, a.title, g.id, g.number, g.title, g.latest?.period, g.latest?.status ?? 'no_data', g.latest?.reason]);
      }
    }
  }
  return rows;
}

export function indicatorJson(ind: PublicIndicator, slug: string) {
  return {
    id: ind.id,
    code: ind.code,
    title: ind.title,
    unit: ind.unit,
    decimals: ind.decimals,
    direction: ind.direction,
    definition: ind.definition,
    dataSource: ind.dataSource,
    source: ind.sourceText,
    goalIds: ind.goalIds,
    periods: periodRows(ind),
    url: `/${slug}/indicators/${ind.id}`,
  };
}

export const INDICATOR_CSV_HEADER = [
  'indicator_id',
  'indicator',
  'unit',
  'period',
  'outcome',
  'target',
  'forecast',
  'preliminary',
  'status',
];

export function indicatorCsvRows(ind: PublicIndicator): OpenDataCell[][] {
  return periodRows(ind).map((r) => [ind.id, ind.title, ind.unit, r.period, r.outcome, r.target, r.forecast, r.preliminary, r.status]);
}

export function indicatorsCsv(d: PortalData): OpenDataCell[][] {
  return [INDICATOR_CSV_HEADER, ...allIndicators(d.plans).flatMap(indicatorCsvRows)];
}

const EU = 'http://publications.europa.eu/resource/authority';

export function datasets(slug: string, lang: Lang) {
  return [
    { id: 'summary', title: T.siteTitle[lang], keyword: 'kvalitet' },
    { id: 'promises', title: T.dsPromises[lang], keyword: 'servicelöften' },
    { id: 'goals', title: T.dsGoals[lang], keyword: 'mål' },
    { id: 'indicators', title: T.dsIndicators[lang], keyword: 'nyckeltal' },
    { id: 'meetings', title: T.dsMeetings[lang], keyword: 'sammanträden' },
  ].map((x) => ({ ...x, csv: `/${slug}/${x.id}.csv`, json: `/${slug}/${x.id}.json` }));
}

/** The catalogue in DCAT-AP-SE 2 (JSON-LD): catalogue, datasets with publisher, contact point, licence and distributions. */
export function dcatCatalogue(d: PortalData, baseUrl: string) {
  const slug = d.tenant.slug;
  const name = d.settings.displayName ?? d.tenant.name;
  const licence = { '@id': LICENCES[d.settings.licence].url };
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': name };
  const contact = {
    '@type': 'vcard:Organization',
    'vcard:fn': name,
    ...(d.settings.contactEmail ? { 'vcard:hasEmail': { '@id': `mailto:${d.settings.contactEmail}` } } : {}),
  };
  const sv = (value: string) => ({ '@language': 'sv', '@value': value });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dcterms: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
    },
    '@id': `${baseUrl}/${slug}/data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dcterms:title': sv(`${T.siteTitle.sv} – ${name}`),
    'dcterms:description': sv(T.dataLead.sv),
    'dcterms:publisher': publisher,
    'dcterms:license': licence,
    'dcterms:language': { '@id': `${EU}/language/SWE` },
    'dcterms:modified': d.today,
    'foaf:homepage': { '@id': `${baseUrl}/${slug}/data` },
    'dcat:dataset': datasets(slug, 'sv').map((ds) => ({
      '@id': `${baseUrl}/${slug}/data#${ds.id}`,
      '@type': 'dcat:Dataset',
      'dcterms:title': sv(`${ds.title} – ${name}`),
      'dcterms:description': sv(`${ds.title}. ${T.csvFormatText.sv}`),
      'dcterms:publisher': publisher,
      'dcat:contactPoint': contact,
      'dcat:theme': { '@id': `${EU}/data-theme/GOVE` },
      'dcat:keyword': [sv(ds.keyword)],
      'dcat:landingPage': { '@id': `${baseUrl}/${slug}/data` },
      'dcterms:accessRights': { '@id': `${EU}/access-right/PUBLIC` },
      'dcat:distribution': [
        { format: 'CSV', media: 'text/csv', url: ds.csv },
        { format: 'JSON', media: 'application/json', url: ds.json },
      ].map((x) => ({
        '@id': `${baseUrl}${x.url}`,
        '@type': 'dcat:Distribution',
        'dcterms:title': sv(`${ds.title} (${x.format})`),
        'dcat:accessURL': { '@id': `${baseUrl}${x.url}` },
        'dcat:downloadURL': { '@id': `${baseUrl}${x.url}` },
        'dcterms:format': { '@id': `${EU}/file-type/${x.format}` },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${x.media}` },
        'dcterms:license': licence,
      })),
    })),
  };
}

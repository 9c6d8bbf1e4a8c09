// DEMO DATA — not fetched from Kolada. A small recorded set in Kolada API v3's shape (the envelope
// and data rows exactly as /data/kpi/{kpi}/municipality/{m} answers), so that the comparison pages
// show something without a network. The KPI ids N99001/N99002 do not exist in Kolada; the figures
// are invented and plausible, and every title says "demodata".
import type { KoladaDataRow, KoladaPage } from './kolada.client.ts';

export const DEMO_URL = 'demo:insyn-recorded-sample (demodata, inte hämtad från Kolada)';
export const DEMO_FETCHED_AT = '2026-11-16T05:00:00Z';
export const DEMO_REVISED_AT = '2026-11-23T05:00:00Z';

export const DEMO_KPIS = [
  {
    id: 'N99001',
    title: 'Andel invånare som får svar på e-post inom en arbetsdag, (%) (demodata)',
    description:
      'DEMODATA – inte från Kolada. Visar hur ett nyckeltal från Kolada ser ut i Insyn: andel e-postfrågor till kommunen som besvarats inom en arbetsdag, mätt med testfrågor.',
  },
  {
    id: 'N99002',
    title: 'Nöjd Medborgar-Index – bemötande, (index) (demodata)',
    description: 'DEMODATA – inte från Kolada. Medborgarnas betyg på kommunens bemötande, 0–100.',
  },
];

export const DEMO_MUNICIPALITIES = [
  { id: '0188', title: 'Norrtälje' },
  { id: '0180', title: 'Stockholm' },
  { id: '0187', title: 'Vaxholm' },
  { id: '0192', title: 'Nynäshamn' },
  { id: '0181', title: 'Södertälje' },
  { id: '0000', title: 'Riket' },
];

export const DEMO_GROUP = { id: 'G99001', title: 'Liknande kommuner (demodata)', members: ['0187', '0192', '0181'] };

const YEARS = [2021, 2022, 2023, 2024, 2025];
const FIGURES: Record<string, Record<string, (number | null)[]>> = {
  N99001: {
    '0188': [68, 70, 69, 71, 74],
    '0180': [61, 64, 66, 65, 67],
    '0187': [72, 70, 75, 77, 76],
    '0192': [58, 62, 63, 66, 69],
    '0181': [55, 57, 60, 59, 63],
    '0000': [63, 64, 66, 67, 68],
  },
  N99002: {
    '0188': [62, 63, null, 65, 66],
    '0180': [58, 59, 60, 60, 61],
    '0187': [66, 67, 66, 68, 69],
    '0192': [60, 61, 61, 63, 62],
    '0181': [57, 58, 59, 58, 60],
    '0000': [60, 61, 61, 62, 63],
  },
};

/** The recorded answer, one page, as Kolada v3 would give it. */
export const DEMO_PAGE: KoladaPage<KoladaDataRow> = (() => {
  const values: KoladaDataRow[] = Object.entries(FIGURES).flatMap(([kpi, byMunicipality]) =>
    Object.entries(byMunicipality).flatMap(([municipality, figures]) =>
      YEARS.map((period, i) => ({
        kpi,
        municipality,
        period,
        values: [{ gender: 'T', value: figures[i] ?? null, count: 1, status: '', isdeleted: false }],
      })),
    ),
  );
  return { values, count: values.length, next_url: null, previous_url: null };
})();

/** A week later Kolada "revised" Norrtälje's 2024 figure: the demo shows how a revision is listed. */
export const DEMO_REVISION: KoladaDataRow = {
  kpi: 'N99001',
  municipality: '0188',
  period: 2024,
  values: [{ gender: 'T', value: 72, count: 1, status: '', isdeleted: false }],
};

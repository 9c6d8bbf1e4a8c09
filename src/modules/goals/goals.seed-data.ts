// Demo data from Norrtälje kommunstyrelse's Verksamhetsplan 2025–2027 (seed 002) and the action
// plan for service to companies (seed 004), as printed. The plan is split by kind:
// goals.seed-data.plan.ts (goal areas and direction goals with their texts),
// goals.seed-data.indicators.ts (every indicator with its printed values 2022–2027) and
// goals.seed-data.assignments.ts (every assignment and board initiative). The action plan is here.

export { ASSIGNMENTS, type SeedAssignment } from './goals.seed-data.assignments.ts';
export { INDICATORS, type Printed, type SeedIndicator } from './goals.seed-data.indicators.ts';
export { GOAL_AREAS, GOALS, type SeedGoal, type SeedGoalArea } from './goals.seed-data.plan.ts';

export const ACTION_PLAN = {
  title: 'Handlingsplan för service till företag',
  unit: 'Näringsliv och etablering',
  purpose:
    'Genom kompetensutveckling av tjänstepersoner med företagskontakter i god service och vägledning syftar denna handlingsplan till att öka kommunens servicegrad i relation till näringslivet.',
  goalsText: 'Målet är att Norrtälje kommun ska erbjuda en stadigvarande hög servicenivå till det lokala näringslivet.',
  periodFrom: '2024-01-01',
  periodTo: '2025-12-31',
  budget: { '2025': 250000 },
  nki: [
    { code: 'NKI-1', title: 'Aggregerat NKI, service till företag', target: 77, year: '2026' },
    { code: 'NKI-2', title: 'NKI för samtliga myndighetsområden (lägsta området)', target: 70, year: null },
    { code: 'NKI-3', title: 'Aggregerat NKI för delfrågan "Hur nöjd var du totalt sett med bemötandet?"', target: 80, year: null },
    {
      code: 'NKI-4',
      title: 'NKI för samtliga myndighetsområden för delfrågan "Hur nöjd var du totalt sett med bemötandet?"',
      target: 80,
      year: null,
    },
  ],
  activities: [
    {
      number: 1,
      title: 'Kartläggning av nuläge och framgångsfaktorer',
      purpose: 'Ta fram ett välgrundat underlag för planering av utbildningsinsatser för tjänstepersoner inom service och vägledning.',
      steps:
        '- Granskning av NKI-undersökningar\n- Dialog med lokala företagarföreningar\n- Utredning av framgångsfaktorer för kundnöjdhet vid myndighetsärenden\n- Sammanställning av nuläge',
      start: '2024-01-01',
      end: '2024-08-31',
    },
    {
      number: 2,
      title: 'Förankring i organisationen',
      purpose:
        'Säkra att utbildningsinsatserna får önskad effekt genom att brett förankra behovet och nyttan av dessa i den kommunala organisationen.',
      steps: '- Genomförande av workshopserie med förvaltningsdirektörer och avdelningschefer',
      start: '2024-01-01',
      end: '2024-05-31',
    },
    {
      number: 3,
      title: 'Utbildningsinsats för alla tjänstepersoner med företagskontakter',
      purpose: 'Förbättra färdigheter och kunskaper inom kundservice, kommunikation och företagsvägledning.',
      steps: '- Planering\n- Genomförande under våren 2025\n- Uppföljning efter ett år, därefter vartannat år',
      start: '2025-01-01',
      end: '2025-05-31',
    },
    {
      number: 4,
      title: 'Framtagande av digital servicekurs för tjänstepersoner med företagskontakter',
      purpose: 'Upprätthålla och uppdatera kompetensen genom en årlig kurs på plattformen Mitt lärande.',
      steps: '- Kursutveckling\n- Lansering av kurs\n- Årlig översyn och uppdatering',
      start: '2024-09-01',
      end: '2025-01-31',
    },
  ],
};

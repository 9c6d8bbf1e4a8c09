// Demo data from Norrtälje kommunstyrelse's Verksamhetsplan 2025–2027 (seed 002) and the action
// plan for service to companies (seed 004), as printed. Values are
// [utfall 2022, utfall 2023, prognos 2024, mål 2024, mål 2025, mål 2026, mål 2027]; null where the
// text has "-" or the extraction is ambiguous (left empty rather than guessed).

export type Printed = [number | null, number | null, number | null, number | null, number | null, number | null, number | null];

export interface SeedIndicator {
  code: string;
  goal: string;
  title: string;
  unit: string;
  decimals: number;
  direction: 'higher' | 'lower';
  values: Printed;
  /** Printed misprints kept as printed, and readings of the flattened table, explained. */
  comments?: Partial<Record<number, string>>;
  definition?: string;
  /** Outcomes from 2025 computed by Insyn: the source and the unit it measures ('' = the whole municipality). */
  computed?: { type: 'first_contact_resolution' | 'first_response_median'; unit: string };
}

export const GOAL_AREAS: { number: number; title: string; ambition: string }[] = [
  {
    number: 1,
    title: 'Norrtälje ska ha en sund och hållbar ekonomi i balans',
    ambition: 'Norrtälje kommun ska ha en stärkt ekonomi som skapar maximal nytta för invånarna.',
  },
  {
    number: 2,
    title: 'Norrtälje ska vara en landsbygdsvänlig och serviceinriktad kommun - som sätter invånaren först',
    ambition:
      'Norrtälje kommun ska vara Sveriges populäraste landsbygds- och skärgårdskommun som främjar demokratisk delaktighet och samhörighet.',
  },
  {
    number: 3,
    title: 'Norrtälje ska vara en trygg och säker kommun - både i vardag och kris',
    ambition: 'Norrtälje kommun ska vara Sveriges tryggaste kommun.',
  },
  {
    number: 4,
    title:
      'Norrtälje ska vara en kunskapsinriktad skolkommun - där barn och unga rustas väl för framtiden och ges möjlighet att nå sin fulla potential',
    ambition: 'Norrtälje kommun ska vara Sveriges bästa skolkommun.',
  },
  {
    number: 5,
    title: 'Norrtälje ska förvaltas och utvecklas på ett miljö- och klimatmässigt hållbart sätt',
    ambition:
      'Norrtälje kommun ska vara en kommun som ligger i nationell framkant på miljö- och klimatområdet, sett till egen och upphandlad verksamhet såväl som till samverkan med näringsliv och civilsamhälle.',
  },
  {
    number: 6,
    title: 'Norrtälje ska vara en företagsvänlig kommun där människor och entreprenörskap utvecklas',
    ambition: 'Norrtälje kommun ska vara Sveriges mest företagsvänliga kommun.',
  },
  {
    number: 7,
    title: 'Norrtälje ska vara en inkluderande kommun - som främjar människors egenmakt, livskvalitet och egenförsörjning',
    ambition:
      'Norrtälje kommun ska vara en kommun där invånarna upplever hög grad av jämlikhet, egenmakt och gemenskap. Våra invånare åtnjuter god livskvalitet med berikande fritid och har tillgång till en trygg socialtjänst och en välfungerande äldreomsorg i hela kommunen.',
  },
];

export const GOALS: { number: string; title: string; text?: string; boardText?: string }[] = [
  {
    number: '1.1',
    title: 'En ekonomi i balans',
    text: 'För en fortsatt balanserad tillväxt och samhällsutveckling som bidrar till att Norrtälje kommun får fler invånare utan att kvaliteten i kärnverksamheterna riskerar att försämras krävs en ökad andel självfinansiering av investeringar samt budgetdisciplin. Överskottet ska uppgå till minst 2 procent av skatteintäkter och generella bidrag över tid.',
  },
  { number: '1.2', title: 'En effektiv verksamhet' },
  {
    number: '2.1',
    title: 'Säkerställa att invånare och företag får snabb återkoppling och positivt bemötande i alla sina kontakter med kommunen',
    text: 'Återkoppling till invånare på frågor som ställs till Norrtälje kommun ska göras inom en arbetsdag. Om frågan inte kan besvaras genast ska en tydlig angivelse göras av när nästa återkoppling (om när ärendet kommer att påbörjas eller beslutas) kommer att ske.',
    boardText:
      'Kommunstyrelsekontoret ska fortsätta utveckla den kommunala servicen, främst genom kommunens kontaktcenter där merparten av kontakt med invånare sker. Ett särskilt fokus är kontakten med företagare vilket kommer ske genom en bred kompetensutveckling under året.',
  },
  { number: '2.2', title: 'Ta vara på digitaliseringens möjligheter i kontakten med invånare och företag' },
  { number: '2.3', title: 'Utveckla den kommunala servicen på landsbygd och skärgård' },
  { number: '3.1', title: 'Stärka tryggheten i hela Norrtälje kommun' },
  {
    number: '3.2',
    title: 'Öka tryggheten i hemmet, med särskilt fokus på våld i nära relationer, hedersrelaterat våld och förtryck samt äldre invånare',
  },
  { number: '3.3', title: 'Säkerställa en god kommunal servicenivå även vid störningar och kriser' },
  { number: '4.1', title: 'Skapa förutsättningar för höjda kunskapsresultat' },
  { number: '4.2', title: 'Öka tryggheten och trivseln i skolan' },
  { number: '4.3', title: 'Skapa en stödjande, uppmuntrande läromiljö' },
  { number: '5.1', title: 'Minska klimatpåverkan' },
  { number: '5.2', title: 'Effektivare användning av energi, material och näringsämnen och högre grad av återbruk och återvinning' },
  { number: '5.3', title: 'Ökad klimatanpassning och god beredskap för viktiga samhällsfunktioner' },
  { number: '6.1', title: 'Främja växande företag och få till stånd fler företagsetableringar som skapar arbetstillfällen' },
  { number: '6.2', title: 'Aktivt verka för att förbättra transportinfrastrukturen och påskynda bredbandsutbyggnaden i kommunen' },
  {
    number: '6.3',
    title:
      'Utveckla Norrtälje som besökskommun och aktivt skapa förutsättningar för ytterligare utveckling av landsbygds- och skärgårdsturismen',
  },
  { number: '7.1', title: 'Främja egenförsörjning och integration' },
  { number: '7.2', title: 'Skapa förutsättningar för kultur- och fritidsaktiviteter som främjar ökad livskvalitet' },
  { number: '7.3', title: 'Rätt insats ska ges i rätt tid och av rätt aktör' },
];

export const INDICATORS: SeedIndicator[] = [
  {
    code: '1.1.1',
    goal: '1.1',
    title: 'Budgetföljsamhet (grad av budgetavvikelse i % per nämnd)',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    values: [17, 11.7, 2, 0, 0, 0, 0],
  },
  {
    code: '1.1.2',
    goal: '1.1',
    title: 'Budgetföljsamhet (grad av budgetavvikelse i % för kommunen som helhet)',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    values: [296, 295, 81.2, 0, 0, 0, 0],
    comments: { 0: 'Som tryckt (296.0%).', 1: 'Som tryckt (295.0%).' },
  },
  {
    code: '1.1.3',
    goal: '1.1',
    title: 'Nettokostnadsavvikelse totalt (exkl. LSS), andel',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    values: [-5.7, -12.4, null, -5.7, -12.4, -12.4, -12.4],
  },
  {
    code: '1.1.4',
    goal: '1.1',
    title: 'Årets resultat som andel av skatt och generella statsbidrag',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [11.4, 21.1, 2.5, 1.4, 2, 2.3, 1.8],
  },
  {
    code: '1.1.5',
    goal: '1.1',
    title: 'Låneskuld (i kommun), kr per invånare',
    unit: 'kr/inv',
    decimals: 0,
    direction: 'lower',
    values: [null, null, null, null, null, null, null],
    definition:
      'Raden lyder "- 596 856 13 322 8 529 9 878 11 149" i textutdraget; tusentalsgrupperingen går inte att läsa säkert, så värdena är lämnade tomma.',
  },
  {
    code: '1.1.6',
    goal: '1.1',
    title: 'Låneskuld (i koncern), kr per invånare',
    unit: 'kr/inv',
    decimals: 0,
    direction: 'lower',
    values: [null, 59453, 62396, 78305, 76207, 83043, 88559],
  },
  {
    code: '1.1.7',
    goal: '1.1',
    title: 'Soliditet inkl. pensionsåtagande',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [null, 29.5, 27.6, 26.3, 26.9, 26.5, 26.2],
  },
  {
    code: '1.1.8',
    goal: '1.1',
    title: 'Självfinansieringsgrad investeringar, andel',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [null, 115, 57.6, 36, 155, 80, 83],
  },
  {
    code: '1.1.9',
    goal: '1.1',
    title: 'Investeringar i % av skatteintäkter, generella statsbidrag och utjämning',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    values: [null, null, 12.3, 12.4, 14, 12, 11],
  },
  {
    code: '2.1.1',
    goal: '2.1',
    title: 'Uppklarningsprocent, kontaktcenter',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [83, 81.4, 83, 83, 83, 83, 83],
    computed: { type: 'first_contact_resolution', unit: 'Kontaktcenter' },
  },
  {
    code: '2.1.2',
    goal: '2.1',
    title: 'Generell nöjdhet (%), kontaktcenter',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    // Six figures for seven columns; the double space after 270,7% reads as an empty prognos 2024.
    values: [90, 270.7, null, 92, 93, 93, 93],
    comments: { 1: 'Som tryckt (270,7%) – sannolikt ett tryckfel.', 2: 'Tom i textutdraget (sex värden för sju kolumner).' },
  },
  {
    code: '2.1.3',
    goal: '2.1',
    title: 'Engagemang kontaktcenter, enligt invånarmätning Brilliant',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [93, 93.2, 94, 94, 94, 94, 94],
  },
  {
    code: '2.1.4',
    goal: '2.1',
    title: 'Återkopplingstid (tillfälle 1) på förvaltningarnas ärenden',
    unit: 'arbetsdagar',
    decimals: 1,
    direction: 'lower',
    values: [2.4, 3, 2, 2, 2, 2, 2],
    computed: { type: 'first_response_median', unit: '' },
  },
];

export const ASSIGNMENTS = [
  {
    code: 'KS-2.1-1',
    goal: '2.1',
    title: 'Tjänstemän med företagskontakter ska kompetensutvecklas i hur man ger bra service och vägledning.',
    unit: 'Näringsliv och etablering',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    originBody: 'Kommunfullmäktige',
    decisionInstance: 'Kommunstyrelsen',
    description:
      'Utbildning för tjänstepersoner med företagskontakter kommer att genomföras under 2025. Utbildningsinsatsen planeras att genomföras under 2025 och kommer att innefatta både teoretiska och praktiska moment med fokus på servicebemötande, kommunikation och problemlösning. Detta ska bidra till att skapa en mer serviceinriktad och företagsvänlig kommunorganisation.',
    doneCriteria:
      'Uppdraget redovisas till kommunstyrelsen den 1 december 2025 i form av en skriftlig rapport med inlämning till nämndsekretariat senast den 27 oktober.',
  },
];

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

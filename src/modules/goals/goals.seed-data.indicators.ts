// Every indicator of Norrtälje kommunstyrelse's Verksamhetsplan 2025–2027 (seed 002), with its
// values as printed in the tables "Indikatorer för uppföljning av måluppfyllelse" and its owner as
// printed in "Bilaga 1 - Indikatorer". Values are
// [utfall 2022, utfall 2023, prognos 2024, mål 2024, mål 2025, mål 2026, mål 2027]; null where the
// table has "-" or an empty cell. The text extraction flattens the table to one line per row; when a
// row has fewer figures than columns, runs of spaces mark the empty cells (one extra space per empty
// cell, as in "19,0%   18,0%"), and a row that cannot be read that way is left empty rather than
// guessed. Misprints are kept as printed, with a comment on the value.

export type Printed = [number | null, number | null, number | null, number | null, number | null, number | null, number | null];

/** The owner as printed in Bilaga 1 (the demo organisation's unit is looked up in goals.seed.ts). */
export type PrintedOwner =
  | 'Ekonomiavdelningen'
  | 'Stab- och planeringsavdelningen'
  | 'Räddningstjänsten'
  | 'Säkerhet- och beredskapsenheten'
  | 'HR-avdelningen'
  | 'Näringslivsenheten';

export interface SeedIndicator {
  code: string;
  goal: string;
  title: string;
  /** KF = decided by the council ("Indikator (KF)"), board = the board's own ("Indikator (Nämnd)"). */
  level: 'KF' | 'board';
  owner: PrintedOwner;
  unit: string;
  decimals: number;
  direction: 'higher' | 'lower';
  values: Printed;
  /** Printed misprints kept as printed, and readings of the flattened table, explained (by column index). */
  comments?: Partial<Record<number, string>>;
  definition?: string;
  /** Outcomes from 2025 computed by Insyn: the source and the unit it measures ('' = the whole municipality). */
  computed?: { type: 'first_contact_resolution' | 'first_response_median'; unit: string };
}

export const INDICATORS: SeedIndicator[] = [
  // 1.1 En ekonomi i balans
  {
    code: '1.1.1',
    goal: '1.1',
    title: 'Budgetföljsamhet (grad av budgetavvikelse i % per nämnd)',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    values: [17, 11.7, 2, 0, 0, 0, 0],
  },
  {
    code: '1.1.2',
    goal: '1.1',
    title: 'Budgetföljsamhet (grad av budgetavvikelse i % för kommunen som helhet)',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
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
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    // Printed "-5,7% -12,4 - -5,7% -12,4% -12,4% -12,4%": the 2023 outcome without "%", prognos "-".
    values: [-5.7, -12.4, null, -5.7, -12.4, -12.4, -12.4],
    comments: { 1: 'Som tryckt (-12,4 utan %).' },
  },
  {
    code: '1.1.4',
    goal: '1.1',
    title: 'Årets resultat som andel av skatt och generella statsbidrag',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [11.4, 21.1, 2.5, 1.4, 2, 2.3, 1.8],
  },
  {
    code: '1.1.5',
    goal: '1.1',
    title: 'Låneskuld (i kommun), kr per invånare',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: 'kr/inv',
    decimals: 0,
    direction: 'lower',
    // "- 596 856 13 322 8 529 9 878 11 149": ten groups for six values; five groupings are possible
    // (e.g. 596 | 856 | 13 322 | … or 596 856 | 13 322 | 8 | 529 | …), so no value is guessed.
    values: [null, null, null, null, null, null, null],
    definition:
      'Raden lyder "- 596 856 13 322 8 529 9 878 11 149" i textutdraget; tusentalsgrupperingen går inte att läsa säkert, så värdena är lämnade tomma.',
  },
  {
    code: '1.1.6',
    goal: '1.1',
    title: 'Låneskuld (i koncern), kr per invånare',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: 'kr/inv',
    decimals: 0,
    direction: 'lower',
    values: [null, 59453, 62396, 78305, 76207, 83043, 88559],
  },
  {
    code: '1.1.7',
    goal: '1.1',
    title: 'Soliditet inkl. pensionsåtagande',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [null, 29.5, 27.6, 26.3, 26.9, 26.5, 26.2],
  },
  {
    code: '1.1.8',
    goal: '1.1',
    title: 'Självfinansieringsgrad investeringar, andel',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [null, 115, 57.6, 36, 155, 80, 83],
  },
  {
    code: '1.1.9',
    goal: '1.1',
    title: 'Investeringar i % av skatteintäkter, generella statsbidrag och utjämning',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    values: [null, null, 12.3, 12.4, 14, 12, 11],
  },
  // 2.1 Snabb återkoppling och positivt bemötande
  {
    code: '2.1.1',
    goal: '2.1',
    title: 'Uppklarningsprocent, kontaktcenter',
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
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
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
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
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [93, 93.2, 94, 94, 94, 94, 94],
  },
  {
    code: '2.1.4',
    goal: '2.1',
    title: 'Återkopplingstid (tillfälle 1) på förvaltningarnas ärenden',
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
    unit: 'arbetsdagar',
    decimals: 1,
    direction: 'lower',
    values: [2.4, 3, 2, 2, 2, 2, 2],
    computed: { type: 'first_response_median', unit: '' },
  },
  // 3.1 Stärka tryggheten i hela Norrtälje kommun
  {
    code: '3.1.1',
    goal: '3.1',
    title: 'Upplevd trygghet – oro för brott',
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    // "19,0%   18,0% 17,0% 17,0% 17,0%": three spaces = utfall 2023 and prognos 2024 empty.
    values: [19, null, null, 18, 17, 17, 17],
  },
  {
    code: '3.1.2',
    goal: '3.1',
    title: 'Upplevd trygghet – rädsla och otrygghet kvälls- och nattetid',
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
    unit: '%',
    decimals: 1,
    direction: 'lower',
    values: [20, null, null, 18, 18, 18, 18],
  },
  {
    code: '3.1.3',
    goal: '3.1',
    title: 'Antal kommunala bevakningskameror',
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    values: [31, 71, 73, 73, 76, 79, 82],
  },
  // 3.2 Öka tryggheten i hemmet
  {
    code: '3.2.1',
    goal: '3.2',
    title: 'Antal platser på trygghetsboenden',
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    // " 8 19 19 59 59 59": the leading space is the empty utfall 2022.
    values: [null, 8, 19, 19, 59, 59, 59],
  },
  {
    code: '3.2.2',
    goal: '3.2',
    title:
      'Antal av kommunkoncernens medarbetare som under året erbjudits utbildning i våld i nära relationer och hedersrelaterat våld och förtryck',
    level: 'KF',
    owner: 'Stab- och planeringsavdelningen',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    // "    300 300 300": four empty cells, then the targets 2025–2027.
    values: [null, null, null, null, 300, 300, 300],
  },
  // 3.3 God kommunal servicenivå även vid störningar och kriser
  {
    code: '3.3.1',
    goal: '3.3',
    title: 'Tid från larm till framkomst till skadeplats, antal minuter',
    level: 'KF',
    owner: 'Räddningstjänsten',
    unit: 'minuter',
    decimals: 2,
    direction: 'lower',
    // "10,52 11,19  10,00 10,00 10,00 10,00": the double space is the empty prognos 2024.
    values: [10.52, 11.19, null, 10, 10, 10, 10],
  },
  {
    code: '3.3.2',
    goal: '3.3',
    title: 'Antal erbjudna utbildningsplatser till elever i Norrtälje kommun i första hjälpen HLR, brandskydd och trafiksäkerhet',
    level: 'KF',
    owner: 'Räddningstjänsten',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    // "   2 100 2 100 2 100 2 100": three empty cells, then 2 100 for mål 2024–2027.
    values: [null, null, null, 2100, 2100, 2100, 2100],
  },
  {
    code: '3.3.3',
    goal: '3.3',
    title: 'Antal av kommunens medarbetare som under året erbjudits utbildning i brandskydd',
    level: 'KF',
    owner: 'Räddningstjänsten',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    values: [0, 204, 320, 400, 400, 400, 400],
  },
  {
    code: '3.3.4',
    goal: '3.3',
    title: 'Antal av kommunens medarbetare som under året erbjudits utbildning i informationssäkerhet',
    level: 'KF',
    owner: 'Säkerhet- och beredskapsenheten',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    // " 7,5%  100,0% 100,0% 100,0% 100,0%": utfall 2022 and prognos 2024 empty. Titled "Antal" but
    // printed in per cent; kept as printed.
    values: [null, 7.5, null, 100, 100, 100, 100],
    comments: { 1: 'Som tryckt: indikatorn heter "Antal" men värdena anges i procent.' },
  },
  {
    code: '3.3.5',
    goal: '3.3',
    title: 'Antal erbjudna utbildningsplatser till medarbetare i Norrtälje kommun i första hjälpen och HLR',
    level: 'board',
    // Printed under "Indikator (Nämnd)"; Bilaga 1 lists only the council's indicators, so no owner is
    // printed. Räddningstjänsten is the department that offers first aid training (3.3.2).
    owner: 'Räddningstjänsten',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    values: [437, 418, 400, 400, 400, 400, 400],
    definition: 'Nämndens egen indikator. Ansvarig avdelning anges inte i planen (bilaga 1 redovisar bara fullmäktiges indikatorer).',
  },
  // 5.1 Minska klimatpåverkan
  {
    code: '5.1.1',
    goal: '5.1',
    title: 'Växthusgasutsläpp från personalens tjänsteresor (exkl. resor med personbil)',
    level: 'KF',
    owner: 'HR-avdelningen',
    unit: 'kg CO2e',
    decimals: 0,
    direction: 'lower',
    values: [22171, 5901, 8800, 8800, 8500, 8300, 8100],
    definition: 'Planen anger inte enheten; värdena är införda som tryckta.',
  },
  // 6.1 Främja växande företag och fler företagsetableringar
  {
    code: '6.1.1',
    goal: '6.1',
    title: 'Företagsklimat',
    level: 'KF',
    owner: 'Näringslivsenheten',
    unit: 'placering',
    decimals: 0,
    direction: 'lower',
    values: [154, 164, 164, 150, 150, 145, 140],
    definition: 'Kommunens placering i rankningen av företagsklimatet; målen sjunker från 150 till 140, så en lägre placering är bättre.',
  },
  {
    code: '6.1.2',
    goal: '6.1',
    title: 'Antal företagsbesök/år',
    level: 'KF',
    owner: 'Näringslivsenheten',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    values: [85, 109, 110, 110, 110, 110, 110],
  },
  {
    code: '6.1.3',
    goal: '6.1',
    title: 'Antal nyetablerade företag',
    level: 'KF',
    owner: 'Näringslivsenheten',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    // "601 540 429  500 500 500": the double space is the empty mål 2024.
    values: [601, 540, 429, null, 500, 500, 500],
  },
  {
    code: '6.1.4',
    goal: '6.1',
    title: 'NKI-mätning kvartalsvis inom fem verksamhetsområden',
    level: 'KF',
    owner: 'Näringslivsenheten',
    unit: 'index',
    decimals: 0,
    direction: 'higher',
    values: [72, 74, 73, 75, 76, 77, 78],
  },
  // 6.2 Transportinfrastruktur och bredband
  {
    code: '6.2.1',
    goal: '6.2',
    title: 'Andel hushåll och företag som har tillgång till bredband 100Mbit/s',
    level: 'KF',
    owner: 'Näringslivsenheten',
    unit: '%',
    decimals: 1,
    direction: 'higher',
    values: [79.4, 85.7, 91, 91, 98, 98, 98],
  },
  // 6.3 Besökskommun, landsbygds- och skärgårdsturism
  {
    code: '6.3.1',
    goal: '6.3',
    title: 'Lokalproducerade varor och tjänster i upphandlingar, antal avtal med lokala leverantörer',
    level: 'KF',
    owner: 'Ekonomiavdelningen',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    values: [55, 117, 15, 35, 57, 57, 57],
  },
  {
    code: '6.3.2',
    goal: '6.3',
    title: 'Antal gästnätter på hotell, stugbyar, vandrarhem och camping i Norrtälje kommun',
    level: 'KF',
    owner: 'Näringslivsenheten',
    unit: 'antal',
    decimals: 0,
    direction: 'higher',
    // "421 442 392 055 405 000 …": groups with a leading zero continue the number before them.
    values: [421442, 392055, 405000, 405000, 410000, 420000, 430000],
  },
];

// Every assignment (uppdrag) and board initiative (nämndinitiativ) of Norrtälje kommunstyrelse's
// Verksamhetsplan 2025–2027 (seed 002, tables "Specifika uppdrag och egna initiativ"), as printed:
// title, responsible department ("Ansvarig avdelning", as printed; goals.seed.ts maps it to the demo
// organisation), new or remaining ("Kvarvarande/nytt uppdrag"), end date ("Slutdatum") and the
// "Egen beskrivning". The description is split in two: `doneCriteria` holds the sentences that say
// what must have happened (the written report to the board, the submission to the secretariat, or
// an explicit criterion), `description` the rest; nothing is dropped or added. `boardReportDate`
// and `secretariatDate` are the dates those sentences name (null when they name none).
// Assignments come from the council's Mål och budget 2025–2027 ("I mål och budget kan
// kommunfullmäktige ge specifika uppdrag till nämnder"); initiatives are the board's own. The plan
// prints no decision instance column; `decisionInstance` is set only where the text names one.

export type PrintedUnit =
  | 'Ekonomiavdelningen'
  | 'Stab- och planeringsavdelningen'
  | 'Kommundirektör'
  | 'Näringslivsenheten'
  | 'Räddningstjänsten';

export interface SeedAssignment {
  code: string;
  kind: 'assignment' | 'initiative';
  goal: string;
  title: string;
  unit: PrintedUnit;
  isNew: boolean;
  endDate: string;
  boardReportDate: string | null;
  secretariatDate: string | null;
  decisionInstance?: string;
  description: string;
  doneCriteria: string;
  /** Why a field reads as it does (misprints kept as printed). */
  note?: string;
}

const report = (board: string, secretariat: string) =>
  `Uppdraget kommer redovisas till kommunstyrelsen den ${board} i form av en skriftlig rapport med inlämning till nämndsekretariat senast den ${secretariat}.`;
const reportAtt = (board: string, secretariat: string, office = 'nämndsekretariat') =>
  `Uppdraget kommer att redovisas i form av en skriftlig rapport till kommunstyrelsen den ${board} med inlämning till ${office} senast den ${secretariat}.`;
const reportI = (board: string, secretariat: string) =>
  `Uppdraget kommer redovisas i form av en skriftlig rapport till kommunstyrelsen den ${board} med inlämning till nämndsekretariat senast den ${secretariat}.`;
const reportShort = (board: string, secretariat: string) =>
  `Uppdraget kommer redovisas till kommunstyrelsen den ${board} med inlämning till nämndsekretariat den ${secretariat}.`;
const reportWritten = (board: string, secretariat: string) =>
  `Uppdraget kommer redovisas till kommunstyrelsen den ${board} i form av skriftlig rapport med inlämning till nämndsekretariatet senast den ${secretariat}.`;

export const ASSIGNMENTS: SeedAssignment[] = [
  // 1.2 En effektiv verksamhet
  {
    code: 'KS-1.2-1',
    kind: 'assignment',
    goal: '1.2',
    title: 'Kommunens organisation ska genomlysas med syfte att effektivisera verksamheten utan att göra avkall på kvaliteten.',
    unit: 'Ekonomiavdelningen',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description: '',
    doneCriteria: reportAtt('1 december 2025', '27 oktober'),
  },
  {
    code: 'KS-1.2-2',
    kind: 'assignment',
    goal: '1.2',
    title: 'Översyn av reglementen för en anpassning och samverkan mot nya socialtjänstlagen (SoL).',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-06-02',
    boardReportDate: '2025-06-02',
    secretariatDate: '2025-04-22',
    description: '',
    doneCriteria: reportAtt('2 juni 2025', '22 april'),
  },
  {
    code: 'KS-1.2-3',
    kind: 'assignment',
    goal: '1.2',
    title: 'Analys av hur VA-investeringar delvis skulle kunna skattefinansieras och omfattningen kommande 10 år.',
    unit: 'Ekonomiavdelningen',
    isNew: true,
    endDate: '2025-04-07',
    boardReportDate: '2025-04-07',
    secretariatDate: '2025-03-03',
    description: '',
    doneCriteria: reportAtt('7 april 2025', '3 mars'),
  },
  {
    code: 'KS-1.2-4',
    kind: 'initiative',
    goal: '1.2',
    title: 'Revidering av styrmodellen',
    unit: 'Kommundirektör',
    isNew: true,
    endDate: '2026-01-30',
    boardReportDate: null,
    secretariatDate: null,
    decisionInstance: 'Kommunfullmäktige',
    description:
      'Inför planeringen av Mål och budget 2027-2029 (nästa mandatperiod) ska styrmodellen ha reviderats med färre mål som ett viktigt syfte och den reviderade styrmodellen ska vara välförankrad i kommunkoncernen och i de politiska partierna.',
    doneCriteria: 'Initiativet ska redovisas som ett ärende till kommunfullmäktige i februari 2026.',
  },
  {
    code: 'KS-1.2-5',
    kind: 'initiative',
    goal: '1.2',
    title: 'Skyndsamt säkerställa god arbetsmiljö och ändamålsenliga lokaler för socialnämndens verksamhet',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-03-31',
    boardReportDate: '2025-03-31',
    secretariatDate: null,
    description: '',
    doneCriteria:
      'Förslag till lösning som kan genomföras under 2025 ska redovisas till Kommunstyrelsens arbetsutskott senast den 31 mars 2025.',
    note: 'Redovisas till kommunstyrelsens arbetsutskott, inte till kommunstyrelsen.',
  },
  // 2.1 Snabb återkoppling och positivt bemötande
  {
    code: 'KS-2.1-1',
    kind: 'assignment',
    goal: '2.1',
    title: 'Tjänstemän med företagskontakter ska kompetensutvecklas i hur man ger bra service och vägledning.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description:
      'Utbildning för tjänstepersoner med företagskontakter kommer att genomföras under 2025. Utbildningsinsatsen planeras att genomföras under 2025 och kommer att innefatta både teoretiska och praktiska moment med fokus på servicebemötande, kommunikation och problemlösning. Detta ska bidra till att skapa en mer serviceinriktad och företagsvänlig kommunorganisation.',
    doneCriteria:
      'Uppdraget kommer redovisas till kommunstyrelsen den 1 december 2025 i form av en skriftlig rapport med inlämning till nämndsekretariat senast den 27 oktober.',
  },
  // 2.3 Kommunal service på landsbygd och skärgård
  {
    code: 'KS-2.3-1',
    kind: 'assignment',
    goal: '2.3',
    title:
      'Utveckla en strategi med tillhörande lokala handlingsplaner för att identifiera och realisera utvecklingspotentialen på utvalda platser i kommunens landsbygd och skärgård. I samarbete med näringslivsaktörer och civilsamhället ska styrkor och utmaningar kartläggas för att gemensamt driva och främja utveckling på dessa platser.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    // The extraction has "utveckling\." and "förutsättningar\." (escaped full stops, not in the print).
    description:
      'Strategin och handlingsplanerna ska vara vägledande för kommunens insatser på landsbygden och i skärgården, med målet att främja ekonomisk, social och miljömässig utveckling. Genom en djupgående kartläggning och dialog med lokala aktörer ska insatser anpassas efter platsens specifika förutsättningar. Detta arbete kommer att bidra till att stärka kommunens konkurrenskraft och förbättra livskvaliteten för boende och verksamma i dessa områden.',
    doneCriteria: report('1 december 2025', '27 oktober'),
  },
  {
    code: 'KS-2.3-2',
    kind: 'initiative',
    goal: '2.3',
    title: 'Översyn av grovsophämtning i skärgården.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-09-08',
    boardReportDate: '2025-09-08',
    secretariatDate: '2025-08-04',
    description: '',
    doneCriteria: report('8 september 2025', '4 augusti'),
  },
  {
    code: 'KS-2.3-3',
    kind: 'initiative',
    goal: '2.3',
    title: 'Genomföra en förstudie för möjligheten till etablering av fler båttömningsstationer.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description: '',
    doneCriteria: report('1 december 2025', '27 oktober'),
  },
  {
    code: 'KS-2.3-4',
    kind: 'initiative',
    goal: '2.3',
    title:
      'Genomföra ett pilotprojekt med fjärrövervakning och försök med automatiserade ordrar för att optimera tömningsfrekvensen och minska behovet av jourtömningar.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description: '',
    doneCriteria: report('1 december 2025', '27 oktober'),
  },
  {
    code: 'KS-2.3-5',
    kind: 'initiative',
    goal: '2.3',
    title:
      'Genomföra satsningar på kommunikation vad gäller instruktioner, digitala kanaler och förmedling av information avseende båttömningsstationer.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-06-02',
    boardReportDate: '2025-06-02',
    secretariatDate: '2025-04-28',
    description: '',
    doneCriteria: report('2 juni 2025', '28 april'),
  },
  // 3.1 Stärka tryggheten i hela Norrtälje kommun
  {
    code: 'KS-3.1-1',
    kind: 'assignment',
    goal: '3.1',
    title: 'Trygghetskameror ska sättas upp på fler utsatta eller potentiellt utsatta platser.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: false,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description:
      'Arbetet med att upprätta kamerabevakning på utsatta platser och i kommunens lokaler har pågått sedan år 2019. Kommunstyrelsekontorets enhet för säkerhet och beredskap analyserar behoven i samverkan med berörda förvaltningar och bistår i projektering av ny bevakning. Uppdraget följs upp via indikator som mäter antalet bevakningskameror.',
    doneCriteria: `För att uppdraget ska anses vara slutfört ska minst en ansökan om bevakning ha skickats in till Imy, alternativt ska en icke tillståndspliktig bevakning ha upprättats. ${reportAtt('1 december 2025', '27 oktober', 'nämndsekretariatet')}`,
  },
  {
    code: 'KS-3.1-2',
    kind: 'assignment',
    goal: '3.1',
    title: 'Ta fram plan för utformning av trygghetsskapande åtgärder.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description:
      'Uppdraget kommer genomföras i samverkan med exempelvis Polismyndigheten, Gatu- och parkenheten, mark- och exploateringsenheten och kultur- och fritidskontoret. I arbetet kommer olika platser analyseras för att identifiera ytterligare trygghetsskapande åtgärder.',
    doneCriteria: reportAtt('1 december 2025', '27 oktober', 'nämndsekretariatet'),
  },
  {
    code: 'KS-3.1-3',
    kind: 'initiative',
    goal: '3.1',
    title: 'Undersöka objektinnehavares uppfattning beträffande brandskyddskontroll.',
    unit: 'Räddningstjänsten',
    isNew: false,
    endDate: '2025-09-08',
    boardReportDate: '2025-09-08',
    secretariatDate: '2025-08-04',
    description: '',
    doneCriteria: reportI('8 september 2025', '4 augusti'),
  },
  {
    code: 'KS-3.1-4',
    kind: 'initiative',
    goal: '3.1',
    title: 'Genomföra socioekonomisk sårbarhetsanalys med fokus på brott och otrygghet.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description:
      'För att hitta rätt åtgärder i syfte att motverka en negativ utveckling i kommunens orter, och på sikt riskera att få stora trygghetsproblem, genomförs en socioekonomisk sårbarhetsanalys med fokus på brott och otrygghet. Analysen tar bland annat fasta på social och ekonomisk sårbarhet bland boende, men även strukturella frågor kopplade till området. Analysen utreder vidare risker för upprepad utsatthet i den fysiska miljön och innehåller förslag på konkreta och mätbara brottsförebyggande och trygghetsskapande insatser utifrån problembilden. Orter som kan komma att vara aktuella är Hallstavik och Rimbo.',
    doneCriteria: reportI('1 december 2025', '27 oktober'),
  },
  {
    code: 'KS-3.1-5',
    kind: 'initiative',
    goal: '3.1',
    title: 'Genomföra kunskapshöjande insatser mot välfärdsbrott.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description:
      'Juridikenheten ska verka för en god kunskapsnivå om välfärdsbrottslighet hos tjänstepersoner och förtroendevalda i Norrtälje kommun. Insatser ska ske genom utbildningsinsatser, sammanställning och spridning av information och stödmaterial.',
    doneCriteria:
      'Genomförda insatser under året kommer redovisas i form av en skriftlig rapport till kommunstyrelsen den 1 december 2025 med inlämning till nämndsekretariat senast den 27 oktober.',
  },
  {
    code: 'KS-3.1-6',
    kind: 'initiative',
    goal: '3.1',
    title: 'Genomföra en riskanalys för att identifiera prioriterade områden med hög risk för välfärdsbrott i respektive verksamhet.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-10-13',
    boardReportDate: '2025-10-13',
    secretariatDate: '2025-09-08',
    description: 'Uppdraget genomförs genom juridikenheten i samverkan med respektive nämnds förvaltning.',
    doneCriteria: reportI('13 oktober 2025', '8 september'),
  },
  // 3.3 God kommunal servicenivå även vid störningar och kriser
  {
    code: 'KS-3.3-1',
    kind: 'assignment',
    goal: '3.3',
    title:
      'Kommunens arbete med krisberedskap och civil beredskap ska prioriteras och civilsamhället och näringslivet ska inkluderas i det arbetet. De frivilliga resurserna ska nyttjas i högre utsträckning.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-11-10',
    boardReportDate: '2025-11-10',
    secretariatDate: '2025-09-29',
    description: 'Trygghet och säkerhet genomför utredning i samverkan med avdelningen Näringsliv.',
    doneCriteria:
      'Uppdraget ska redovisas till kommunstyrelsen den 10 november 2025 i form av skriftlig rapport med inlämning till nämndsekretariatet senast den 29 september.',
  },
  {
    code: 'KS-3.3-2',
    kind: 'assignment',
    goal: '3.3',
    title:
      'Kommunens utbildnings- och övningsplan ska kompletteras med att minst två övningar på temat civil beredskap ska genomföras årligen.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-05-12',
    boardReportDate: '2025-05-12',
    secretariatDate: '2025-03-31',
    decisionInstance: 'Kommundirektör',
    description: '',
    doneCriteria:
      'Utbildnings- och övningsplan ska vara uppdaterad senast 2025-03-31. Utbildning- och övningsplan beslutas av kommundirektör och redovisas till kommunstyrelsen den 12 maj 2025 i form av skriftlig rapport med inlämning till nämndsekretariatet senast den 31 mars.',
  },
  {
    code: 'KS-3.3-3',
    kind: 'initiative',
    goal: '3.3',
    title: 'Verka för att förvaltningarna bedriver kontinuitetshantering.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-09-08',
    boardReportDate: '2025-09-08',
    secretariatDate: '2025-08-04',
    description:
      'Enheten för Trygghet och säkerhet på kommunstyrelsekontoret har tagit fram ett koncept för kontinuitetshantering som ska tillämpas koncernövergripande.',
    doneCriteria:
      'Uppdraget ska redovisas till kommunstyrelsen den 8 september 2025 i form av skriftlig rapport med inlämning till nämndsekretariatet senast den 4 augusti.',
  },
  // 5.1 Minska klimatpåverkan
  {
    code: 'KS-5.1-1',
    kind: 'assignment',
    goal: '5.1',
    title:
      'Inrätta ett kontor för hållbar utveckling under ett nytt utskott till kommunstyrelsen med ansvar för omställningsfrågor rörande klimat, cirkulär ekonomi, energi, miljö och social hållbarhet.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description: 'Kontoret ska etableras under 2025.',
    doneCriteria: report('1 december 2025', '27 oktober'),
  },
  {
    code: 'KS-5.1-2',
    kind: 'assignment',
    goal: '5.1',
    title: 'Upprätta och följa upp en klimatomställningsplan i relation till kommunens koldioxidbudget.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-03-31',
    boardReportDate: '2025-03-31',
    secretariatDate: null,
    description: '',
    // Printed without a closing full stop.
    doneCriteria:
      'En första åtgärdsplan ska redovisas till kommunstyrelsen den 31 mars så att åtgärder kan inarbetas i Mål och budget 2026-2028',
  },
  {
    code: 'KS-5.1-3',
    kind: 'assignment',
    goal: '5.1',
    title: 'Initiera utbildningsinsatser om hållbarhet.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description: '',
    doneCriteria: report('1 december 2025', '27 oktober'),
  },
  {
    code: 'KS-5.1-4',
    kind: 'assignment',
    goal: '5.1',
    title:
      'Utreda möjligheterna att införa ett kommunalt hållbarhetsbidrag för föreningar samt erbjuda finansieringslots som kan hjälpa till med att hitta extern finansiering.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description: '',
    doneCriteria:
      'Uppdraget om kommunalt hållbarhetsbidrag kommer redovisas till kommunstyrelsen den 31 mars 2025 i form av en skriftlig rapport med rekommenderade riktlinjer för bidraget. Uppdraget om finansieringslots kommer redovisas till kommunstyrelsen den 1 december 2025 med inlämning till nämndsekretariat senast den 27 oktober.',
    note: 'Två redovisningar: hållbarhetsbidraget den 31 mars 2025, finansieringslotsen den 1 december 2025 (datumen ovan).',
  },
  // 6.1 Främja växande företag och fler företagsetableringar
  {
    code: 'KS-6.1-1',
    kind: 'assignment',
    goal: '6.1',
    title: 'Uppdraget för företagslotsen ska utökas för att möjliggöra för fler att ta del av tjänsten i hela kommunen.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-10-13',
    boardReportDate: '2025-10-13',
    secretariatDate: '2025-09-08',
    description:
      'För att stödja näringslivet inom kommunen ska lotsen bli en lättillgänglig resurs för företagare på plats. Genom att etablera en struktur för hur lotsens tjänster kan erbjudas lokalt, vill kommunen underlätta för företag att få det stöd och den vägledning de behöver. Detta inkluderar både fysiska och digitala lösningar, samt samverkan med lokala näringslivsaktörer för att maximera effekten av insatserna och bidra till ökad tillväxt och etablering.',
    doneCriteria: reportShort('13 oktober 2025', '8 september'),
  },
  {
    code: 'KS-6.1-2',
    kind: 'assignment',
    goal: '6.1',
    title:
      'Påbörja ett strategiskt arbete med att identifiera möjliga företagskluster inom kunskapsintensiva näringar för fler företagsetableringar.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-12-01',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description: '',
    doneCriteria: reportShort('1 december 2025', '27 oktober'),
  },
  {
    code: 'KS-6.1-3',
    kind: 'assignment',
    goal: '6.1',
    title: 'Öka antalet sommarjobb för att på sikt möjliggöra en sommarjobbsgaranti.',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-06-02',
    boardReportDate: '2025-12-01',
    secretariatDate: '2025-10-27',
    description:
      'Näringslivsenheten som samordnande funktion att tillsammans med verksamheterna inom kommunkoncernen möjliggöra för fler unga att sommarjobba.',
    doneCriteria: reportShort('1 december 2025', '27 oktober'),
    note: 'Som tryckt: slutdatum 2025-06-02 men redovisning till kommunstyrelsen den 1 december 2025.',
  },
  {
    code: 'KS-6.1-4',
    kind: 'initiative',
    goal: '6.1',
    title: 'Arbeta fram handlingsplan för informations- och kommunikationsförbättringar mellan Norrtälje kommun och näringslivet.',
    unit: 'Näringslivsenheten',
    isNew: false,
    endDate: '2025-06-02',
    boardReportDate: '2025-06-02',
    secretariatDate: '2025-04-28',
    description:
      'Näringslivsenheten, som samordnande funktion, att tillsammans med näringslivet i kommunen arbeta fram en handlingsplan för informations- och kommunikationsförbättringar mellan kommunen och näringslivet.',
    doneCriteria: reportShort('2 juni 2025', '28 april'),
  },
  {
    code: 'KS-6.1-5',
    kind: 'initiative',
    goal: '6.1',
    title: 'Ta fram en handlingsplan för genomförandet av näringslivsstrategin',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-06-02',
    boardReportDate: '2025-06-02',
    secretariatDate: '2025-04-28',
    description: '',
    doneCriteria: reportShort('2 juni 2025', '28 april'),
  },
  // 6.3 Besökskommun, landsbygds- och skärgårdsturism
  {
    code: 'KS-6.3-1',
    kind: 'initiative',
    goal: '6.3',
    title: 'Översyn av turistbyråns verksamhet',
    unit: 'Näringslivsenheten',
    isNew: true,
    endDate: '2025-09-08',
    boardReportDate: '2025-09-08',
    secretariatDate: '2025-08-04',
    description: '',
    doneCriteria: reportShort('8 september 2025', '4 augusti'),
  },
  // 7.1 Främja egenförsörjning och integration
  {
    code: 'KS-7.1-1',
    kind: 'assignment',
    goal: '7.1',
    title: 'Integrationsstrategin med tillhörande handlingsplaner ska följas upp och uppdateras.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-12-31',
    boardReportDate: '2025-11-10',
    secretariatDate: '2025-09-29',
    description: '',
    doneCriteria: reportWritten('10 november 2025', '29 september'),
  },
  {
    code: 'KS-7.1-2',
    kind: 'assignment',
    goal: '7.1',
    title:
      'En långsiktig plan för arbetet med mottagande, inklusive bostadsplacering, av anvisade nyanlända ska tas fram. Detta för att minimera risken för utanförskapsområden och maximera möjligheten till egenförsörjning.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-10-13',
    boardReportDate: '2025-10-13',
    secretariatDate: '2025-09-08',
    description: '',
    doneCriteria: reportWritten('13 oktober 2025', '8 september'),
  },
  {
    code: 'KS-7.1-3',
    kind: 'assignment',
    goal: '7.1',
    title: 'Utreda införande av kommunala hyresgarantier.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-10-13',
    boardReportDate: '2025-10-13',
    secretariatDate: '2025-09-08',
    description: '',
    doneCriteria: reportWritten('13 oktober 2025', '8 september'),
  },
  {
    code: 'KS-7.1-4',
    kind: 'assignment',
    goal: '7.1',
    title: 'Ansluta Norrtälje kommun till CEMR:s utökade jämställdhetsdeklaration och ta fram en handlingsplan för ökad jämställdhet.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-11-10',
    boardReportDate: '2025-11-10',
    secretariatDate: '2025-09-29',
    decisionInstance: 'Kommunstyrelsen',
    description: '',
    doneCriteria:
      'Kommunkoncerngemensam handlingsplan för jämställdhet vilken säkerställer anslutning till CEMR:s utökade jämställdhetsdeklaration tas fram och lämnas för beslut i kommunstyrelsen den 10 november med inlämning till nämndsekretariatet senast 29 september 2025.',
  },
  // 7.3 Rätt insats i rätt tid av rätt aktör
  {
    code: 'KS-7.3-1',
    kind: 'assignment',
    goal: '7.3',
    title: 'Utreda förutsättningarna för en gemensam bostadskö med privata fastighetsägare för att möta socialtjänstens behov av bostäder.',
    unit: 'Stab- och planeringsavdelningen',
    isNew: true,
    endDate: '2025-10-13',
    boardReportDate: '2025-10-13',
    secretariatDate: '2025-09-08',
    description: '',
    doneCriteria: reportWritten('13 oktober 2025', '8 september'),
  },
];

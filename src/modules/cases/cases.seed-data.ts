// Demo data of the cases module: categories routed to the demo organisations, and texts for
// generated cases. Swedish names are data.

export interface DemoCategory {
  code: string;
  name: string;
  nameFi: string;
  nameEn: string;
  /** Name of the owning unit in src/db/seed/demo-org.ts. */
  unit: string;
  /** Relative volume of cases. */
  weight: number;
  /** Share of error reports among its cases. */
  errorShare: number;
  firstResponseDays?: number;
  messages: string[];
}

export const NORRTALJE_CATEGORIES: DemoCategory[] = [
  {
    code: 'allmant',
    name: 'Allmänna frågor',
    nameFi: 'Yleiset kysymykset',
    nameEn: 'General questions',
    unit: 'Kontaktcenter',
    weight: 30,
    errorShare: 0,
    messages: [
      'Vilka öppettider har kommunhuset i sommar?',
      'Hur ansöker jag om parkeringstillstånd för rörelsehindrade?',
      'Vart vänder jag mig med en fråga om min deklaration?',
      'Hur gör jag för att anmäla flytt till kommunen?',
      'Var hittar jag protokollen från kommunfullmäktige?',
    ],
  },
  {
    code: 'bygglov',
    name: 'Bygglov',
    nameFi: 'Rakennuslupa',
    nameEn: 'Building permits',
    unit: 'Bygglovsenheten',
    weight: 10,
    errorShare: 0,
    messages: [
      'Behöver jag bygglov för en altan på 25 kvadratmeter?',
      'Hur långt har min bygglovsansökan kommit?',
      'Får jag bygga en attefallsstuga nära tomtgränsen?',
      'Vilka ritningar behövs för en tillbyggnad?',
    ],
  },
  {
    code: 'karta',
    name: 'Kartor och mätning',
    nameFi: 'Kartat ja mittaus',
    nameEn: 'Maps and surveying',
    unit: 'Kart- och mätenheten',
    weight: 3,
    errorShare: 0,
    messages: ['Jag behöver en nybyggnadskarta för min fastighet.', 'Var går gränsen mellan min tomt och grannens?'],
  },
  {
    code: 'livsmedel',
    name: 'Livsmedel och servering',
    nameFi: 'Elintarvikkeet',
    nameEn: 'Food control',
    unit: 'Livsmedelskontroll',
    weight: 4,
    errorShare: 0.2,
    messages: [
      'Hur registrerar jag en ny livsmedelsverksamhet?',
      'Jag blev sjuk efter att ha ätit på en restaurang i centrum.',
      'När kommer nästa kontroll av vårt café?',
    ],
  },
  {
    code: 'miljo',
    name: 'Miljö och hälsoskydd',
    nameFi: 'Ympäristö ja terveydensuojelu',
    nameEn: 'Environment and health',
    unit: 'Miljötillsyn',
    weight: 5,
    errorShare: 0.15,
    messages: [
      'Grannen eldar avfall på tomten, vad gäller?',
      'Hur ansöker jag om tillstånd för enskilt avlopp?',
      'Det luktar mögel i min hyreslägenhet.',
    ],
  },
  {
    code: 'gata',
    name: 'Gator, vägar och parker',
    nameFi: 'Kadut ja puistot',
    nameEn: 'Streets and parks',
    unit: 'Gata och park',
    weight: 11,
    errorShare: 0.6,
    messages: [
      'Gatlampan utanför Storgatan 12 är trasig.',
      'Det är ett stort hål i vägen vid busshållplatsen.',
      'När plogas vår gata?',
      'Ett träd har blåst ner över gångvägen i parken.',
    ],
  },
  {
    code: 'avfall',
    name: 'Avfall och återvinning',
    nameFi: 'Jätehuolto',
    nameEn: 'Waste and recycling',
    unit: 'Vatten och avfall',
    weight: 10,
    errorShare: 0.4,
    messages: [
      'Mitt sopkärl har inte tömts denna vecka.',
      'Hur beställer jag ett större kärl för matavfall?',
      'Återvinningsstationen är överfull.',
    ],
  },
  {
    code: 'vatten',
    name: 'Vatten och avlopp',
    nameFi: 'Vesi ja viemäri',
    nameEn: 'Water and sewage',
    unit: 'Vatten och avfall',
    weight: 5,
    errorShare: 0.45,
    messages: ['Vi har lågt vattentryck sedan i morse.', 'Hur läser jag av min vattenmätare?', 'Det bubblar ur brunnen i gatan.'],
  },
  {
    code: 'skola',
    name: 'Förskola och skola',
    nameFi: 'Varhaiskasvatus ja koulu',
    nameEn: 'Preschool and school',
    unit: 'Förskola och grundskola',
    weight: 8,
    errorShare: 0,
    messages: ['Hur ansöker jag om förskoleplats?', 'Min son har inte fått plats i skolskjutsen.', 'Vi vill byta skola till höstterminen.'],
  },
  {
    code: 'bibliotek',
    name: 'Bibliotek',
    nameFi: 'Kirjasto',
    nameEn: 'Library',
    unit: 'Bibliotek',
    weight: 3,
    errorShare: 0,
    messages: ['Kan ni köpa in fler ljudböcker på finska?', 'Tack för en fantastisk sagostund!', 'Hur förnyar jag mina lån?'],
  },
  {
    code: 'socialtjanst',
    name: 'Socialtjänst',
    nameFi: 'Sosiaalipalvelut',
    nameEn: 'Social services',
    unit: 'Individ- och familjeomsorg',
    weight: 5,
    errorShare: 0,
    messages: [
      'Hur ansöker jag om ekonomiskt bistånd?',
      'Jag vill ha kontakt med en familjebehandlare.',
      'Vart vänder jag mig om jag är orolig för ett barn?',
    ],
  },
  {
    code: 'naringsliv',
    name: 'Företag och näringsliv',
    nameFi: 'Yritykset',
    nameEn: 'Business',
    unit: 'Näringsliv och etablering',
    weight: 3,
    errorShare: 0,
    messages: ['Vi vill etablera ett lager i kommunen, vem kontaktar vi?', 'Finns det lediga industritomter?'],
  },
  {
    code: 'brandskydd',
    name: 'Brandskydd och sotning',
    nameFi: 'Paloturvallisuus',
    nameEn: 'Fire safety',
    unit: 'Brandförebyggande enheten',
    weight: 3,
    errorShare: 0.1,
    messages: ['När ska min skorsten sotas?', 'Får jag elda ris på tomten i helgen?'],
  },
];

export const LULEA_CATEGORIES: DemoCategory[] = [
  {
    code: 'allmant',
    name: 'Allmänna frågor',
    nameFi: 'Yleiset kysymykset',
    nameEn: 'General questions',
    unit: 'Kontaktcenter',
    weight: 3,
    errorShare: 0,
    messages: ['Vilka öppettider har stadshuset?', 'Hur bokar jag en lokal?'],
  },
  {
    code: 'bygglov',
    name: 'Bygglov',
    nameFi: 'Rakennuslupa',
    nameEn: 'Building permits',
    unit: 'Bygglov',
    weight: 1,
    errorShare: 0,
    messages: ['Behöver jag bygglov för ett garage?'],
  },
];

export const ANSWERS = [
  'Tack för din fråga. Här är svaret: ',
  'Vi har undersökt saken och åtgärdat felet.',
  'Tack för att du hörde av dig. Vi har tagit med dina synpunkter i vårt förbättringsarbete.',
  'Du hittar blanketten och mer information på kommunens webbplats.',
  'En handläggare har kontaktat dig per telefon och svarat på frågan.',
];

export const FIRST_RESPONSES = [
  'Tack för ditt meddelande. Vi har tagit emot det och återkommer när vi har mer information.',
  'Vi har tittat på ditt ärende och skickat det vidare till rätt handläggare.',
  'Tack! Vi har registrerat felanmälan och planerar in åtgärden.',
];

export const REFERRALS = [
  { authority: 'Skatteverket', reason: 'Frågan gäller folkbokföring/deklaration.' },
  { authority: 'Försäkringskassan', reason: 'Frågan gäller bostadsbidrag.' },
  { authority: 'Polisen', reason: 'Frågan gäller pass och anmälan av brott.' },
  { authority: 'Trafikverket', reason: 'Vägen är statlig.' },
  { authority: 'Region Stockholm', reason: 'Frågan gäller vård och kollektivtrafik.' },
];

export const FIRST_NAMES = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Eva',
  'Mikael',
  'Sara',
  'Anders',
  'Aino',
  'Matti',
  'Fatima',
  'Ali',
  'Elsa',
  'Olle',
];
export const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Virtanen',
  'Hassan',
  'Lindqvist',
  'Berg',
];

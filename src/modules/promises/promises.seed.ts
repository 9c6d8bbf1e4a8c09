// Demo promises: Norrtälje's service policy (seed 000), guarantees of the kinds the investigation
// of tjänstegarantier describes (seed 001) and one of Luleå's service declarations (seed 003).
// Case and meeting promises are measured from the demo cases and meetings seeded before; the
// others from entered monthly values. Deterministic.
import type { Db } from '../../db/database.ts';
import type { DemoTenants } from '../../db/seed/demo.ts';
import { systemActor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits } from '../org/org.service.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { backdateEvents } from './promises.repo.ts';
import { addClaim, addMeasurements, createPromise, transitionPromise, updatePromise } from './promises.service.ts';

interface DemoPromise {
  title: string;
  kind: 'guarantee' | 'declaration' | 'policy';
  unit: string;
  text: string;
  promised: string;
  metric: Record<string, unknown> | null;
  measurementText: string;
  target: number | null;
  remedy: string;
  counterRequirement: string;
  validFrom: string;
  decision?: { board: string; date: string; registrationNumber: string };
  publish?: boolean;
  translations?: Record<string, Record<string, string>>;
  /** A later version: what changes and from when, with its decision. */
  change?: { validFrom: string; target?: number; decision: { board: string; date: string; registrationNumber: string } };
  series?: (month: string, rand: () => number) => { numerator?: number; denominator?: number; value?: number; comment?: string };
  claims?: { claimedOn: string; description: string; remedyGiven: string; costSek: number }[];
}

const KS_POLICY = { board: 'Kommunstyrelsen', date: '2024-12-10', registrationNumber: 'KS 2024/512' };

const NORRTALJE: DemoPromise[] = [
  {
    title: 'Vi återkopplar inom två arbetsdagar',
    kind: 'policy',
    unit: 'Kommunstyrelsekontoret',
    text: 'När du kontaktar kommunen får du återkoppling inom två arbetsdagar – ett svar, eller besked om vem som handlägger din fråga och när du får svar.',
    promised: 'Första återkoppling senast andra arbetsdagen efter att kontakten kom in, i alla kanaler.',
    metric: { type: 'case_first_response', workingDays: 2 },
    measurementText:
      'Andel ärenden (alla kategorier och kanaler) med första återkoppling senast andra arbetsdagen efter mottagandet. Ärenden som fortfarande saknar återkoppling efter tidsgränsen räknas som missade.',
    target: 0.85,
    remedy: 'Vi ber om ursäkt, prioriterar ditt ärende och följer upp varför det dröjde.',
    counterRequirement: 'Lämna kontaktuppgifter om du vill ha svar (anonyma synpunkter hanteras lika seriöst men kan inte besvaras).',
    validFrom: '2025-01-01',
    decision: KS_POLICY,
    publish: true,
    translations: {
      fi: {
        title: 'Vastaamme kahden työpäivän kuluessa',
        text: 'Kun otat yhteyttä kuntaan, saat vastauksen kahden työpäivän kuluessa – vastauksen tai tiedon siitä, kuka asiaasi käsittelee ja milloin saat vastauksen.',
        remedy: 'Pahoittelemme, asetamme asiasi etusijalle ja selvitämme viiveen syyn.',
        counterRequirement: 'Jätä yhteystietosi, jos haluat vastauksen.',
      },
      en: {
        title: 'We get back to you within two working days',
        text: 'When you contact the municipality you hear from us within two working days – an answer, or who is handling your question and when you will get an answer.',
        remedy: 'We apologise, give your case priority and find out why it was delayed.',
        counterRequirement: 'Leave your contact details if you want an answer.',
      },
    },
    change: {
      validFrom: '2025-07-01',
      target: 0.9,
      decision: { board: 'Kommunstyrelsen', date: '2025-06-11', registrationNumber: 'KS 2025/233' },
    },
  },
  {
    title: 'Handlingar publiceras senast sex dagar före sammanträdet',
    kind: 'policy',
    unit: 'Nämndsekretariatet',
    text: 'Handlingarna till nämndernas sammanträden publiceras på norrtalje.se senast sex dagar före sammanträdet.',
    promised: 'Kallelse och handlingar publicerade senast sex kalenderdagar före varje sammanträde.',
    metric: { type: 'meeting_documents', daysBefore: 6 },
    measurementText: 'Andel sammanträden (alla nämnder) där handlingarna publicerades senast sex dagar före sammanträdesdagen.',
    target: 0.95,
    remedy: 'Nämndsekretariatet redovisar förseningen i nästa uppföljning av servicepolicyn.',
    counterRequirement: '',
    validFrom: '2025-01-01',
    decision: KS_POLICY,
    publish: true,
    translations: {
      fi: { title: 'Kokousasiakirjat julkaistaan viimeistään kuusi päivää ennen kokousta' },
      en: { title: 'Meeting documents are published at least six days before the meeting' },
    },
  },
  {
    title: 'Protokoll publiceras senast en arbetsdag efter justering',
    kind: 'policy',
    unit: 'Nämndsekretariatet',
    text: 'Protokollen från nämndernas sammanträden publiceras på norrtalje.se senast en arbetsdag efter att de justerats.',
    promised: 'Justerat protokoll publicerat senast första arbetsdagen efter justeringen.',
    metric: { type: 'meeting_minutes', workingDays: 1 },
    measurementText: 'Andel justerade protokoll som publicerades senast en arbetsdag efter justeringsdagen.',
    target: 0.95,
    remedy: 'Nämndsekretariatet redovisar förseningen i nästa uppföljning av servicepolicyn.',
    counterRequirement: '',
    validFrom: '2025-01-01',
    decision: KS_POLICY,
    publish: true,
    translations: {
      fi: { title: 'Pöytäkirjat julkaistaan viimeistään työpäivä tarkastuksen jälkeen' },
      en: { title: 'Minutes are published within one working day of approval' },
    },
  },
  {
    title: 'Diariet finns tillgängligt på webbplatsen',
    kind: 'policy',
    unit: 'Registratur och arkiv',
    text: 'Kommunens diarium går att söka i på norrtalje.se, dygnet runt.',
    promised: 'Det webbpublicerade diariet är tillgängligt minst 99 % av tiden varje månad.',
    metric: { type: 'measured_series', valueKind: 'share', unit: 'tillgänglighet' },
    measurementText:
      'Tillgänglighet per månad enligt driftövervakningen (andel av månadens minuter då diariesöket svarade), inmatad av registraturen.',
    target: 0.99,
    remedy: 'Under avbrott kan du begära ut diarieuppgifter från registraturen per telefon eller e-post.',
    counterRequirement: '',
    validFrom: '2025-01-01',
    decision: KS_POLICY,
    publish: true,
    series: (month, rand) => {
      const outage = month === '2025-10' ? 0.016 : rand() < 0.15 ? 0.004 + rand() * 0.01 : rand() * 0.003;
      return {
        value: Math.round((1 - outage) * 10000) / 10000,
        ...(month === '2025-10' ? { comment: 'Leverantörens uppgradering drog ut på tiden (12 timmar).' } : {}),
      };
    },
  },
  {
    title: 'Vi hänvisar till rätt instans',
    kind: 'policy',
    unit: 'Kontaktcenter',
    text: 'Gäller din fråga något som en annan myndighet ansvarar för hänvisar vi dig vidare till rätt instans.',
    promised: 'Frågor som gäller annan verksamhet än den kommunala hänvisas till rätt myndighet.',
    // Whether a referral went to the RIGHT authority cannot be read from the case; it is checked
    // by hand on a monthly sample of referred cases, so this promise is an entered series.
    metric: { type: 'measured_series', valueKind: 'counts' },
    measurementText:
      'Kontaktcenter granskar varje månad ett stickprov av 20 hänvisade ärenden: andel där hänvisningen gick till rätt myndighet.',
    target: 0.95,
    remedy: 'Vi kontaktar dig och ger rätt hänvisning.',
    counterRequirement: '',
    validFrom: '2025-01-01',
    decision: KS_POLICY,
    publish: true,
    series: (_month, rand) => {
      const wrong = rand() < 0.6 ? 0 : rand() < 0.7 ? 1 : 2;
      return { numerator: 20 - wrong, denominator: 20 };
    },
  },
  {
    title: 'Bygglovsgaranti: beslut inom tio veckor',
    kind: 'guarantee',
    unit: 'Bygglovsenheten',
    text: 'Du får beslut om bygglov inom tio veckor från att din ansökan är komplett. Blir vi sena sänks avgiften.',
    promised: 'Beslut inom tio veckor från komplett ansökan.',
    metric: { type: 'measured_series', valueKind: 'counts' },
    measurementText: 'Andel bygglovsbeslut under månaden som fattades inom tio veckor från komplett ansökan, ur ärendehanteringssystemet.',
    target: 0.9,
    remedy: 'Avgiften sänks med en femtedel för varje påbörjad vecka som handläggningen överskrider tiden.',
    counterRequirement: 'En komplett ansökan: ritningar, situationsplan och de uppgifter som behövs för prövningen.',
    validFrom: '2025-01-01',
    decision: { board: 'Byggnadsnämnden', date: '2024-11-20', registrationNumber: 'BN 2024/1187' },
    publish: true,
    translations: {
      fi: {
        title: 'Rakennuslupatakuu: päätös kymmenessä viikossa',
        remedy: 'Maksua alennetaan viidenneksellä jokaiselta alkaneelta myöhästymisviikolta.',
        counterRequirement: 'Täydellinen hakemus.',
      },
      en: {
        title: 'Building permit guarantee: a decision within ten weeks',
        remedy: 'The fee is reduced by one fifth for every week or part of a week we are late.',
        counterRequirement: 'A complete application.',
      },
    },
    series: (_month, rand) => {
      const decisions = 30 + Math.floor(rand() * 25);
      const late = Math.floor(rand() * rand() * 6);
      return { numerator: decisions - late, denominator: decisions };
    },
    claims: [
      {
        claimedOn: '2025-03-18',
        description: 'Tillbyggnad av enbostadshus: beslut efter 11 veckor och 2 dagar.',
        remedyGiven: 'Avgiften sänktes med två femtedelar.',
        costSek: 9_840,
      },
      {
        claimedOn: '2025-06-09',
        description: 'Nybyggnad av komplementbyggnad: beslut efter 12 veckor.',
        remedyGiven: 'Avgiften sänktes med två femtedelar.',
        costSek: 6_200,
      },
      {
        claimedOn: '2025-11-27',
        description: 'Fasadändring: beslut efter 10 veckor och 4 dagar.',
        remedyGiven: 'Avgiften sänktes med en femtedel.',
        costSek: 2_150,
      },
      {
        claimedOn: '2026-04-14',
        description: 'Nybyggnad av enbostadshus: beslut efter 11 veckor.',
        remedyGiven: 'Avgiften sänktes med en femtedel.',
        costSek: 7_900,
      },
    ],
  },
  {
    title: 'Felanmälan om gator och parker: återkoppling nästa arbetsdag',
    kind: 'guarantee',
    unit: 'Gata och park',
    text: 'Gör du en felanmälan om gator, vägar eller parker får du besked senast nästa arbetsdag om när felet åtgärdas.',
    promised: 'Besked om åtgärd senast första arbetsdagen efter felanmälan.',
    metric: { type: 'case_first_response', workingDays: 1, filter: { categories: ['gata'], types: ['error_report'] } },
    measurementText: 'Andel felanmälningar i kategorin Gator, vägar och parker med första återkoppling senast nästa arbetsdag.',
    target: 0.75,
    remedy: 'Vi ringer upp dig och berättar hur och när felet åtgärdas.',
    counterRequirement: 'Ange var felet finns så exakt som möjligt, gärna med bild.',
    validFrom: '2025-01-01',
    decision: { board: 'Tekniska nämnden', date: '2025-01-22', registrationNumber: 'TN 2025/14' },
    publish: true,
  },
  {
    title: 'Klagomål besvaras inom tio arbetsdagar',
    kind: 'declaration',
    unit: 'Kommunstyrelsekontoret',
    text: 'Lämnar du ett klagomål får du ett svar i sak inom tio arbetsdagar.',
    promised: 'Klagomål avslutade med svar inom tio arbetsdagar.',
    metric: { type: 'case_resolution', workingDays: 10, filter: { types: ['complaint'] } },
    measurementText: 'Andel klagomål (alla kategorier) som avslutades med svar inom tio arbetsdagar efter mottagandet.',
    target: 0.8,
    remedy: 'Förvaltningschefen följer upp klagomål som inte besvarats i tid.',
    counterRequirement: '',
    validFrom: '2025-01-01',
    decision: { board: 'Kommunstyrelsen', date: '2025-02-05', registrationNumber: 'KS 2025/61' },
    publish: true,
  },
  {
    title: 'Serveringstillstånd inom åtta veckor',
    kind: 'guarantee',
    unit: 'Livsmedelskontroll',
    text: 'Du får beslut om stadigvarande serveringstillstånd inom åtta veckor från komplett ansökan.',
    promised: 'Beslut inom åtta veckor från komplett ansökan.',
    metric: null,
    measurementText: '',
    target: null,
    remedy: '',
    counterRequirement: 'En komplett ansökan med kunskapsprov godkänt.',
    validFrom: '2026-01-01',
  },
];

const LULEA: DemoPromise[] = [
  {
    title: 'Servicedeklaration: vi svarar på e-post inom en arbetsdag',
    kind: 'declaration',
    unit: 'Kontaktcenter',
    text: 'Skickar du e-post till Luleå kommun får du svar eller besked om vem som handlägger ditt ärende senast nästa arbetsdag.',
    promised: 'Första återkoppling på e-post senast nästa arbetsdag.',
    metric: { type: 'case_first_response', workingDays: 1, filter: { channels: ['email'] } },
    measurementText: 'Andel ärenden som kom in med e-post och fick första återkoppling senast nästa arbetsdag.',
    target: 0.9,
    remedy: 'Vi ber om ursäkt och följer upp förseningen i nätverket för kvalitet och service.',
    counterRequirement: 'Ange hur vi når dig.',
    validFrom: '2025-01-01',
    decision: { board: 'Kommunstyrelsen', date: '2024-10-28', registrationNumber: 'KS 2024/890' },
    publish: true,
  },
];

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

/** Whole months from January 2025 up to the last complete month. */
function pastMonths(today: string): string[] {
  const months: string[] = [];
  let year = 2025;
  let month = 1;
  while (`${year}-${String(month).padStart(2, '0')}` < today.slice(0, 7)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

async function seedTenant(db: Db, tenant: Tenant, promises: DemoPromise[], seed: number): Promise<void> {
  const actor = systemActor(tenant, 'seed');
  const units = await listUnits(db, tenant.id);
  const unitId = (name: string) => {
    const unit = units.find((u) => u.name === name);
    if (!unit) throw new Error(`demo unit missing: ${name}`);
    return unit.id;
  };
  const rand = prng(seed);
  const months = pastMonths(localDate(new Date()));
  for (const d of promises) {
    const p = await createPromise(
      actor,
      {
        title: d.title,
        kind: d.kind,
        unitId: unitId(d.unit),
        text: d.text,
        promised: d.promised,
        metric: d.metric,
        measurementText: d.measurementText,
        target: d.target,
        remedy: d.remedy,
        counterRequirement: d.counterRequirement,
        validFrom: d.validFrom,
        ...(d.translations ? { translations: d.translations } : {}),
      },
      { db },
    );
    if (!d.decision) continue;
    await transitionPromise(actor, p.id, { to: 'decided', decision: d.decision }, { db });
    if (d.publish) await transitionPromise(actor, p.id, { to: 'published' }, { db });
    // Tell the story as it happened: drafted a month before the decision, published a week after.
    const decidedAt = new Date(`${d.decision.date}T14:00:00+01:00`);
    await backdateEvents(db, tenant.id, p.id, {
      draft: new Date(decidedAt.getTime() - 30 * 86_400_000),
      decided: decidedAt,
      ...(d.publish ? { published: new Date(decidedAt.getTime() + 7 * 86_400_000) } : {}),
    });
    if (d.change) {
      await updatePromise(actor, p.id, { validFrom: d.change.validFrom, target: d.change.target, decision: d.change.decision }, { db });
    }
    const series = d.series;
    if (series)
      await addMeasurements(
        actor,
        p.id,
        months.map((month) => ({ period: month, ...series(month, rand) })),
        { db },
      );
    for (const claim of d.claims ?? []) {
      if (claim.claimedOn <= localDate(new Date())) await addClaim(actor, p.id, claim, { db });
    }
  }
}

/** Demo data of this module for the demo tenants. */
export async function seedPromisesDemo(db: Db, tenants: DemoTenants): Promise<void> {
  await seedTenant(db, tenants.norrtalje, NORRTALJE, 20250101);
  await seedTenant(db, tenants.lulea, LULEA, 920);
}

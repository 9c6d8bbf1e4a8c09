// Demo data: Norrtälje's Insikt history (the aggregate NKI 71 of 2023 is from the action plan,
// seed 004; every per-area figure and the other years' totals are made up and marked generated),
// targets from the action plan, the action plan's four NKI indicators linked to the `nki` source,
// a contact-centre survey with answers, and after-contact answers on part of the demo cases.
// Runs after seedGoalsDemo and seedCasesDemo.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { DemoTenants } from '../../db/seed/demo.ts';
import { systemActor } from '../accounts/actor.ts';
import { resolvedCasesWithEmail } from '../cases/cases.satisfaction-facing.ts';
import { listIndicatorRows, updateIndicator } from '../goals/indicators.service.ts';
import { emailHash } from './after-contact.service.ts';
import * as insiktRepo from './insikt.repo.ts';
import { emptyValues } from './insikt.service.ts';
import { type AreaResult, computeTotal, MANDATORY_AREAS } from './nki.ts';
import { LOWEST } from './satisfaction.sources.ts';
import * as surveyRepo from './surveys.repo.ts';
import { createSurvey } from './surveys.service.ts';

/** A small deterministic generator, so the demo is the same every time. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// NKI per area and year (made up, plausible: bygglov lowest, a slow rise; 2023 weighted ≈ 71).
const AREA_NKI: Record<string, number[]> = {
  bygglov: [64, 65, 66, 68, 70],
  'miljo-och-halsoskydd': [70, 71, 73, 74, 75],
  livsmedelskontroll: [74, 76, 77, 78, 79],
  serveringstillstand: [72, 74, 75, 76, 77],
  brandskydd: [72, 73, 74, 75, 76],
};
const AREA_N: Record<string, number> = {
  bygglov: 120,
  'miljo-och-halsoskydd': 60,
  livsmedelskontroll: 55,
  serveringstillstand: 25,
  brandskydd: 30,
};
const YEARS = [2021, 2022, 2023, 2024, 2025];

export const CONTACT_CENTRE_SURVEY = 'Kontaktcenter: generell nöjdhet och engagemang';

export async function seedSatisfactionDemo(db: Db, tenants: DemoTenants): Promise<void> {
  const tenant = tenants.norrtalje;
  const actor = systemActor(tenant, 'seed');
  if ((await insiktRepo.listResults(db, tenant.id, { year: 2023 })).length > 0) return;
  const rnd = prng(2023);

  const generatedRows: insiktRepo.ResultValues[] = [];
  const realRows: insiktRepo.ResultValues[] = [];
  YEARS.forEach((year, y) => {
    const areas: AreaResult[] = [];
    for (const [area, values] of Object.entries(AREA_NKI)) {
      const nki = values[y];
      const n = AREA_N[area] + Math.round((rnd() - 0.5) * 10);
      const r = { ...emptyValues(year, '', area), n, responseRate: Math.round(35 + rnd() * 12), nki };
      r.information = nki - 2 + Math.round(rnd() * 2);
      r.tillganglighet = nki - 1 + Math.round(rnd() * 3);
      r.bemotande = Math.min(100, nki + 6 + Math.round(rnd() * 2));
      r.kompetens = nki + 2 + Math.round(rnd() * 2);
      r.rattssakerhet = nki + 1 + Math.round(rnd() * 2);
      r.effektivitet = nki - 4 + Math.round(rnd() * 3);
      r.bemotande_question = Math.min(100, nki + 8 + Math.round(rnd() * 2));
      generatedRows.push(r);
      areas.push({ ...r, area });
    }
    const total = computeTotal(areas);
    const totalRow = { ...emptyValues(year, '', 'total'), ...total, responseRate: 41 };
    // 2023: the action plan's published figure, not generated.
    if (year === 2023) realRows.push({ ...emptyValues(year, '', 'total'), n: total.n, responseRate: null, nki: 71 });
    else generatedRows.push(totalRow);
  });

  await db.transaction().execute(async (trx) => {
    await insiktRepo.upsertResults(trx, tenant.id, generatedRows, 'manual', true);
    await insiktRepo.upsertResults(trx, tenant.id, realRows, 'manual', false);
    // The action plan's targets (seed 004): aggregate ≥ 75, ≥ 77 in 2026; every area ≥ 70.
    for (const year of [2024, 2025]) await insiktRepo.upsertTarget(trx, tenant.id, { area: 'total', year, target: 75 });
    await insiktRepo.upsertTarget(trx, tenant.id, { area: 'total', year: 2026, target: 77 });
    for (const area of MANDATORY_AREAS) {
      for (const year of [2024, 2025, 2026]) await insiktRepo.upsertTarget(trx, tenant.id, { area, year, target: 70 });
    }
  });

  // The action plan's NKI indicators get their outcomes from the `nki` source.
  const SOURCES: Record<string, { area: string; measure: string }> = {
    'NKI-1': { area: 'total', measure: 'nki' },
    'NKI-2': { area: LOWEST, measure: 'nki' },
    'NKI-3': { area: 'total', measure: 'bemotande_question' },
    'NKI-4': { area: LOWEST, measure: 'bemotande_question' },
  };
  for (const row of await listIndicatorRows(actor, {}, { db })) {
    const source = row.code ? SOURCES[row.code] : undefined;
    if (source) {
      await updateIndicator(
        actor,
        row.id,
        { source: { type: 'nki', ...source }, dataSource: 'SKR:s servicemätning Insikt (hämtas från nöjdhetsmodulen)' },
        { db },
      );
    }
  }

  // A contact-centre survey (plan 2025, "generell nöjdhet" and "engagemang") with answers.
  const { id } = await createSurvey(
    actor,
    {
      title: CONTACT_CENTRE_SURVEY,
      titleEn: 'Contact centre: general satisfaction and engagement',
      titleFi: 'Asiakaspalvelu: yleinen tyytyväisyys ja sitoutuminen',
      intro: 'Tack för att du kontaktade oss! Fyra korta frågor om din senaste kontakt med kontaktcenter.',
      introEn: 'Thank you for contacting us! Four short questions about your latest contact with the contact centre.',
      questions: [
        {
          type: 'scale5',
          text: 'Hur nöjd är du totalt sett med din kontakt med kontaktcenter?',
          textEn: 'Overall, how satisfied are you with your contact with the contact centre?',
          textFi: 'Kuinka tyytyväinen olet kaiken kaikkiaan yhteydenottoosi asiakaspalveluun?',
          required: true,
        },
        {
          type: 'scale10',
          text: 'Hur väl engagerade sig medarbetaren i din fråga?',
          textEn: 'How engaged was the staff member in your question?',
        },
        {
          type: 'choice',
          text: 'Hur kontaktade du oss?',
          textEn: 'How did you contact us?',
          options: [
            { sv: 'Telefon', en: 'Phone', fi: 'Puhelin' },
            { sv: 'E-post', en: 'E-mail', fi: 'Sähköposti' },
            { sv: 'Besök', en: 'Visit', fi: 'Käynti' },
            { sv: 'Chatt', en: 'Chat', fi: 'Chat' },
          ],
        },
        { type: 'text', text: 'Vad kan vi göra bättre?', textEn: 'What could we do better?' },
      ],
    },
    { db },
  );
  const questions = await surveyRepo.listQuestions(db, tenant.id, id);
  const comments = [
    'Snabbt och vänligt bemötande.',
    'Fick vänta länge i telefon.',
    'Bra att jag fick svar direkt.',
    'Tydligare information på webben.',
  ];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 48; i += 1) {
      const satisfied = 1 + Math.min(4, Math.floor(rnd() * 3 + rnd() * 3));
      const answers = [
        { questionId: questions[0].id, int: satisfied, text: null },
        { questionId: questions[1].id, int: Math.max(1, Math.min(10, satisfied * 2 - 1 + Math.round(rnd() * 2))), text: null },
        { questionId: questions[2].id, int: Math.floor(rnd() * 4), text: null },
        ...(i % 4 === 0 ? [{ questionId: questions[3].id, int: null, text: comments[(i / 4) % comments.length] }] : []),
      ];
      const day = new Date(Date.UTC(2025, Math.floor(i / 4), 3 + (i % 20), 10));
      await surveyRepo.insertResponse(trx, tenant.id, id, null, answers, day);
    }
  });

  // The after-contact question on every demo case resolved so far (so starting the demo queues no
  // mail for its history), answered on about half of them.
  const asked = await resolvedCasesWithEmail(db, tenant.id, { from: new Date('2000-01-01'), to: new Date() }, 1_000_000);
  const rows = asked.map((c, i) => {
    const sent = new Date(c.resolvedAt.getTime() + 24 * 3_600_000);
    const answered = i % 2 === 0;
    return {
      tenant_id: tenant.id,
      case_id: c.id,
      token_hash: createHash('sha256').update(randomBytes(24)).digest('hex'),
      email_hash: emailHash(c.email),
      language: c.language,
      unit_id: c.unitId,
      category_id: c.categoryId,
      channel: c.channel,
      sent_at: sent,
      answered_at: answered ? new Date(sent.getTime() + 5 * 3_600_000) : null,
      score: answered ? 1 + Math.min(4, Math.floor(rnd() * 2.2 + rnd() * 2.8)) : null,
      comment: null,
    };
  });
  // In chunks: one statement's parameters stay well below PostgreSQL's 65535.
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('after_contact_requests')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

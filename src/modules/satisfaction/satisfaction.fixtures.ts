// Test factories of the satisfaction module: a survey with its open link, and an after-contact
// question sent for a resolved case (its token read from the queued e-mail, as a resident would).
import type { TestTenant } from '../../../test/helpers.ts';
import type { Db } from '../../db/database.ts';
import { addCaseEvent } from '../cases/cases.events.ts';
import { createCase } from '../cases/cases.service.ts';
import { sendTenantQuestions } from './after-contact.service.ts';
import { listQuestions } from './surveys.repo.ts';
import { createSurvey } from './surveys.service.ts';

export interface SatisfactionWorld {
  surveyId: string;
  questionId: string;
  /** The survey's open-link token (/:tenant/enkat/<token>). */
  surveyToken: string;
  /** The after-contact question's token (/:tenant/nojdhet/svar/<token>). */
  afterContactToken: string;
}

/** Needs a category `cat-a` (caseFixture). */
export async function satisfactionWorld(db: Db, tt: TestTenant): Promise<SatisfactionWorld> {
  const { id } = await createSurvey(
    tt.system,
    {
      title: 'Nöjdhet med kontaktcenter',
      questions: [
        { type: 'scale5', text: 'Hur nöjd är du?', required: true },
        { type: 'choice', text: 'Kanal?', options: [{ sv: 'Telefon' }, { sv: 'E-post' }] },
        { type: 'text', text: 'Vad kan bli bättre?' },
      ],
    },
    { db },
  );
  const questions = await listQuestions(db, tt.tenant.id, id);
  const survey = await db.selectFrom('surveys').select('open_token').where('id', '=', id).executeTakeFirstOrThrow();
  const c = await createCase(
    tt.system,
    {
      type: 'question',
      channel: 'phone',
      category: 'cat-a',
      message: 'Fråga',
      receivedAt: '2026-03-02T09:00:00+01:00',
      contact: { email: 'svar@exempel.se' },
    },
    { db },
  );
  await addCaseEvent(tt.system, c.case.id, { kind: 'resolved', body: 'Svar.', at: '2026-03-03T10:00:00+01:00' }, { db });
  await sendTenantQuestions(db, tt.tenant, { baseUrl: 'https://insyn.example', now: new Date('2026-03-04T12:00:00+01:00') });
  const mail = await db
    .selectFrom('mail_outbox')
    .select('body')
    .where('tenant_id', '=', tt.tenant.id)
    .where('kind', '=', 'after_contact')
    .where('ref_id', '=', c.case.id)
    .executeTakeFirstOrThrow();
  const afterContactToken = /\/nojdhet\/svar\/([A-Za-z0-9_-]+)/.exec(mail.body)?.[1] ?? '';
  return { surveyId: id, questionId: questions[0].id, surveyToken: survey.open_token, afterContactToken };
}

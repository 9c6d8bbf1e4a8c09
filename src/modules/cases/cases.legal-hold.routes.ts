// HTTP of the legal hold: POST/DELETE /api/v1/cases/:id/legal-hold and the staff case page's form.
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { staffContext } from '../../web/staff.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { formBody } from './cases.case.routes.ts';
import { changeLegalHold, LegalHoldInput, releaseLegalHold } from './cases.legal-hold.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const LegalHoldOut = Type.Object({
  held: Type.Boolean(),
  at: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  reason: Type.Union([Type.Null(), Type.String()]),
  by: Type.Union([Type.Null(), Type.String()]),
});

export function registerLegalHoldRoutes(app: App, { db }: AppContext): void {
  app.post(
    '/api/v1/cases/:id/legal-hold',
    {
      schema: {
        summary: 'Set a legal hold (a held case is never cleared by retention), or release it with {"hold": false}. Role admin',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: IdParams,
        body: LegalHoldInput,
        response: { 200: LegalHoldOut },
      },
    },
    async (request) => changeLegalHold(requireActor(request), request.params.id, request.body, { db }),
  );

  app.delete(
    '/api/v1/cases/:id/legal-hold',
    {
      schema: {
        summary: 'Release the legal hold of a case. Role admin',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: LegalHoldOut },
      },
    },
    async (request) => releaseLegalHold(requireActor(request), request.params.id, { db }),
  );

  app.post('/staff/cases/:id/legal-hold', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const b = formBody(request);
    const input = b.action === 'release' ? { hold: false } : { reason: b.reason ?? '' };
    try {
      await changeLegalHold(actor, id, input, { db });
      request.session.flash = b.action === 'release' ? 'Spärren mot gallring är hävd.' : 'Ärendet är spärrat mot gallring.';
    } catch (error) {
      if (!(error instanceof AppError) || !['validation', 'conflict'].includes(error.code)) throw error;
      request.session.flash = error.fields[0]?.message ?? error.message;
    }
    return reply.redirect(`/staff/cases/${id}`, 303);
  });
}

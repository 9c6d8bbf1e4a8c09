// Staff pages of follow-up rounds: "Att rapportera", the rounds, and a round's progress board.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import type { FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { canDefine } from './goals.access.ts';
import { listPlans } from './goals.service.ts';
import { formBody, formErrors, uuidParam } from './goals.staff.routes.ts';
import { reportItem } from './rounds.report.ts';
import { closeRound, listRounds, markReady, myItems, openRound, presentRound, progressBoard, sendBack } from './rounds.service.ts';
import { BoardPage, type ReportFormState, ReportPage, RoundsPage } from './rounds.views.tsx';

export function registerRoundStaffRoutes(app: App, { db }: AppContext): void {
  const reportPage = async (request: FastifyRequest, reply: FastifyReply, state?: ReportFormState) => {
    const { actor, session } = staffContext(request, reply);
    const rounds = await myItems(actor, { db });
    return html(reply, renderPage(ReportPage({ session, rounds, flash: takeFlash(request), state })), state ? 400 : 200);
  };

  app.get('/staff/goals/report', (request, reply) => reportPage(request, reply));

  app.post('/staff/goals/report/:id', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const itemId = uuidParam(request);
    const values = formBody(request);
    try {
      await reportItem(actor, itemId, values, { db });
      request.session.flash = 'Sparat. Markera punkten som klar när den är färdig.';
      return reply.redirect(`/staff/goals/report#item-${itemId}`, 303);
    } catch (error) {
      return reportPage(request, reply, { itemId, errors: formErrors(error), values });
    }
  });

  app.post('/staff/goals/report/:id/ready', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const itemId = uuidParam(request);
    try {
      await markReady(actor, itemId, { db });
      request.session.flash = 'Punkten är markerad som klar.';
      return reply.redirect('/staff/goals/report', 303);
    } catch (error) {
      return reportPage(request, reply, { itemId, errors: formErrors(error), values: {} });
    }
  });

  const roundsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    values: Record<string, string> = {},
  ) => {
    const { actor, session } = staffContext(request, reply);
    const [rounds, plans] = await Promise.all([listRounds(actor, { db }), listPlans(actor, { db })]);
    const page = RoundsPage({
      session,
      rounds: rounds.map(presentRound),
      plans,
      canOpen: canDefine(actor),
      flash: takeFlash(request),
      errors,
      values,
    });
    return html(reply, renderPage(page), errors.length ? 400 : 200);
  };

  app.get('/staff/goals/rounds', (request, reply) => roundsPage(request, reply));

  app.post('/staff/goals/rounds', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const values = formBody(request);
    try {
      const days = (values.reminderWorkingDays ?? '').trim();
      const round = await openRound(
        actor,
        {
          planId: values.planId,
          title: (values.title ?? '').trim(),
          period: (values.period ?? '').trim(),
          deadline: values.deadline,
          reminderWorkingDays: /^\d+$/.test(days) ? Number(days) : days === '' ? undefined : days,
        },
        { db },
      );
      request.session.flash = `${round.title} är öppnad.`;
      return reply.redirect(`/staff/goals/rounds/${round.id}`, 303);
    } catch (error) {
      return roundsPage(request, reply, formErrors(error), values);
    }
  });

  app.get('/staff/goals/rounds/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const board = await progressBoard(actor, uuidParam(request), { db });
    return html(reply, renderPage(BoardPage({ session, board, flash: takeFlash(request) })));
  });

  app.post('/staff/goals/rounds/:id/items/:itemId/send-back', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const roundId = uuidParam(request);
    try {
      await sendBack(actor, uuidParam(request, 'itemId'), { comment: (formBody(request).comment ?? '').trim() }, { db });
      request.session.flash = 'Punkten är skickad tillbaka.';
    } catch (error) {
      request.session.flash = formErrors(error)
        .map((e) => e.message)
        .join(' ');
    }
    return reply.redirect(`/staff/goals/rounds/${roundId}`, 303);
  });

  app.post('/staff/goals/rounds/:id/close', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const round = await closeRound(actor, uuidParam(request), { db });
    request.session.flash = `${round.title} är stängd. Värdena är låsta.`;
    return reply.redirect(`/staff/goals/rounds/${round.id}`, 303);
  });
}

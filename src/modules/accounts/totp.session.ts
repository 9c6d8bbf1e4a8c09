// Security-relevant: the pending state of a sign-in between a right password and its second step.
// It lives in the server-side session, names the user, and is short-lived; while it exists the
// session is not signed in (auth.ts reads only userId/tenantId, which stay unset until the end).
import type { FastifyRequest } from 'fastify';

export const SECOND_STEP_PAGE = '/staff/login/code';
export const ENROL_STEP_PAGE = '/staff/login/enrol';

/** Time to type a code; an enrolment (installing an app, scanning) gets longer. */
const PENDING_TTL_MS = { code: 5 * 60 * 1000, enrol: 15 * 60 * 1000 } as const;

export interface PendingSecondStep {
  tenantId: string;
  userId: string;
  /** Where to land after the sign-in (already checked by safeNext). */
  next: string;
  kind: 'code' | 'enrol';
  /** Epoch milliseconds. */
  expiresAt: number;
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    secondFactorPending?: PendingSecondStep;
  }
}

export async function beginSecondStep(
  request: FastifyRequest,
  step: { tenantId: string; userId: string; next: string; kind: 'code' | 'enrol'; now: Date },
): Promise<void> {
  // A new session id here as at sign-in: a planted session id never reaches the pending state.
  await request.session.regenerate();
  request.session.secondFactorPending = {
    tenantId: step.tenantId,
    userId: step.userId,
    next: step.next,
    kind: step.kind,
    expiresAt: step.now.getTime() + PENDING_TTL_MS[step.kind],
  };
}

/** The pending step of this kind when it has not expired; an expired one is dropped. */
export function pendingStep(request: FastifyRequest, kind: 'code' | 'enrol', now: Date): PendingSecondStep | undefined {
  const pending = request.session.secondFactorPending;
  if (!pending) return undefined;
  if (pending.expiresAt <= now.getTime()) {
    request.session.secondFactorPending = undefined;
    return undefined;
  }
  return pending.kind === kind ? pending : undefined;
}

export function endSecondStep(request: FastifyRequest): void {
  request.session.secondFactorPending = undefined;
}

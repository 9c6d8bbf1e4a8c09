// Security-relevant: the per-account sign-in throttle, as pure rules over the stored state.
// A few failures are free (typos); then each further attempt waits twice as long as the one
// before; at LOCK_AFTER failures the account is locked until an admin unlocks it or the lock
// expires. The same rules apply to addresses without an account, so the answers reveal nothing.

export const LOGIN_THROTTLE = {
  /** Failures that cost nothing. */
  freeFailures: 5,
  /** The wait after the first failure beyond the free ones; doubles with each further one. */
  firstDelayMs: 1000,
  /** Failures that lock the account. */
  lockAfter: 10,
  lockMs: 15 * 60 * 1000,
  /** A failure older than this is forgotten. */
  forgetAfterMs: 24 * 60 * 60 * 1000,
} as const;

export interface LoginFailureState {
  failures: number;
  lastFailedAt: Date;
  lockedUntil: Date | null;
}

export type LoginGate = { allowed: true } | { allowed: false; locked: boolean; retryAt: Date };

/** The state as it counts at `now`: forgotten failures are no state at all. */
export function currentState(state: LoginFailureState | undefined, now: Date): LoginFailureState | undefined {
  if (!state) return undefined;
  const forgotten = now.getTime() - state.lastFailedAt.getTime() >= LOGIN_THROTTLE.forgetAfterMs;
  const locked = state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
  return forgotten && !locked ? undefined : state;
}

/** May a password be tried for this account at `now`? */
export function loginGate(stored: LoginFailureState | undefined, now: Date): LoginGate {
  const state = currentState(stored, now);
  if (!state) return { allowed: true };
  if (state.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
    return { allowed: false, locked: true, retryAt: state.lockedUntil };
  }
  if (state.failures < LOGIN_THROTTLE.freeFailures) return { allowed: true };
  const exponent = Math.min(state.failures - LOGIN_THROTTLE.freeFailures, 20);
  const retryAt = new Date(state.lastFailedAt.getTime() + LOGIN_THROTTLE.firstDelayMs * 2 ** exponent);
  return retryAt.getTime() > now.getTime() ? { allowed: false, locked: false, retryAt } : { allowed: true };
}

/** The state after one more failure at `now`. */
export function afterFailure(stored: LoginFailureState | undefined, now: Date): LoginFailureState {
  const failures = (currentState(stored, now)?.failures ?? 0) + 1;
  const lockedUntil = failures >= LOGIN_THROTTLE.lockAfter ? new Date(now.getTime() + LOGIN_THROTTLE.lockMs) : null;
  return { failures, lastFailedAt: now, lockedUntil };
}

/** The refusal, in Swedish, worded alike whether or not the address has an account. */
export function throttleMessage(gate: { locked: boolean; retryAt: Date }, now: Date): string {
  const seconds = Math.max(1, Math.ceil((gate.retryAt.getTime() - now.getTime()) / 1000));
  if (gate.locked) {
    const minutes = Math.ceil(seconds / 60);
    return `För många misslyckade inloggningar med den här e-postadressen. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}, eller be en administratör låsa upp kontot.`;
  }
  return `För många misslyckade inloggningar med den här e-postadressen. Vänta ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'} och försök igen.`;
}

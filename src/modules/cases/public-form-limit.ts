// Security-relevant: how many cases one client address may send through the public form.
// Only accepted submissions count — a resident correcting a validation error is not penalised —
// and a refused one keeps what was typed (the form is shown again with the text, status 429).
// The counters are the shared database ones (src/http/rate-limit-store.ts).
//
// Sizing: a library, school or municipal guest network sends every visitor from one address.
// Writing a case takes a resident minutes; 30 accepted cases in 10 minutes (one every 20 s,
// 180 an hour) is far above what 20 public computers produce, and far below a flood.
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/context.ts';
import type { Lang } from '../../web/i18n.ts';

export const PUBLIC_FORM_LIMIT = { max: 30, windowMinutes: 10 };

const MESSAGE: Record<Lang, (minutes: number) => string> = {
  sv: (n) => `Många ärenden har skickats från din anslutning nyss. Det du skrev finns kvar – skicka igen om ${n} minuter.`,
  fi: (n) => `Yhteydestäsi on juuri lähetetty monta asiaa. Kirjoittamasi teksti on tallessa – lähetä uudelleen ${n} minuutin kuluttua.`,
  en: (n) => `Many messages have just been sent from your connection. What you wrote is kept – send again in ${n} minutes.`,
};

export interface PublicFormLimiter {
  /** When the client has used up its accepted submissions: the message to show and the wait; otherwise undefined. */
  refusal(request: FastifyRequest, lang: Lang): Promise<{ message: string; retryAfterSeconds: number } | undefined>;
  /** Counts one accepted submission. */
  accepted(request: FastifyRequest): Promise<void>;
}

export function publicFormLimiter(app: App): PublicFormLimiter {
  const limit = app.createRateLimit({
    max: PUBLIC_FORM_LIMIT.max,
    timeWindow: PUBLIC_FORM_LIMIT.windowMinutes * 60_000,
    keyGenerator: (request) => `public-case-form|${request.ip}`,
  });
  return {
    async refusal(request, lang) {
      const state = await limit(request, { increment: false });
      if (state.isAllowed || state.remaining > 0) return undefined;
      const retryAfterSeconds = Math.max(1, state.ttlInSeconds);
      return { message: MESSAGE[lang](Math.max(1, Math.ceil(retryAfterSeconds / 60))), retryAfterSeconds };
    },
    async accepted(request) {
      await limit(request);
    },
  };
}

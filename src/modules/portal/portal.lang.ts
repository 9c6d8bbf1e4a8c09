// The language of a public page. Every public link carries ?lang=, so nothing is stored in the
// browser: a plain public GET sets no cookie (the language cookie an older visit may have left is
// still read, and error pages read it too).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANG_COOKIE, type Lang, pickLang } from '../../web/i18n.ts';

/** ?lang=, else a remembered choice, else the tenant's default. `reply` is kept for callers; it is not written to. */
export function publicLang(request: FastifyRequest, _reply: FastifyReply | undefined, fallback: Lang = 'sv'): Lang {
  const query = (request.query as { lang?: string } | undefined)?.lang;
  return pickLang(query, request.cookies?.[LANG_COOKIE], fallback);
}

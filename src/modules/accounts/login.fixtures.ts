// Test support of the accounts module: one login attempt through the real form, like a browser.
import { cookieHeader, mergeCookies, newClientAddress } from '../../../test/helpers.ts';
import type { App } from '../../http/context.ts';

export interface AttemptOptions {
  /** The client; a new address for each attempt when absent (a distributed guesser). */
  remoteAddress?: string;
  cookie?: string;
}

/**
 * Fetches the login page for its CSRF token and posts the form. `fields` as a string is sent as
 * it is (after the token), for fields repeated or malformed on purpose.
 */
export async function attemptLogin(app: App, fields: Record<string, string> | string, options: AttemptOptions = {}) {
  const remoteAddress = options.remoteAddress ?? newClientAddress();
  const page = await app.inject({ method: 'GET', url: '/staff/login', remoteAddress, headers: { cookie: options.cookie ?? '' } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const rest = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return app.inject({
    method: 'POST',
    url: '/staff/login',
    remoteAddress,
    headers: {
      cookie: mergeCookies(options.cookie ?? '', cookieHeader(page.cookies)),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: `_csrf=${encodeURIComponent(csrf)}&${rest}`,
  });
}

/** The login page's message with its numbers taken out, to compare two refusals. */
export function refusalText(body: string): string {
  const message = /<div class="error-summary" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '';
  return message.replace(/\d+/g, 'N');
}

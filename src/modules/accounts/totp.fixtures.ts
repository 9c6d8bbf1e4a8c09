// Test support of the second factor: the steps a browser takes, and the code an authenticator app
// would show at the app's (test-controlled) clock, computed with the same library.
import * as OTPAuth from 'otpauth';
import { cookieHeader, form, formToken, mergeCookies, newClientAddress } from '../../../test/helpers.ts';
import type { App } from '../../http/context.ts';
import { attemptLogin } from './login.fixtures.ts';

export function codeAt(secret: string, at: number): string {
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: at });
}

/** The key shown for manual entry on an enrolment page, without its spaces. */
export function secretOnPage(body: string): string {
  const shown = /<code class="token">([A-Z2-7 ]+)<\/code>/.exec(body)?.[1];
  if (!shown) throw new Error('no secret on the page');
  return shown.replace(/ /g, '');
}

export function recoveryCodesOnPage(body: string): string[] {
  return [...body.matchAll(/<code class="token">([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})<\/code>/g)].map((m) => m[1] ?? '');
}

/** Posts a form on `url` after fetching `page` for its CSRF token; returns the response and the cookies after it. */
export async function postForm(app: App, page: string, url: string, cookie: string, values: Record<string, string>) {
  const remoteAddress = newClientAddress();
  const token = await formToken(app, page, cookie);
  const body = form({ _csrf: token.csrf, ...values });
  const res = await app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { cookie: token.cookie, 'content-type': body['content-type'] },
    payload: body.payload,
  });
  return { res, cookie: mergeCookies(token.cookie, cookieHeader(res.cookies)) };
}

/** The password step; returns the response and the session cookie it left. */
export async function passwordStep(app: App, tenant: string, email: string, password: string) {
  const res = await attemptLogin(app, { tenant, email, password });
  return { res, cookie: cookieHeader(res.cookies) };
}

/** The code step of a pending sign-in. */
export function codeStep(app: App, cookie: string, code: string) {
  return postForm(app, '/staff/login/code', '/staff/login/code', cookie, { code });
}

/** Enrols a signed-in user from "Mitt konto"; returns the secret and the recovery codes. */
export async function enrolFromAccount(app: App, cookie: string, at: number) {
  const start = await postForm(app, '/staff/account', '/staff/account/totp', cookie, { action: 'start' });
  if (start.res.statusCode !== 303) throw new Error(`start: ${start.res.statusCode}`);
  const page = await app.inject({ method: 'GET', url: '/staff/account/totp', headers: { cookie: start.cookie } });
  const secret = secretOnPage(page.body);
  const done = await postForm(app, '/staff/account/totp', '/staff/account/totp', start.cookie, {
    action: 'confirm',
    code: codeAt(secret, at),
  });
  if (done.res.statusCode !== 200) throw new Error(`confirm: ${done.res.statusCode}`);
  return { secret, recoveryCodes: recoveryCodesOnPage(done.res.body), page, done: done.res };
}

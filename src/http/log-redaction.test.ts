// The request log must never hold a secret from a URL: the real pino output of real requests is
// captured and searched for each secret.
import { describe, expect, it } from 'vitest';
import { createTestTenant, createTestUser } from '../../test/helpers.ts';
import { useLoggedApp } from '../../test/log-capture.ts';
import { REDACTED, redactUrl } from './log-redaction.ts';

const logged = useLoggedApp();
const { logOf } = logged;

describe('request log', () => {
  it('writes the tracking link with the token replaced', async () => {
    const t = await createTestTenant(logged.handle.db);
    const token = 'trk_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    const log = await logOf(() => logged.app.inject({ method: 'GET', url: `/${t.tenant.slug}/cases/track/${token}?lang=en` }));
    expect(log).toContain(`/${t.tenant.slug}/cases/track/${REDACTED}?lang=en`);
    expect(log).toContain('"statusCode":404');
    expect(log).not.toContain(token);
  });

  it('writes an Open311 request with api_key replaced, and the same for any token-like parameter', async () => {
    const t = await createTestTenant(logged.handle.db);
    const user = await createTestUser(logged.handle.db, t, [{ role: 'agent' }]);
    const log = await logOf(async () => {
      await logged.app.inject({ method: 'GET', url: `/open311/v2/services.json?jurisdiction_id=${t.tenant.slug}&api_key=${user.token}` });
      await logged.app.inject({ method: 'POST', url: `/open311/v2/requests.json?api_key=${user.token}&service_code=gator` });
      await logged.app.inject({ method: 'GET', url: '/health?token=sekret-token-1&access_token=sekret-token-2&code=sekret-code-3' });
    });
    expect(log).toContain(`api_key=${REDACTED}`);
    expect(log).toContain('service_code=gator');
    expect(log).toContain(`jurisdiction_id=${t.tenant.slug}`);
    expect(log).not.toContain(user.token);
    expect(log).not.toMatch(/sekret-/);
  });
});

describe('redactUrl', () => {
  it('keeps what is not secret and replaces what is', () => {
    expect(redactUrl('/staff/cases?status=open&page=2')).toBe('/staff/cases?status=open&page=2');
    expect(redactUrl('/x/cases/track/abc/messages?lang=fi')).toBe(`/x/cases/track/${REDACTED}/messages?lang=fi`);
    expect(redactUrl('/a?API_KEY=1&apiKey=2&x-auth-token=3&password=4&b=5')).toBe(
      `/a?API_KEY=${REDACTED}&apiKey=${REDACTED}&x-auth-token=${REDACTED}&password=${REDACTED}&b=5`,
    );
    expect(redactUrl('/a?api%5Fkey=1&token[]=2&%zz=3')).toBe(`/a?api%5Fkey=${REDACTED}&token[]=${REDACTED}&%zz=3`);
    expect(redactUrl('/a?b=1#token=x')).toBe('/a?b=1');
  });

  it('replaces survey invitation and after-contact answer tokens (satisfaction)', () => {
    expect(redactUrl('/x/enkat/iAbc_1?lang=fi')).toBe(`/x/enkat/${REDACTED}?lang=fi`);
    expect(redactUrl('/x/nojdhet/svar/Abc-2/nej')).toBe(`/x/nojdhet/svar/${REDACTED}/nej`);
    expect(redactUrl('/api/v1/public/surveys/iAbc/answers')).toBe(`/api/v1/public/surveys/${REDACTED}/answers`);
    expect(redactUrl('/x/nojdhet?lang=en')).toBe('/x/nojdhet?lang=en');
  });
});

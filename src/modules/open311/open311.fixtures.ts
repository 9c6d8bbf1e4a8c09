// Test factories of the open311 module: a municipality with a unit, two services, an agent (the
// integration user), an officer, and helpers to call the API as FixMyStreet does.
import { XMLParser } from 'fast-xml-parser';
import { createTestTenant, createTestUser, form, type TestContext, type TestTenant, type TestUser } from '../../../test/helpers.ts';
import { createCategory } from '../cases/categories.service.ts';
import { createUnit } from '../org/org.service.ts';

export interface Open311Fixture extends TestTenant {
  unitId: string;
  agent: TestUser;
  officer: TestUser;
}

export async function open311Fixture(t: TestContext): Promise<Open311Fixture> {
  const tt = await createTestTenant(t.db, 'Öppen kommun');
  const unit = await createUnit(tt.system, { name: 'Park & gata', kind: 'unit', parentId: tt.rootId }, { db: t.db });
  await createCategory(
    tt.system,
    { code: 'gatubelysning', name: 'Gatubelysning', nameEn: 'Street lighting', unitId: unit.id },
    { db: t.db },
  );
  await createCategory(tt.system, { code: 'parker', name: 'Parker', unitId: unit.id }, { db: t.db });
  const agent = await createTestUser(t.db, tt, [{ role: 'agent' }]);
  const officer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: unit.id }]);
  return { ...tt, unitId: unit.id, agent, officer };
}

/** XML as FixMyStreet reads it (XML::Simple with ForceArray on the spec's group tags). */
export const xml = new XMLParser({
  isArray: (name) => ['service', 'request', 'attribute', 'value', 'error', 'request_update', 'endpoint', 'format'].includes(name),
});

/** POST form-encoded parameters, as FixMyStreet's Open311 client does. */
export function postForm(t: TestContext, url: string, values: Record<string, string>) {
  const body = form(values);
  return t.app.inject({ method: 'POST', url, headers: { 'content-type': body['content-type'] }, payload: body.payload });
}

/** A request filed through Open311 by the fixture's agent; returns its service_request_id. */
export async function fileRequest(t: TestContext, f: Open311Fixture, extra: Record<string, string> = {}): Promise<string> {
  const res = await postForm(t, '/open311/v2/requests.json', {
    jurisdiction_id: f.tenant.slug,
    api_key: f.agent.token,
    service_code: 'gatubelysning',
    description: 'Lampan är trasig',
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`file failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { service_request_id: string }[])[0].service_request_id;
}

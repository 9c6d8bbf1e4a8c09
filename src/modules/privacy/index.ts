// The privacy module's public face: a person's data on request (GDPR art. 15–17).

export { normalisePhone } from './privacy.input.ts';
export { registerPrivacyRoutes } from './privacy.routes.tsx';
export { ERASURE_RULES, erasePersonRecord, exportPerson, PRIVACY_ROLES, rectifyPersonCase, searchPerson } from './privacy.service.ts';

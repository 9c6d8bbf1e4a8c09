// The register extract as JSON: the API contract of `POST /api/v1/persons/export`.
import { LEGAL_BASIS, PURPOSES, RECIPIENTS, RETENTION, RIGHTS } from './privacy.extract.tsx';
import { ERASURE_RULES, type PersonData } from './privacy.service.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentPersonData(data: PersonData) {
  return {
    kind: 'gdpr-art15-register-extract',
    generatedAt: iso(data.generatedAt),
    search: data.term.masked,
    controller: data.controller,
    purposes: PURPOSES,
    legalBasis: LEGAL_BASIS,
    recipients: RECIPIENTS,
    retention: RETENTION,
    rights: RIGHTS,
    truncated: data.truncated,
    cases: data.cases.map((c) => ({
      id: c.id,
      caseNumber: c.caseNumber,
      type: c.type,
      channel: c.channel,
      status: c.status,
      receivedDate: c.receivedDate,
      resolvedAt: iso(c.resolvedAt),
      category: c.categoryName,
      contact: { name: c.contactName, email: c.contactEmail, phone: c.contactPhone },
      subject: c.subject,
      message: c.message,
      events: c.events.map((e) => ({ kind: e.kind, at: iso(e.at), body: e.body, visibleToResident: e.visibleToResident })),
      erasure: { allowed: ERASURE_RULES.case.allowed, reason: ERASURE_RULES.case.reason },
    })),
    surveyInvitations: data.surveyInvitations.map((s) => ({
      caseId: s.caseId,
      caseNumber: s.caseNumber,
      language: s.language,
      sentAt: iso(s.sentAt),
      answeredAt: iso(s.answeredAt),
      score: s.score,
      comment: s.comment,
      erasure: ERASURE_RULES.survey_invitation,
    })),
    optedOutOfSurveysAt: iso(data.optedOutOfSurveysAt),
    outbox: data.outbox.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      body: m.body,
      kind: m.kind,
      status: m.status,
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
      erasure: ERASURE_RULES.outbox,
    })),
  };
}

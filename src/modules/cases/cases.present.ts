// What the API and pages show of a case: the contract of CaseView.
import type { CaseChannel, CaseLanguage, CaseStatus, CaseType } from '../../db/schema-cases.ts';
import type { CaseRow } from './cases.repo.ts';

export interface CaseView {
  id: string;
  caseNumber: string;
  type: CaseType;
  channel: CaseChannel;
  categoryId: string;
  categoryCode: string;
  categoryName: string;
  unitId: string;
  unitName: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  language: CaseLanguage;
  subject: string | null;
  message: string;
  contact: { name: string | null; email: string | null; phone: string | null };
  receivedAt: string;
  receivedDate: string;
  firstResponseDue: string;
  firstResponseAt: string | null;
  firstResponseDate: string | null;
  nextFeedbackDue: string | null;
  status: CaseStatus;
  resolvedAt: string | null;
  resolvedAtFirstContact: boolean;
  referredTo: string | null;
  /** When the resident wrote and staff have not answered since; null otherwise. */
  residentWroteAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function presentCase(r: CaseRow): CaseView {
  return {
    id: r.id,
    caseNumber: r.case_number,
    type: r.type,
    channel: r.channel,
    categoryId: r.category_id,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    assigneeUserId: r.assignee_user_id,
    assigneeName: r.assignee_name,
    language: r.language,
    subject: r.subject,
    message: r.message,
    contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
    receivedAt: r.received_at.toISOString(),
    receivedDate: r.received_date,
    firstResponseDue: r.first_response_due,
    firstResponseAt: r.first_response_at?.toISOString() ?? null,
    firstResponseDate: r.first_response_date,
    nextFeedbackDue: r.next_feedback_due,
    status: r.status,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedAtFirstContact: r.resolved_at_first_contact,
    referredTo: r.referred_to,
    residentWroteAt: r.resident_wrote_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export interface CaseEventView {
  id: string;
  kind: string;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  body: string | null;
  data: Record<string, unknown>;
  visibleToResident: boolean;
}

export function presentEvent(e: {
  id: string;
  kind: string;
  at: Date;
  actor_user_id: string | null;
  actor_label: string;
  body: string | null;
  data: Record<string, unknown>;
  visible_to_resident: boolean;
}): CaseEventView {
  return {
    id: e.id,
    kind: e.kind,
    at: e.at.toISOString(),
    actorUserId: e.actor_user_id,
    actorLabel: e.actor_label,
    body: e.body,
    data: e.data ?? {},
    visibleToResident: e.visible_to_resident,
  };
}

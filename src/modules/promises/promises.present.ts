// The API contract of promises: rows → the JSON shapes of promises.schemas.ts.
import type { ClaimRow, EventRow, MeasurementRow, PromiseView, VersionRow } from './promises.service.ts';

function decisionOf(v: VersionRow) {
  if (!v.decisionBoard || !v.decisionDate || !v.decisionRegistrationNumber) return null;
  return {
    board: v.decisionBoard,
    boardUnitId: v.decisionBoardUnitId,
    date: v.decisionDate,
    registrationNumber: v.decisionRegistrationNumber,
  };
}

export function presentVersion(v: VersionRow) {
  return {
    version: v.version,
    title: v.title,
    text: v.publicText,
    translations: v.translations ?? {},
    boardUnitId: v.boardUnitId,
    unitId: v.unitId,
    promised: v.promised,
    metric: v.metric ?? null,
    measurementText: v.measurementText,
    target: v.target,
    remedy: v.remedy,
    counterRequirement: v.counterRequirement,
    decision: decisionOf(v),
    validFrom: v.validFrom,
    validTo: v.validTo,
    decided: v.decided,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdByLabel,
  };
}

export function presentPromise(p: PromiseView) {
  const v = presentVersion(p.current);
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    retiredOn: p.retiredOn,
    version: v.version,
    title: v.title,
    text: v.text,
    translations: v.translations,
    boardUnitId: v.boardUnitId,
    unitId: v.unitId,
    promised: v.promised,
    metric: v.metric,
    measurementText: v.measurementText,
    target: v.target,
    remedy: v.remedy,
    counterRequirement: v.counterRequirement,
    decision: v.decision,
    validFrom: v.validFrom,
    validTo: v.validTo,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentEvent(e: EventRow) {
  return { fromStatus: e.fromStatus, toStatus: e.toStatus, version: e.version, note: e.note, by: e.actorLabel, at: e.at.toISOString() };
}

export function presentDetail(p: PromiseView, events: EventRow[]) {
  return { ...presentPromise(p), versions: p.versions.map(presentVersion), events: events.map(presentEvent) };
}

export function presentMeasurement(m: MeasurementRow) {
  return {
    id: m.id,
    period: m.period.slice(0, 7),
    numerator: m.numerator,
    denominator: m.denominator,
    value: m.value,
    comment: m.comment,
    enteredBy: m.enteredByLabel,
    enteredAt: m.enteredAt.toISOString(),
  };
}

export function presentClaim(c: ClaimRow) {
  return {
    id: c.id,
    claimedOn: c.claimedOn,
    description: c.description,
    remedyGiven: c.remedyGiven,
    costSek: c.costSek,
    enteredBy: c.enteredByLabel,
    enteredAt: c.enteredAt.toISOString(),
  };
}

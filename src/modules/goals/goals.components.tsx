// Small building blocks of the goals pages: plain text with paragraphs and lists (never HTML),
// verdicts and statuses in words with a symbol, and a scrollable table region.
import type { ComponentChildren } from 'preact';
import { ASSESSMENT_NAMES, ASSESSMENT_SYMBOLS, type AssessmentStatus } from './assessment.ts';
import { WORK_STATUS_NAMES, WORK_STATUS_SYMBOLS } from './assignments.schemas.ts';

/** Paragraphs split by blank lines; a paragraph whose lines start with "- " is a list. Text only. */
export function PlainText({ text }: { text: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((b) => {
        const lines = b.split('\n').map((l) => l.trim());
        if (lines.every((l) => /^[-•*]\s/.test(l))) {
          return (
            <ul>
              {lines.map((l) => (
                <li>{l.replace(/^[-•*]\s+/, '')}</li>
              ))}
            </ul>
          );
        }
        return <p>{lines.join(' ')}</p>;
      })}
    </>
  );
}

const VERDICT_CLASS: Record<AssessmentStatus, string> = {
  met: 'status-ok',
  partly: 'status-warn',
  not_met: 'status-late',
  no_data: 'kind',
};

export function Verdict({ status, reason }: { status: AssessmentStatus; reason?: string }) {
  return (
    <span class={VERDICT_CLASS[status]} title={reason}>
      <span aria-hidden="true">{ASSESSMENT_SYMBOLS[status]} </span>
      {ASSESSMENT_NAMES[status]}
    </span>
  );
}

type WorkStatusKey = keyof typeof WORK_STATUS_NAMES;
const WORK_CLASS: Record<WorkStatusKey, string> = {
  not_started: 'kind',
  ongoing: '',
  done: 'status-ok',
  delayed: 'status-late',
  cancelled: 'kind',
};

export function WorkStatus({ status }: { status: string }) {
  const s = (status in WORK_STATUS_NAMES ? status : 'not_started') as WorkStatusKey;
  return (
    <span class={WORK_CLASS[s]}>
      <span aria-hidden="true">{WORK_STATUS_SYMBOLS[s]} </span>
      {WORK_STATUS_NAMES[s]}
    </span>
  );
}

/** A wide table scrolls inside its own focusable region, so the page never scrolls sideways at 320 px. */
export function TableRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <section class="table-scroll" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}

export function formatDate(d: string | null): string {
  if (!d) return '–';
  return new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${d}T00:00:00Z`),
  );
}

export const KIND_NAMES: Record<string, string> = { outcome: 'Utfall', forecast: 'Prognos', target: 'Mål' };

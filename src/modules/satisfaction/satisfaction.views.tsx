import type { StaffContext } from '../../web/staff.ts';

export type Session = StaffContext['session'];
export type Values = Record<string, string>;

export const n1 = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
export const show = (v: number | null) => (v === null ? '–' : n1.format(v));
export const trendText = (t: number | null) => (t === null ? '–' : t > 0 ? `+${t}` : String(t));

export function SatisfactionNav({ current }: { current: string }) {
  const links = [
    ['/staff/satisfaction', 'Insikt-resultat'],
    ['/staff/satisfaction/import', 'Importera'],
    ['/staff/satisfaction/result', 'Registrera resultat'],
    ['/staff/satisfaction/settings', 'Inställningar och mål'],
    ['/staff/surveys', 'Egna enkäter'],
    ['/staff/satisfaction/after-contact', 'Frågan efter kontakten'],
  ];
  return (
    <nav aria-label="Nöjdhet" class="sub-nav">
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

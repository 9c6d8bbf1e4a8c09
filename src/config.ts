// Every setting Insyn reads from the environment, read once at start and validated.
// A wrong value stops the start with a message that names the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming replica of DATABASE_URL that public pages read from (DATABASE_READ_URL, optional). */
  databaseReadUrl: string | undefined;
  baseUrl: string;
  /** The origin of BASE_URL when it was set; otherwise forms are checked against the Host header. */
  publicOrigin: string | undefined;
  sessionSecret: string;
  smtpUrl: string | undefined;
  /** Which proxies may set X-Forwarded-For: off, a hop count, or addresses/CIDRs (Fastify's trustProxy). */
  trustProxy: false | number | string;
  /** Bearer token for /metrics; without it /metrics is off. */
  metricsToken: string | undefined;
  production: boolean;
  logLevel: string;
  /** Load demo data into an empty database on start (default on, outside production). */
  seedDemo: boolean;
  /** Kolada's API v3 (KOLADA_URL); tests and air-gapped installations point it elsewhere. */
  koladaUrl: string;
  /** How long one Kolada request may take (KOLADA_TIMEOUT_SECONDS, default 10). */
  koladaTimeoutMs: number;
  /** Single sign-on for one tenant from the environment, used while that tenant has none of its own. */
  oidc: OidcEnvConfig | undefined;
  /** Debian's Chromium for PDF reports and report chart images (CHROMIUM_PATH); without it those are left out. */
  chromiumPath: string;
  /** Client addresses the rate limits do not apply to (RATE_LIMIT_EXEMPT; a load test, a trusted integration). */
  rateLimitExempt: string[];
}

export interface OidcEnvConfig {
  tenantSlug: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  createAccounts: boolean;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // Not echoed: a database or SMTP URL carries its password, and this message reaches the log.
    throw new ConfigError(`${name} must be a URL (its value is not shown, it may hold a password)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const IPV4_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_CIDR = /^[0-9a-f:.]*:[0-9a-f:.]*(\/\d{1,3})?$/i;

/**
 * Security-relevant: a client can write any X-Forwarded-For, so only the proxies named here may
 * decide the client address that rate limits count. Off by default; "true" (trust anyone) is refused.
 */
function trustProxy(env: Env): false | number | string {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || ['0', 'false', 'off', 'no'].includes(raw)) return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!PROXY_NAMES.has(entry) && !IPV4_CIDR.test(entry) && !IPV6_CIDR.test(entry)) {
      throw new ConfigError(
        `TRUST_PROXY must be off, a hop count (1–10) or a comma-separated list of proxy addresses/CIDRs, got "${entry}"`,
      );
    }
  }
  return entries.join(',');
}

function rateLimitExempt(env: Env): string[] {
  const raw = env.RATE_LIMIT_EXEMPT;
  if (raw === undefined || raw.trim() === '') return [];
  const entries = raw.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (isIP(entry) === 0) throw new ConfigError(`RATE_LIMIT_EXEMPT must be a comma-separated list of IP addresses, got "${entry}"`);
  }
  return entries;
}

function metricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  return raw;
}

/** In development the session secret is generated once and kept in DATA_DIR. */
function sessionSecret(env: Env, dataDir: string, production: boolean): string {
  const raw = env.SESSION_SECRET;
  if (raw) {
    if (raw.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters');
    return raw;
  }
  if (production) throw new ConfigError('SESSION_SECRET is required when NODE_ENV=production');
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** OIDC_* together or not at all: a half-configured sign-on stops the start. */
function oidcFromEnv(env: Env): OidcEnvConfig | undefined {
  const names = ['OIDC_TENANT', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const given = names.filter((n) => env[n]);
  if (given.length === 0) return undefined;
  const missing = names.filter((n) => !env[n]);
  if (missing.length > 0) throw new ConfigError(`${missing.join(', ')} must be set together with ${given.join(', ')}`);
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']) ?? '';
  return {
    tenantSlug: env.OIDC_TENANT ?? '',
    displayName: env.OIDC_DISPLAY_NAME || 'organisationens inloggning',
    issuer,
    clientId: env.OIDC_CLIENT_ID ?? '',
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    scopes: env.OIDC_SCOPES || 'openid email profile',
    groupsClaim: env.OIDC_GROUPS_CLAIM || 'groups',
    createAccounts: boolean(env, 'OIDC_CREATE_ACCOUNTS', false),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const databaseReadUrl = url(env, 'DATABASE_READ_URL', ['postgres:', 'postgresql:']);
  if (databaseReadUrl && !databaseUrl) {
    throw new ConfigError('DATABASE_READ_URL names a replica of DATABASE_URL: set DATABASE_URL too (the embedded database has no replica)');
  }
  const explicitBaseUrl = url(env, 'BASE_URL', ['http:', 'https:']);
  const baseUrl = (explicitBaseUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  const logLevel = env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    databaseReadUrl,
    baseUrl,
    publicOrigin: explicitBaseUrl ? new URL(explicitBaseUrl).origin : undefined,
    sessionSecret: sessionSecret(env, dataDir, production),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    trustProxy: trustProxy(env),
    metricsToken: metricsToken(env),
    production,
    logLevel,
    seedDemo: boolean(env, 'SEED_DEMO', !production),
    koladaUrl: (url(env, 'KOLADA_URL', ['http:', 'https:']) ?? 'https://api.kolada.se/v3').replace(/\/$/, ''),
    koladaTimeoutMs: integer(env, 'KOLADA_TIMEOUT_SECONDS', 10, 1, 120) * 1000,
    oidc: oidcFromEnv(env),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    rateLimitExempt: rateLimitExempt(env),
  };
}

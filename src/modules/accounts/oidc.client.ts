// Security-relevant: the relying party of OpenID Connect (openid-client v6). Authorisation code
// flow with PKCE (S256), a random state bound to the browser's session and a nonce bound to the
// ID token. Every answer of the provider is checked by openid-client (issuer, audience, signature,
// nonce, expiry); what goes wrong becomes an OidcError with a Swedish sentence for the person.
import * as oidc from 'openid-client';

export interface ProviderSettings {
  /** Where the settings came from: the tenant's admin page or the environment. */
  source: 'tenant' | 'env';
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  createAccounts: boolean;
}

/** What a pending sign-on keeps in the session between the redirect and the callback. */
export interface PendingSignOn {
  tenantId: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  startedAt: number;
}

export type OidcFailure = 'unavailable' | 'wrong_state' | 'no_pending' | 'invalid_grant' | 'denied' | 'invalid_response';

export class OidcError extends Error {
  readonly failure: OidcFailure;
  constructor(failure: OidcFailure, detail: string, cause?: unknown) {
    super(detail, { cause });
    this.failure = failure;
  }
}

/** A pending sign-on older than this is refused at the callback (the person starts again). */
export const PENDING_TTL_MS = 10 * 60 * 1000;
const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const TIMEOUT_S = 5;

/** Plain http only for a provider on this machine (tests, a local development provider). */
function isLoopback(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

const cache = new Map<string, { config: oidc.Configuration; at: number }>();

/** The provider's metadata (discovery), cached for ten minutes per issuer and client. */
export async function providerConfiguration(settings: ProviderSettings): Promise<oidc.Configuration> {
  const cacheKey = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  const hit = cache.get(cacheKey);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  let issuer: URL;
  try {
    issuer = new URL(settings.issuer);
  } catch (error) {
    throw new OidcError('unavailable', 'issuer is not a URL', error);
  }
  try {
    const config = await oidc.discovery(issuer, settings.clientId, undefined, oidc.ClientSecretPost(settings.clientSecret), {
      timeout: TIMEOUT_S,
      execute: isLoopback(issuer) && issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
    });
    config.timeout = TIMEOUT_S;
    cache.set(cacheKey, { config, at: Date.now() });
    return config;
  } catch (error) {
    throw new OidcError('unavailable', `discovery failed: ${describe(error)}`, error);
  }
}

/** Forgets cached metadata (after the admin changes the settings). */
export function forgetProviderConfiguration(): void {
  cache.clear();
}

/** Starts a sign-on: the URL to send the browser to, and what the callback must find in the session. */
export async function startSignOn(
  settings: ProviderSettings,
  tenantId: string,
  redirectUri: string,
  next: string,
): Promise<{ url: string; pending: PendingSignOn }> {
  const config = await providerConfiguration(settings);
  const verifier = oidc.randomPKCECodeVerifier();
  const pending: PendingSignOn = {
    tenantId,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier,
    next,
    startedAt: Date.now(),
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: settings.scopes,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, pending };
}

export interface SignOnClaims {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
  groups: string[];
  idToken: string | undefined;
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Completes a sign-on at the callback: code → tokens (checked), then the claims of the person. */
export async function finishSignOn(settings: ProviderSettings, pending: PendingSignOn, callbackUrl: URL): Promise<SignOnClaims> {
  const returnedState = callbackUrl.searchParams.get('state');
  if (returnedState !== pending.state) throw new OidcError('wrong_state', 'state does not match the pending sign-on');
  if (Date.now() - pending.startedAt > PENDING_TTL_MS) throw new OidcError('no_pending', 'pending sign-on expired');
  const config = await providerConfiguration(settings);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw classify(error);
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new OidcError('invalid_response', 'no ID token');
  let claims: Record<string, unknown> = { ...idClaims };
  // Many providers give e-mail and groups only at the userinfo endpoint.
  if (config.serverMetadata().userinfo_endpoint) {
    try {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    } catch (error) {
      throw classify(error);
    }
  }
  const email = stringClaim(claims.email)?.toLowerCase();
  return {
    subject: idClaims.sub,
    email,
    emailVerified: claims.email_verified !== false,
    name: stringClaim(claims.name),
    groups: groupsOf(claims[settings.groupsClaim]),
    idToken: tokens.id_token,
  };
}

/** Where to send the browser to end the session at the provider too; undefined when it has no such endpoint. */
export async function endSessionUrl(
  settings: ProviderSettings,
  idToken: string | undefined,
  afterLogout: string,
): Promise<string | undefined> {
  try {
    const config = await providerConfiguration(settings);
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    const params: Record<string, string> = { post_logout_redirect_uri: afterLogout, client_id: settings.clientId };
    if (idToken) params.id_token_hint = idToken;
    return oidc.buildEndSessionUrl(config, params).href;
  } catch {
    // The provider is away: our own session is ended all the same.
    return undefined;
  }
}

function classify(error: unknown): OidcError {
  if (error instanceof OidcError) return error;
  if (error instanceof oidc.AuthorizationResponseError) return new OidcError('denied', `provider refused: ${error.error}`, error);
  if (error instanceof oidc.ResponseBodyError) {
    return error.error === 'invalid_grant'
      ? new OidcError('invalid_grant', 'code expired, used or not ours', error)
      : new OidcError('invalid_response', `provider error ${error.error}`, error);
  }
  // fetch failures, timeouts (AbortError / TimeoutError) and 5xx answers: the provider is away.
  const name = (error as { name?: string }).name;
  if (error instanceof TypeError || name === 'AbortError' || name === 'TimeoutError') {
    return new OidcError('unavailable', describe(error), error);
  }
  const code = (error as { code?: string }).code;
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON')
    return new OidcError('unavailable', describe(error), error);
  return new OidcError('invalid_response', describe(error), error);
}

/** For the log: the error's kind and message, never tokens (openid-client's messages hold none). */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

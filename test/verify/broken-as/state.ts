/**
 * The broken AS's data: clients, codes, tokens, sessions, signing keys, quirks.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Quirk } from './quirks.js';

export interface AsClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  grants: Set<string>;
  authMethods: Set<'client_secret_basic' | 'client_secret_post' | 'none'>;
  pkceRequired: boolean;
  native: boolean;
  /** May call introspection. */
  introspector: boolean;
}

export interface CodeRecord {
  clientId: string;
  redirectUri: string | undefined;
  scope: string[];
  challenge: string | undefined;
  method: string | undefined;
  expiresAt: number;
  used: boolean;
  issued: string[];
  nonce: string | undefined;
}

export interface TokenRecord {
  value: string;
  kind: 'access' | 'refresh';
  clientId: string;
  scope: string[];
  expiresAt: number;
  revoked: boolean;
  /** Revocation that becomes effective later (quirk revocation-delayed). */
  revokeAt?: number;
  family: string;
  aud: string;
  jti?: string;
}

export interface Pending {
  params: Map<string, string>;
  client: AsClient;
  redirectUri: string;
  csrf: string;
  session?: string;
}

export const USER = { username: 'alice', password: 'wonderland' };
export const SCOPES = ['openid', 'profile', 'email', 'offline_access', 'api', 'a', 'b'];
export const RS_AUDIENCE = 'https://api.example';
export const OTHER_AUDIENCE = 'https://other.example';

let keys: Promise<AsState['keys']> | undefined;

/** Signing keys, generated once per process (RSA generation is the slow part of a start). */
async function makeKeys(): Promise<AsState['keys']> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
  return { privateKey, publicJwk, privateJwk, otherKey: other.privateKey };
}

export class AsState {
  quirks = new Set<Quirk>();
  clients = new Map<string, AsClient>();
  codes = new Map<string, CodeRecord>();
  tokens = new Map<string, TokenRecord>();
  pending = new Map<string, Pending>();
  sessions = new Map<string, { user: string }>();
  failures = new Map<string, number[]>();
  usedChallenges = new Set<string>();
  counter = 0;
  lifetimes = { code: 1, accessToken: 2 };

  constructor(
    readonly issuer: string,
    readonly keys: { privateKey: CryptoKey; publicJwk: JWK; privateJwk: JWK; otherKey: CryptoKey },
  ) {}

  static async create(issuer: string): Promise<AsState> {
    keys ??= makeKeys();
    const s = new AsState(issuer, await keys);
    s.reset();
    return s;
  }

  has(q: Quirk): boolean {
    return this.quirks.has(q);
  }

  /** Forget all grants and registrations; keep keys. */
  reset(): void {
    this.codes.clear();
    this.tokens.clear();
    this.pending.clear();
    this.sessions.clear();
    this.failures.clear();
    this.usedChallenges.clear();
    this.clients.clear();
    const all = new Set(['authorization_code', 'refresh_token', 'client_credentials']);
    const conf = (id: string, secret: string, redirects: string[], extra: Partial<AsClient> = {}): void => {
      this.clients.set(id, {
        client_id: id,
        client_secret: secret,
        redirect_uris: redirects,
        grants: new Set(all),
        authMethods: new Set(['client_secret_basic', 'client_secret_post']),
        pkceRequired: false,
        native: false,
        introspector: false,
        ...extra,
      });
    };
    const pub = (id: string, redirects: string[], extra: Partial<AsClient> = {}): void => {
      this.clients.set(id, {
        client_id: id,
        redirect_uris: redirects,
        grants: new Set(['authorization_code', 'refresh_token']),
        authMethods: new Set(['none']),
        pkceRequired: true,
        native: false,
        introspector: false,
        ...extra,
      });
    };
    conf('client-1', 'secret-1', ['https://client.example/cb'], {
      ...(this.has('primary-post-only') ? { authMethods: new Set(['client_secret_post' as const]) } : {}),
      ...(this.has('primary-basic-only') ? { authMethods: new Set(['client_secret_basic' as const]) } : {}),
    });
    conf('client-2', 'secret-2', ['https://client.example/cb']);
    pub('public-1', ['https://spa.example/cb']);
    pub('public-2', ['https://spa.example/cb']);
    conf('1PpG/Q 1', 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=', ['https://client.example/cb'], this.has('special-no-cc') ? { grants: new Set(['authorization_code', 'refresh_token']) } : {});
    conf('multi-1', 'secret-multi', ['https://client.example/cb1', 'https://client.example/cb2?tenant=1']);
    pub('native-1', ['http://127.0.0.1/cb'], { native: true });
    conf('pkce-optional', 'secret-po', ['https://client.example/cb']);
    conf('no-cc', 'secret-nocc', ['https://client.example/cb'], { grants: new Set(['authorization_code', 'refresh_token']) });
    conf('rs-1', 'secret-rs', [], { introspector: true, grants: new Set(['client_credentials']) });
  }

  /** A new credential value: 256 random bits, or a counter (quirk sequential-tokens). */
  newValue(prefix: string): string {
    this.counter += 1;
    if (this.has('sequential-tokens')) return `${prefix}${String(this.counter).padStart(8, '0')}`;
    return randomBytes(32).toString('base64url');
  }

  now(): number {
    return Date.now();
  }

  /** Issue an access token (opaque, or a JWT with quirk jwt-access-tokens). */
  async issueAccess(clientId: string, scope: string[], family: string, aud = RS_AUDIENCE): Promise<TokenRecord> {
    const rec: TokenRecord = {
      value: this.newValue('at-'),
      kind: 'access',
      clientId,
      scope,
      expiresAt: this.now() + this.lifetimes.accessToken * 1000,
      revoked: false,
      family,
      aud,
    };
    if (this.has('jwt-access-tokens')) {
      rec.jti = rec.value;
      rec.value = await new SignJWT({ scope: scope.join(' '), client_id: clientId, jti: rec.jti })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'at+jwt' })
        .setIssuer(this.issuer)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime(Math.floor(rec.expiresAt / 1000))
        .sign(this.keys.privateKey);
    }
    this.tokens.set(rec.jti ?? rec.value, rec);
    return rec;
  }

  issueRefresh(clientId: string, scope: string[], family: string): TokenRecord {
    const rec: TokenRecord = {
      value: this.newValue('rt-'),
      kind: 'refresh',
      clientId,
      scope,
      expiresAt: this.now() + 3600_000,
      revoked: false,
      family,
      aud: RS_AUDIENCE,
    };
    this.tokens.set(rec.value, rec);
    return rec;
  }

  /** Find a live or dead token by its value (JWT access tokens by jti). */
  find(value: string): TokenRecord | undefined {
    const direct = this.tokens.get(value);
    if (direct) return direct;
    const parts = value.split('.');
    if (parts.length === 3) {
      try {
        const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { jti?: string };
        return payload.jti ? this.tokens.get(payload.jti) : undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  isActive(rec: TokenRecord): boolean {
    const revoked = rec.revoked || (rec.revokeAt !== undefined && rec.revokeAt <= this.now());
    return !revoked && rec.expiresAt > this.now();
  }

  /** Revoke a token, now or (quirk revocation-delayed) in a minute. */
  revoke(rec: TokenRecord): void {
    if (this.has('revocation-delayed')) rec.revokeAt = this.now() + 60_000;
    else rec.revoked = true;
  }

  revokeFamily(family: string, kinds: Array<TokenRecord['kind']> = ['access', 'refresh']): void {
    for (const t of this.tokens.values()) if (t.family === family && kinds.includes(t.kind)) this.revoke(t);
  }
}

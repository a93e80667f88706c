/**
 * The provider's state: codes, grants, tokens, pending logins. Everything expires on
 * the shared clock and is swept, so memory stays flat under long load tests.
 */

/** One user's consent to one client: the family every code and token belongs to. */
export interface Grant {
  id: string;
  clientId: string;
  username: string;
  scopes: string[];
  revoked: boolean;
  /** Why it was revoked: `revocation`, `provider`, `refresh-token-reuse`. */
  revokedBy?: string;
  /** Whether this grant carries a refresh token (for "issued once per user"). */
  withRefresh: boolean;
}

export interface CodeRecord {
  grantId: string;
  clientId: string;
  /** The `redirect_uri` sent in the authorization request, or null when omitted. */
  redirectUri: string | null;
  scopes: string[];
  /** Scopes the client asked for (to tell whether `scope` must be returned, RFC 6749 §5.1). */
  requested: string[];
  username: string;
  challenge: string | null;
  challengeMethod: string | null;
  nonce: string | null;
  expiresAt: number;
  /** Set when redeemed; a second redemption revokes what the first issued (RFC 6749 §4.1.2). */
  usedAt: number | null;
  issueRefresh: boolean;
}

export interface AccessTokenRecord {
  clientId: string;
  grantId: string | null;
  username: string | null;
  scopes: string[];
  /** null = never expires. */
  expiresAt: number | null;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  grantId: string;
  clientId: string;
  scopes: string[];
  expiresAt: number | null;
  revoked: boolean;
  /** When it was replaced by a rotation (its grace period runs from here). */
  rotatedAt: number | null;
}

/** A login/consent transaction between the authorization request and the user's decision. */
export interface Interaction {
  params: URLSearchParams;
  clientId: string;
  redirectUri: string;
  /** Scopes offered on the consent page (registered ones, after narrowing). */
  scopes: string[];
  /** Scopes the client asked for. */
  requested: string[];
  expiresAt: number;
  /** An error found in the request, redirected only after the user has logged in (RFC 9700 §4.11.2). */
  pendingError?: { error: string; description: string };
}

const SWEEP_EVERY = 4096;
const SHARED_SCOPE_LISTS = 256;

export class ProviderStore {
  readonly codes = new Map<string, CodeRecord>();
  readonly grants = new Map<string, Grant>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly interactions = new Map<string, Interaction>();
  /** `clientId \0 username` pairs whose refresh token was issued and not yet revoked. */
  readonly refreshIssuedTo = new Set<string>();
  private inserts = 0;
  /** Inserts after which the next sweep runs (see `sweep`). */
  private sweepAt = SWEEP_EVERY;
  /** Scope lists shared by stored tokens, by their space-joined value. */
  private readonly scopeLists = new Map<string, string[]>();

  constructor(private readonly now: () => number) {}

  /**
   * The scope list to store with a token: one shared copy per distinct list (the first
   * 256), instead of the request's own array. Tokens never change their scopes; the
   * request's array (from `filter`, with room for 16 entries) and its strings were
   * two thirds of a stored token's memory.
   */
  sharedScopes(scopes: string[]): string[] {
    const key = scopes.join(' ');
    const hit = this.scopeLists.get(key);
    if (hit) return hit;
    const copy = scopes.slice();
    if (this.scopeLists.size < SHARED_SCOPE_LISTS) this.scopeLists.set(key, copy);
    return copy;
  }

  /** Call after each insert; sweeps expired state every few thousand inserts (more when much is live). */
  touch(): void {
    if (++this.inserts >= this.sweepAt) this.sweep();
  }

  /** Removes expired codes, tokens, interactions, and grants nothing refers to. */
  sweep(): void {
    const now = this.now();
    for (const [k, v] of this.codes) if (v.expiresAt <= now) this.codes.delete(k);
    for (const [k, v] of this.interactions) if (v.expiresAt <= now) this.interactions.delete(k);
    for (const [k, v] of this.accessTokens) if (v.revoked || (v.expiresAt !== null && v.expiresAt <= now)) this.accessTokens.delete(k);
    const live = new Set<string>();
    for (const [k, v] of this.refreshTokens) {
      if (v.expiresAt !== null && v.expiresAt <= now) this.refreshTokens.delete(k);
      else live.add(v.grantId);
    }
    for (const v of this.accessTokens.values()) if (v.grantId) live.add(v.grantId);
    for (const v of this.codes.values()) live.add(v.grantId);
    // A grant nothing refers to any more is dead, even one that had a refresh token (it expired):
    // keeping those grew memory without bound. `refreshIssuedTo` keeps "issued once" (Google).
    for (const k of this.grants.keys()) if (!live.has(k)) this.grants.delete(k);
    // A sweep walks every entry. Sweeping every 4096 inserts made that quadratic while
    // everything stayed live (a load test's one-hour tokens); the next sweep waits for as
    // many inserts as entries are live, so its cost per insert stays constant and the
    // store holds at most about twice its live state.
    this.inserts = 0;
    this.sweepAt = Math.max(SWEEP_EVERY, this.codes.size + this.interactions.size + this.accessTokens.size + this.refreshTokens.size);
  }

  /** Revokes a grant and everything issued under it. */
  revokeGrant(grantId: string, by: string): void {
    const grant = this.grants.get(grantId);
    if (!grant) return;
    grant.revoked = true;
    grant.revokedBy = by;
    this.refreshIssuedTo.delete(pairKey(grant.clientId, grant.username));
    for (const rt of this.refreshTokens.values()) if (rt.grantId === grantId) rt.revoked = true;
    for (const at of this.accessTokens.values()) if (at.grantId === grantId) at.revoked = true;
  }

  /** Forgets everything. */
  clear(): void {
    this.codes.clear();
    this.grants.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.interactions.clear();
    this.refreshIssuedTo.clear();
    this.inserts = 0;
    this.sweepAt = SWEEP_EVERY;
  }
}

export function pairKey(clientId: string, username: string): string {
  return `${clientId}\u0000${username}`;
}

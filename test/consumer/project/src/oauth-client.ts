// A user's own OAuth client, as an app would write it: plain fetch, PKCE, state,
// credentials in the place the app is configured for. Nothing here knows the harness.
import { createHash, randomBytes } from 'node:crypto';

export interface ClientSettings {
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  credentials: 'basic' | 'body';
}

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
}

export class OAuthError extends Error {
  constructor(readonly error: string, readonly status: number) {
    super(`${error} (${status})`);
  }
}

const b64url = (b: Buffer) => b.toString('base64url');

export class MyOAuthClient {
  private verifier = '';
  private state = '';
  tokens: Tokens | undefined;

  constructor(private readonly s: ClientSettings) {}

  /** Where the app sends the user's browser. */
  startLogin(): string {
    this.verifier = b64url(randomBytes(32));
    this.state = b64url(randomBytes(16));
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: this.s.clientId,
      redirect_uri: this.s.redirectUri,
      scope: this.s.scope,
      state: this.state,
      code_challenge: b64url(createHash('sha256').update(this.verifier).digest()),
      code_challenge_method: 'S256',
    });
    return `${this.s.authorizationUrl}?${q}`;
  }

  /** The app's callback: checks state, exchanges the code. */
  async finishLogin(callbackUrl: string): Promise<Tokens> {
    const q = new URL(callbackUrl).searchParams;
    if (q.get('state') !== this.state) throw new OAuthError('state_mismatch', 0);
    if (q.get('error')) throw new OAuthError(q.get('error')!, 0);
    return this.token({ grant_type: 'authorization_code', code: q.get('code') ?? '', redirect_uri: this.s.redirectUri, code_verifier: this.verifier });
  }

  async refresh(): Promise<Tokens> {
    if (!this.tokens?.refresh_token) throw new OAuthError('no_refresh_token', 0);
    return this.token({ grant_type: 'refresh_token', refresh_token: this.tokens.refresh_token });
  }

  private async token(params: Record<string, string>): Promise<Tokens> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const body = new URLSearchParams(params);
    const enc = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
    if (this.s.credentials === 'basic') headers.authorization = `Basic ${btoa(`${enc(this.s.clientId)}:${enc(this.s.clientSecret)}`)}`;
    else {
      body.set('client_id', this.s.clientId);
      body.set('client_secret', this.s.clientSecret);
    }
    const res = await fetch(this.s.tokenUrl, { method: 'POST', headers, body });
    const json = (await res.json()) as Tokens & { error?: string };
    if (!res.ok) throw new OAuthError(json.error ?? 'unknown', res.status);
    this.tokens = { ...this.tokens, ...json };
    return json;
  }
}

/**
 * The runner's side of the user agent: what a scenario's `connect` step asks of the
 * browser (who signs in, consent given, denied, or given for fewer scopes) and what it
 * gets back (the callback to the client's redirect URI, an error page, a failed login).
 * Every target has one (`StartedTarget.userAgent`): the form filler (`form-user-agent.ts`,
 * also the runner's on the mock), or a server's own (e.g. Glewlwyd's, in its folder).
 */

export interface ConsentChoice {
  username: string;
  password: string;
  deny?: boolean;
  /** Scopes to untick on the consent form. */
  untick?: string[];
  /** The browser's address (sent as X-Forwarded-For). */
  from?: string | undefined;
}

export type UserAgentResult =
  | { kind: 'callback'; url: string }
  | { kind: 'no-redirect'; status: number; title: string; detail: string }
  | { kind: 'login-failed'; detail: string };

/** Drives one authorization through the target's login pages, like a browser. */
export interface TargetUserAgent {
  readonly name: string;
  /** `fetchFn` records what the browser sends; the user agent keeps its own cookies. */
  authorize(authorizationUrl: string, redirectUri: string, choice: ConsentChoice, fetchFn: typeof fetch): Promise<UserAgentResult>;
}

/** Is `location` the client's redirect URI (same origin and path; the query carries the response)? */
export function isCallback(location: string, redirectUri: string): boolean {
  const a = new URL(location);
  const b = new URL(redirectUri);
  return a.origin === b.origin && a.pathname === b.pathname;
}

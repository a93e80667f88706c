/**
 * The login strategy contract (a "user-agent driver"): perform one authorization request
 * (RFC 6749 §4.1.1, https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1) as a browser
 * would, log in and consent (or deny), and hand back the redirect that leaves the
 * authorization server, without following it.
 *
 * Strategies: `form-login.ts` (plain HTML login pages), `playwright-login.ts` (pages that
 * need a browser), and a server's own where its login is neither (Glewlwyd's login API,
 * in `src/targets/containers/glewlwyd/`). A strategy sends every request through the
 * transport it is given (verify's probe records and redacts them), usually with an
 * `HttpUserAgent` (`http-user-agent.ts`) for cookies and redirects.
 */
import type { UaTransport } from './http-user-agent.js';

export interface AuthorizeRequest {
  /** Authorization request URL; its query carries the parameters. */
  url: string;
  /** `POST` sends the query parameters as a form body to the endpoint (RFC 6749 §3.1). */
  method?: 'GET' | 'POST';
  /** Where the flow is expected to end. The driver stops at any redirect leaving the AS. */
  redirectUri: string;
  decision?: 'approve' | 'deny';
  /** Submit the consent form as a cross-site request would arrive (AS-AZ-CSRF). */
  crossSiteConsent?: boolean;
  /** Who signs in, for strategies not configured with one (a scenario's user). */
  user?: { username: string; password: string };
  /** Scopes to untick on the consent form (a scenario's `connect.consent.untick`). */
  untick?: string[];
  /** Sent with every request (a scenario's browser address as `x-forwarded-for`). */
  headers?: Record<string, string>;
}

/** A redirect response whose target is outside the authorization server. */
export interface LeavingRedirect {
  /** Resolved target URL. */
  url: string;
  /** `Location` exactly as sent. */
  rawLocation: string;
  status: number;
  /** Method of the request this redirect answered. */
  requestMethod: string;
}

/** A page the flow ended on (an error page, or a step the driver could not pass). */
export interface FinalPage {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface AuthorizeResult {
  redirect?: LeavingRedirect;
  page?: FinalPage;
  /** Redirect statuses that answered a POST (login / consent submissions), in order. */
  postRedirects: Array<{ url: string; status: number }>;
  loginShown: boolean;
  consentShown: boolean;
  /** Why the driver stopped on `page`. */
  note?: string;
  /** The login page came back after the login was sent: the server's message, or why it is not known. */
  loginFailed?: string;
  /**
   * Set when `decision: deny` was asked but the driver could not refuse (no deny control,
   * a login API without refusal): why. The flow says nothing about the server then.
   */
  denyUnavailable?: string;
}

/** What a driver can do beyond the basic flow. */
export interface DriverCapabilities {
  crossSiteConsent: boolean;
  /** The driver can refuse consent (`decision: deny`); default true. */
  deny?: boolean;
}

export interface UserAgentDriver {
  /** `form`, `playwright`, or a driver a target provides (e.g. `glewlwyd-login-api`). */
  readonly kind: string;
  readonly capabilities: DriverCapabilities;
  /** Run one authorization in a fresh session (cookie jar); requests go through `transport` (verify's probe). */
  authorize(request: AuthorizeRequest, transport: UaTransport): Promise<AuthorizeResult>;
  close(): Promise<void>;
}

/** Origins the driver may navigate within; anything else ends the flow. */
export function leavesServer(url: string, allowedOrigins: ReadonlySet<string>, redirectUri: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (!allowedOrigins.has(u.origin)) return true;
  try {
    const r = new URL(redirectUri);
    return r.origin === u.origin && r.pathname === u.pathname;
  } catch {
    return false;
  }
}

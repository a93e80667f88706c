/**
 * How the provider writes its errors (RFC 6749 §5.2): the RFC's JSON at 400/401,
 * Facebook's `{error: {message, type, code}}`, GitHub's RFC codes in an HTTP 200 body, or
 * a body of its own (Slack's `{ok: false, error}`, HubSpot's `{status, message}`: the
 * `errors.shape` template), and one status for every error (`errors.status`, Slack's 200).
 * Read from the token, revocation and introspection answers of the recording.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
import { errorOf, failed, kindOf } from '../diagnoses/traffic.js';
import { responseFields } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { codeInBody, errorShapeOf } from './error-shape.js';
import { refs, type Findings } from './inference.js';

const AUTHENTICATED = new Set(['token', 'revocation', 'introspection']);

/** An error answer, also one in a shape of the provider's own at HTTP 200 (no `error` member: HubSpot-like bodies). */
function isError(e: Exchange): boolean {
  if (failed(e)) return true;
  if (e.response.status < 200 || e.response.status >= 300) return false;
  const body = responseFields(e.response);
  return !!body && body.access_token === undefined && body.active === undefined && errorShapeOf(body) !== undefined;
}

/** The error's OAuth code, also from a body of the provider's own. */
function codeOf(e: Exchange): string | undefined {
  return errorOf(e.response)?.code ?? codeInBody(responseFields(e.response));
}

export function inferErrors(oauth: Exchange[], f: Findings): void {
  const errors = oauth.filter((e) => AUTHENTICATED.has(kindOf(e)) && isError(e));
  if (!errors.length) return;
  const statuses = [...new Set(errors.map((e) => e.response.status))];
  const one = statuses.length === 1 ? statuses[0]! : undefined;
  const codes = new Set(errors.map(codeOf));
  const seen = errors.map((e) => `#${e.seq}: HTTP ${e.response.status} ${codeOf(e) ?? 'error'}`).join('; ');

  const shaped = errors.map((e) => ({ e, shape: errorShapeOf(responseFields(e.response) ?? {}) })).find((x) => x.shape);
  if (shaped) {
    f.set(['errors', 'shape'], shaped.shape, `errors in the provider's own shape, not RFC 6749 §5.2's (#${shaped.e.seq}): its code's member is {error}, its descriptive text {error_description}`);
  } else {
    const fb = errors.find((e) => typeof responseFields(e.response)?.error === 'object');
    const gh = errors.find((e) => e.response.status === 200 && typeof responseFields(e.response)?.error === 'string');
    const rfc = errors.find((e) => e.response.status >= 400 && typeof responseFields(e.response)?.error === 'string');
    if (gh) f.set(['errors', 'style'], 'github', `a token error answered with HTTP 200 (#${gh.seq}: ${errorOf(gh.response)?.code ?? 'error'})`);
    else if (fb) f.set(['errors', 'style'], 'facebook', `errors shaped {error: {message, type, code}} (#${fb.seq})`);
    else if (rfc) f.set(['errors', 'style'], 'rfc', `errors shaped as RFC 6749 §5.2 (#${rfc.seq}, HTTP ${rfc.response.status})`);
    if (gh || fb) return;
  }
  // one status for errors RFC 6749 §5.2 answers differently, or one it never uses for them
  if (one !== undefined && (![400, 401].includes(one) || (codes.size > 1 && one !== 400))) {
    f.set(['errors', 'status'], one, `every error answered HTTP ${one} (${seen})`);
  } else if (one !== undefined) {
    f.set(['errors', 'status'], null, `errors answered with their own status (${seen})`, `one status for every error (HTTP ${one}) is as consistent with ${refs(errors.map((e) => e.seq))}`, (v) => v === null || v === one);
  }
}

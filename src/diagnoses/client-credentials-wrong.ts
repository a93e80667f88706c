/**
 * The provider does not accept the client id or secret (docs/behaviours.md §2): `invalid_client`
 * (401 with a Basic challenge, or 400), Keycloak's 401 `unauthorized_client`, Auth0's 401
 * `access_denied`, GitHub's `incorrect_client_credentials` in a 200 body, Zoom's
 * `{"reason", "error":"invalid_client"}`: when nothing points at the placement or encoding.
 */
import { errorSummary, failuresOf, PLACEMENT_TEXT } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { basicParts } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { authorizationRequests, callbackErrors, describe, errorOf, isErrorPage, quote } from './traffic.js';

const UNKNOWN_CLIENT = /unknown client|invalid[_ ]client|client[_ ]id\b[^.]{0,40}(?:invalid|unknown|not (?:found|registered|valid))|(?:client|application)\b[^.]{0,60}\bnot (?:found|registered)|no application is registered|client not found/i;

/** The authorization endpoint said it does not know the client (error page or redirect). */
function unknownAtLogin(all: Exchange[]): { e: Exchange; clientId: string | null; text: string } | undefined {
  let hit: { e: Exchange; clientId: string | null; text: string } | undefined;
  for (const a of authorizationRequests(all)) {
    if (!isErrorPage(a.exchange.response)) continue;
    const err = errorOf(a.exchange.response);
    const text = `${err?.code ?? ''} ${err?.text ?? ''}`;
    if (UNKNOWN_CLIENT.test(text) && !/redirect/i.test(text)) hit = { e: a.exchange, clientId: a.params.get('client_id'), text: err?.text || err?.code || '' };
  }
  for (const c of callbackErrors(all)) if (c.error === 'invalid_client') hit = { e: c.exchange, clientId: null, text: `${c.error} ${c.description}` };
  return hit;
}

export const clientCredentialsWrong: Diagnosis = {
  id: 'client-credentials-wrong',
  level: 'error',
  title: 'The provider rejects the client id or secret',
  specRef: 'RFC 6749 §5.2',
  fix: [
    "Copy the client id and the secret again from the app's registration at the provider: the secret's value, not its id, without spaces or line breaks.",
    'If the secret was regenerated or has expired at the provider, put the new one in the integration.',
    'Check that the registration belongs to the same environment as the token URL (sandbox or production, tenant, realm).',
    'Connect the user again.',
  ],
  detect({ exchanges }) {
    const found = failuresOf(exchanges, 'wrong');
    const f = found[found.length - 1];
    if (!f) {
      const login = unknownAtLogin(exchanges);
      if (!login) return undefined;
      return {
        cause: `The provider does not know the client id${login.clientId ? ` "${login.clientId}"` : ''}: ${describe(login.e)} showed ${quote(login.text)} instead of the login page, so no token request could follow.`,
        fix: ["Copy the client id again from the app's registration at the provider (check for typos and for the right environment)."],
        evidence: [login.e.seq],
      };
    }
    const who = f.clientId ? `client "${f.clientId}"` : 'the client';
    const unknown = /unknown client|client not found|not identified|does not exist|invalid_client_id|client identifier invalid/i.test(`${f.error.code} ${f.error.text}`);
    const parts = basicParts(f.exchange.request);
    const escapedId = parts !== undefined && /%[0-9A-Fa-f]{2}/.test(parts.id);
    const escaped = parts !== undefined && (escapedId || (/%[0-9A-Fa-f]{2}/.test(parts.secret) && !unknown));
    const detail = f.used === 'none'
      ? ' No client secret was sent at all.'
      : escapedId && unknown
        ? ` The client form-encoded its id to "${parts!.id}" in the Basic header, as RFC 6749 §2.3.1 says; this provider looks the id up without decoding it.`
        : unknown
        ? ' The provider does not know this client id.'
        : escaped
          ? ' The client form-encoded special characters of its id or secret in the Basic header, as RFC 6749 §2.3.1 says; some providers compare the encoded text without decoding it.'
          : '';
    return {
      cause: `The provider refused to authenticate ${who} (credentials sent in ${PLACEMENT_TEXT[f.used]}): ${describe(f.exchange)} answered ${errorSummary(f.error)}.${detail}`,
      ...(f.used === 'none'
        ? { fix: ["Enter the client secret in the integration's settings."] }
        : unknown && !escapedId
          ? { fix: ['Check the client id: the provider has no app registered under it.'] }
          : escaped
            ? { fix: ['If the id and secret are right, send them in the request body (client_secret_post) if the provider accepts it, or generate a secret without special characters.'] }
            : {}),
      evidence: found.map((x) => x.exchange.seq),
    };
  },
};

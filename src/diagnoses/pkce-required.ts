/**
 * The provider requires PKCE (RFC 7636; RFC 9700 §2.1.1) and the client did not use it,
 * or sent a verifier that does not match: the authorization request is refused
 * ("code_challenge is required") or the code exchange fails (invalid_grant about the
 * code_verifier).
 */
import type { Exchange } from '../results/model.js';
import type { Diagnosis } from './diagnosis.js';
import { authorizationRequests, callbackErrors, describe, errorOf, failed, quote, tokenGrants } from './traffic.js';

const PKCE = /code_challenge|code_verifier|pkce|proof key/i;

export const pkceRequired: Diagnosis = {
  id: 'pkce-required',
  level: 'error',
  title: 'The provider requires PKCE, and the client did not use it correctly',
  specRef: 'RFC 7636 §4',
  fix: [
    'Turn PKCE on in the integration (code_challenge_method=S256), and send the matching code_verifier in the code exchange.',
    'Keep the verifier with the pending login so the callback uses the one that belongs to it.',
  ],
  detect({ exchanges }) {
    const evidence: Exchange[] = [];
    let cause = '';
    const auths = authorizationRequests(exchanges);
    for (const c of callbackErrors(exchanges)) {
      if (!PKCE.test(`${c.error} ${c.description}`)) continue;
      const a = [...auths].reverse().find((x) => x.exchange.seq <= c.exchange.seq);
      const sent = a?.params.has('code_challenge');
      evidence.push(c.exchange);
      cause = `The provider refused the authorization request: ${c.error} ${quote(c.description)}. ${sent ? `The request had code_challenge_method=${a?.params.get('code_challenge_method') ?? 'plain'}.` : 'The request had no code_challenge.'}`;
    }
    for (const g of tokenGrants(exchanges)) {
      if (g.grantType !== 'authorization_code' || !failed(g.exchange)) continue;
      const err = errorOf(g.exchange.response);
      if (!err || !PKCE.test(err.text)) continue;
      evidence.push(g.exchange);
      cause = `The code exchange was refused: ${describe(g.exchange)} answered ${err.code ?? ''} ${quote(err.text)}. ${g.params.has('code_verifier') ? 'The client sent a code_verifier that does not match the code_challenge of the authorization request.' : 'The client sent no code_verifier.'}`.replace(/\s+/g, ' ');
    }
    return evidence.length ? { cause, evidence: evidence.map((e) => e.seq) } : undefined;
  },
};

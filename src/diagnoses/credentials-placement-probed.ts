/**
 * The client found the placement the provider accepts by trying (docs/behaviours.md §1;
 * RFC 6749 §2.3.1): a token request with the credentials in one place was refused, and
 * the same request sent again at once with them in another place went through. Go's
 * x/oauth2 does this by default (AuthStyleAutoDetect: Basic first, then the body), in
 * every new process. Nothing fails, but every first token request costs a refused round
 * trip, and a provider that counts failed logins may lock the client out.
 */
import { credentialPlacement } from '../observe/wire.js';
import { errorSummary, failuresOf, PLACEMENT_TEXT } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { describe } from './traffic.js';

const SETTING: Record<string, string> = {
  basic: 'Go x/oauth2: Endpoint.AuthStyle = oauth2.AuthStyleInHeader; elsewhere client_secret_basic',
  body: 'Go x/oauth2: Endpoint.AuthStyle = oauth2.AuthStyleInParams; elsewhere client_secret_post',
  query: 'the query-string placement',
};

export const credentialsPlacementProbed: Diagnosis = {
  id: 'credentials-placement-probed',
  level: 'warning',
  title: 'The client finds the accepted credential placement by trial: one refused request each time',
  specRef: 'RFC 6749 §2.3.1',
  fix: [
    "Configure the placement the provider accepts explicitly instead of letting the client detect it (token_endpoint_auth_methods_supported in the provider's metadata names it).",
  ],
  detect({ exchanges }) {
    const found = failuresOf(exchanges, 'placement').filter((f) => f.recoveredBy);
    const f = found[found.length - 1];
    if (!f) return undefined;
    const retry = f.recoveredBy!;
    const to = credentialPlacement(retry.request);
    return {
      cause: `The client sent its credentials in ${PLACEMENT_TEXT[f.used]}; ${describe(f.exchange)} answered ${errorSummary(f.error)}. It sent the same request again at once with them in ${PLACEMENT_TEXT[to]} (exchange #${retry.seq}), which went through. The login works, but ${found.length === 1 ? 'the refused attempt costs' : `${found.length} refused attempts cost`} a round trip, and a client that detects the placement anew in every process pays it every time.`,
      fix: [`Set the placement explicitly to ${PLACEMENT_TEXT[to]} (${SETTING[to]}).`],
      evidence: found.flatMap((x) => [x.exchange.seq, x.recoveredBy!.seq]),
    };
  },
};

/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const AUTHORIZE_MATRIX: MatrixGroup = {
  name: 'authorization endpoint (RFC 6749 §3.1, §4.1; RFC 9700)',
  rows: [
    { id: 'AS-AZ-GET', broken: ['authorize-get-405'] },
    { id: 'AS-AZ-POST', broken: ['authorize-post-500'] },
    { id: 'AS-AZ-TLS', broken: ['http-login-action'], conformant: 'skipped' },
    { id: 'AS-AZ-RO-AUTH-FIRST', broken: ['auto-approve-without-login'] },
    { id: 'AS-AZ-NO-ERROR-REDIRECT-BEFORE-AUTH', broken: ['error-redirect-before-auth'] },
    { id: 'AS-AZ-EMPTY-PARAM', broken: ['az-empty-scope-error'] },
    { id: 'AS-AZ-IGNORE-UNKNOWN', broken: ['az-rejects-unknown'] },
    { id: 'AS-AZ-NO-REPEAT', broken: ['az-allows-repeat'] },
    { id: 'AS-AZ-RESPONSE-TYPE', broken: ['response-type-wrong-error'] },
    { id: 'AS-AZ-REDIR-EXACT', broken: ['redirect-prefix-match'] },
    { id: 'AS-AZ-REDIR-NO-AUTO-REDIRECT', broken: ['redirect-unregistered-uri'] },
    { id: 'AS-AZ-INVALID-CLIENT-NO-REDIRECT', broken: ['redirect-unknown-client'] },
    { id: 'AS-AZ-REDIR-MULTI', broken: ['multi-redirect-default-first'] },
    { id: 'AS-AZ-REDIR-KEEP-QUERY', broken: ['drop-redirect-query'] },
    { id: 'AS-AZ-REDIR-HTTP', broken: ['dcr-allows-http-redirect'] },
    { id: 'AS-AZ-REDIR-REG-PUBLIC', broken: ['dcr-public-without-redirect'] },
    { id: 'AS-AZ-CODE-RESPONSE', broken: ['state-mangled'] },
    { id: 'AS-AZ-STATE-ON-ERROR', broken: ['error-drops-state'] },
    { id: 'AS-AZ-ERROR-CODES', broken: ['error-nonstandard-code'] },
    { id: 'AS-AZ-ACCESS-DENIED', broken: ['deny-dead-end'] },
    // the login driver finds nothing to click "deny" with: not tested (inconclusive), never a failure
    { id: 'AS-AZ-ACCESS-DENIED', broken: [], base: ['consent-no-deny-control'], conformant: 'inconclusive' },
    { id: 'AS-AZ-SCOPE-OMITTED', broken: ['scope-omitted-500'] },
    { id: 'AS-AZ-CLICKJACKING', broken: ['no-frame-protection'] },
    { id: 'AS-AZ-NO-307', broken: ['redirect-307'] },
    { id: 'AS-AZ-NO-CORS', broken: ['authorize-cors'] },
    { id: 'AS-AZ-NO-THIRD-PARTY', broken: ['third-party-script'] },
    { id: 'AS-AZ-FRAGMENT-GUARD', broken: ['no-fragment-guard'] },
    { id: 'AS-AZ-CSRF', broken: ['consent-no-csrf'] },
    { id: 'AS-AZ-SANITIZE', broken: ['reflect-state-unescaped'] },
    { id: 'AS-AZ-IMPLICIT-OFFERED', broken: ['implicit-offered'] },
    // advertised but refused when asked: not offered (judged by asking, not by the metadata)
    { id: 'AS-AZ-IMPLICIT-OFFERED', broken: [], base: ['implicit-advertised-refused'] },
  ],
};

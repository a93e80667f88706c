/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import { USER } from '../../broken-as/state.js';
import type { MatrixGroup } from '../../check-matrix.js';

export const CLIENT_AUTH_MATRIX: MatrixGroup = {
  name: 'client authentication (RFC 6749 §2.3)',
  rows: [
    { id: 'AS-CA-BASIC', broken: ['basic-refused'] },
    { id: 'AS-CA-BASIC-FORMDECODE', broken: ['basic-no-formdecode'] },
    // served but not advertised, or not allowed for F4: found by trying, else the code grant
    { id: 'AS-CA-BASIC-FORMDECODE', broken: ['basic-no-formdecode'], base: ['cc-unadvertised'] },
    { id: 'AS-CA-BASIC-FORMDECODE', broken: ['basic-no-formdecode'], base: ['special-no-cc'] },
    // without F4, the primary client's id (client-1 → client%2D1) shows it as well
    { id: 'AS-CA-BASIC-FORMDECODE', broken: ['basic-no-formdecode'], options: { fixtures: { user: USER } } },
    { id: 'AS-CA-POST-BODY', broken: ['post-advertised-not-working'] },
    { id: 'AS-CA-NO-URI-CREDS', broken: ['accept-uri-creds'] },
    { id: 'AS-CA-ONE-METHOD', broken: ['prefer-basic-over-body'] },
    { id: 'AS-CA-CLIENTID-WITH-BASIC', broken: ['ignore-body-client-id'] },
    { id: 'AS-CA-INVALID-CLIENT-401', broken: ['no-www-authenticate', 'invalid-client-400'] },
    { id: 'AS-CA-INVALID-CLIENT-BODY', broken: ['body-auth-wrong-error'] },
    { id: 'AS-CA-UNKNOWN-CLIENT', broken: ['unknown-client-invalid-grant', 'no-www-authenticate'] },
    { id: 'AS-CA-CONF-REQUIRED', broken: ['confidential-without-secret'] },
    { id: 'AS-CA-TLS', broken: ['http-token-endpoint'], conformant: 'skipped' },
    { id: 'AS-CA-TLS', broken: [], options: { allowInsecureLoopback: false }, conformant: 'failed' },
    { id: 'AS-CA-ASYMMETRIC', broken: ['no-asymmetric-auth'] },
    { id: 'AS-CA-BRUTE-FORCE', broken: ['no-throttling'] },
  ],
};

/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const PKCE_MATRIX: MatrixGroup = {
  name: 'PKCE (RFC 7636, RFC 9700 §2.1.1)',
  rows: [
    { id: 'AS-PKCE-DISCOVERABLE', broken: ['pkce-metadata-plain-only'] },
    { id: 'AS-PKCE-DISCOVERABLE', base: ['no-pkce-metadata'], broken: [], conformant: 'skipped' },
    { id: 'AS-PKCE-SUPPORT', broken: ['pkce-ignored'] },
    { id: 'AS-PKCE-S256', broken: ['pkce-s256-unsupported'] },
    { id: 'AS-PKCE-MISMATCH', broken: ['pkce-mismatch-invalid-request', 'pkce-ignored'] },
    { id: 'AS-PKCE-VERIFIER-REQUIRED', broken: ['pkce-verifier-optional'] },
    { id: 'AS-PKCE-DOWNGRADE', broken: ['pkce-downgrade-allowed'] },
    { id: 'AS-PKCE-METHOD-BOUND', broken: ['pkce-method-from-token-request'] },
    { id: 'AS-PKCE-PLAIN', broken: ['pkce-plain-broken'] },
    { id: 'AS-PKCE-PLAIN', base: ['pkce-plain-supported'], broken: [] },
    { id: 'AS-PKCE-DEFAULT-PLAIN', broken: ['pkce-default-s256'] },
    { id: 'AS-PKCE-DEFAULT-PLAIN', base: ['pkce-plain-supported'], broken: [] },
    { id: 'AS-PKCE-UNSUPPORTED-METHOD', broken: ['pkce-unknown-method-ignored'] },
    { id: 'AS-PKCE-REQUIRED-ERROR', broken: ['pkce-required-wrong-error', 'pkce-not-required-public'] },
    { id: 'AS-PKCE-PUBLIC-REJECT', broken: ['pkce-not-required-public'] },
    { id: 'AS-PKCE-FORMAT', broken: ['pkce-no-format-check'] },
    { id: 'AS-PKCE-CHALLENGE-OPAQUE', broken: ['code-embeds-challenge'] },
    { id: 'AS-PKCE-PLAIN-ACCEPTED', broken: ['pkce-plain-supported'] },
    { id: 'AS-PKCE-CONSTANT', broken: ['pkce-constant-accepted'] },
  ],
};

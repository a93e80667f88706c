/** Quirk matrix rows: each check passes on the conformant broken AS and fails with the quirks listed. */
import type { MatrixGroup } from '../../check-matrix.js';

export const INTROSPECTION_MATRIX: MatrixGroup = {
  name: 'token introspection (RFC 7662)',
  rows: [
    { id: 'AS-INT-AUTHZ-REQUIRED', broken: ['introspection-open'] },
    { id: 'AS-INT-REQUEST-FORMAT', broken: ['introspection-json-only'] },
    { id: 'AS-INT-ACTIVE-TRUE', broken: ['introspection-active-string'] },
    { id: 'AS-INT-INACTIVE-FALSE', broken: ['introspection-unknown-404', 'introspection-expired-active'] },
    { id: 'AS-INT-INACTIVE-MINIMAL', broken: ['introspection-inactive-details'] },
    { id: 'AS-INT-BAD-CREDS-401', broken: ['introspection-bad-creds-400'] },
    { id: 'AS-INT-MEMBER-TYPES', broken: ['introspection-exp-string'] },
    { id: 'AS-INT-HINT-FALLBACK', broken: ['introspection-hint-strict'] },
    { id: 'AS-INT-STATE-CHECKS', base: ['jwt-access-tokens'], broken: ['introspection-no-signature-check'] },
    { id: 'AS-INT-STATE-CHECKS', broken: [] },
    { id: 'AS-INT-SPECIFIC-AUTHZ', broken: ['introspection-any-client'] },
    { id: 'AS-INT-TLS', broken: ['http-introspection-endpoint'], conformant: 'skipped' },
    { id: 'AS-INT-NO-GET', broken: ['introspection-get-allowed'] },
  ],
};

import { checkMatrix } from '../../testing/check-matrix.js';

checkMatrix('token introspection (RFC 7662)', [
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
]);

checkMatrix('native apps (RFC 8252)', [
  { id: 'AS-NAT-LOOPBACK-PORT', broken: ['loopback-exact-port'] },
  { id: 'AS-NAT-LOOPBACK-ONLY-PORT', broken: ['loopback-any-path'] },
]);

checkMatrix('dynamic client registration (RFC 7591)', [
  { id: 'AS-DCR-REQUEST', broken: ['dcr-returns-200'] },
  { id: 'AS-DCR-RESPONSE', broken: ['dcr-no-secret-expires-at'] },
  { id: 'AS-DCR-ECHO', broken: ['dcr-no-echo'] },
  { id: 'AS-DCR-ERRORS', broken: ['dcr-accepts-bad-uri'] },
  { id: 'AS-DCR-NO-STORE', broken: ['dcr-no-cache-control'] },
  { id: 'AS-DCR-DEFAULT-AUTH', broken: ['dcr-default-post-only'] },
]);

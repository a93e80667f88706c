import { checkMatrix } from '../../testing/check-matrix.js';

checkMatrix('PKCE (RFC 7636, RFC 9700 §2.1.1)', [
  { id: 'AS-PKCE-DISCOVERABLE', broken: ['no-pkce-metadata'] },
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
]);

checkMatrix('issuer identification (RFC 9207)', [
  { id: 'AS-ISS-SUCCESS', broken: ['iss-with-query', 'no-iss'] },
  { id: 'AS-ISS-ERROR', broken: ['no-iss-on-error'] },
  { id: 'AS-ISS-FORMAT', broken: ['iss-with-query'], options: { allowInsecureLoopback: true } },
  { id: 'AS-ISS-METADATA', broken: ['iss-unadvertised', 'no-iss'] },
  { id: 'AS-ISS-IDTOKEN-MATCH', broken: ['idtoken-wrong-iss'] },
]);

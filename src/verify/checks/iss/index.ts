/** Issuer identification checks (RFC 9207), in plan order. */
import asIssError from './as-iss-error.js';
import asIssFormat from './as-iss-format.js';
import asIssIdtokenMatch from './as-iss-idtoken-match.js';
import asIssMetadata from './as-iss-metadata.js';
import asIssSuccess from './as-iss-success.js';

export const ISS_CHECKS = [asIssSuccess, asIssError, asIssFormat, asIssMetadata, asIssIdtokenMatch];

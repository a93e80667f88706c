/** Client credentials grant checks (RFC 6749 §4.4). */
import asCcConfOnly from './as-cc-conf-only.js';
import asCcNoRefresh from './as-cc-no-refresh.js';

export const CLIENT_CREDENTIALS_CHECKS = [asCcConfOnly, asCcNoRefresh];

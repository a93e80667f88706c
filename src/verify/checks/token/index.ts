/** Token endpoint (RFC 6749 §3.2, §5), token response (§5.1) and credential-entropy checks, in plan order. */
import asSecEntropy128 from './as-sec-entropy-128.js';
import asSecEntropy160 from './as-sec-entropy-160.js';
import asTokCors from './as-tok-cors.js';
import asTokEmptyParam from './as-tok-empty-param.js';
import asTokErrorCharset from './as-tok-error-charset.js';
import asTokErrorFormat from './as-tok-error-format.js';
import asTokFormBody from './as-tok-form-body.js';
import asTokIgnoreUnknown from './as-tok-ignore-unknown.js';
import asTokInvalidScope from './as-tok-invalid-scope.js';
import asTokMissingGrant from './as-tok-missing-grant.js';
import asTokNoRepeat from './as-tok-no-repeat.js';
import asTokPostOnly from './as-tok-post-only.js';
import asTokRopcDisabled from './as-tok-ropc-disabled.js';
import asTokUnauthorizedClient from './as-tok-unauthorized-client.js';
import asTokUnsupportedGrant from './as-tok-unsupported-grant.js';
import asTr200Json from './as-tr-200-json.js';
import asTrAccessToken from './as-tr-access-token.js';
import asTrAudience from './as-tr-audience.js';
import asTrExpiresInNumber from './as-tr-expires-in-number.js';
import asTrExpiresIn from './as-tr-expires-in.js';
import asTrNoDupMembers from './as-tr-no-dup-members.js';
import asTrNoStore from './as-tr-no-store.js';
import asTrPragma from './as-tr-pragma.js';
import asTrScopeIfDifferent from './as-tr-scope-if-different.js';
import asTrSenderConstrained from './as-tr-sender-constrained.js';
import asTrShortLived from './as-tr-short-lived.js';
import asTrTokenType from './as-tr-token-type.js';

export const TOKEN_ENDPOINT_CHECKS = [
  asTokPostOnly,
  asTokFormBody,
  asTokEmptyParam,
  asTokIgnoreUnknown,
  asTokNoRepeat,
  asTokMissingGrant,
  asTokUnsupportedGrant,
  asTokUnauthorizedClient,
  asTokInvalidScope,
  asTokErrorFormat,
  asTokErrorCharset,
  asTokCors,
  asTokRopcDisabled,
];

export const TOKEN_RESPONSE_CHECKS = [
  asTr200Json,
  asTrAccessToken,
  asTrTokenType,
  asTrExpiresIn,
  asTrExpiresInNumber,
  asTrScopeIfDifferent,
  asTrNoStore,
  asTrPragma,
  asTrNoDupMembers,
  asTrShortLived,
  asTrAudience,
  asTrSenderConstrained,
];

export const ENTROPY_CHECKS = [asSecEntropy128, asSecEntropy160];

/** OpenID Connect Discovery checks (OPs only), in plan order. */
import opDiscAuthSigningNone from './op-disc-auth-signing-none.js';
import opDiscCors from './op-disc-cors.js';
import opDiscHttps from './op-disc-https.js';
import opDiscIssuer from './op-disc-issuer.js';
import opDiscJwksNoPrivate from './op-disc-jwks-no-private.js';
import opDiscLocation from './op-disc-location.js';
import opDiscOpenidScope from './op-disc-openid-scope.js';
import opDiscRecommended from './op-disc-recommended.js';
import opDiscRequired from './op-disc-required.js';
import opDiscRs256 from './op-disc-rs256.js';
import opDiscZeroElements from './op-disc-zero-elements.js';

export const DISCOVERY_CHECKS = [
  opDiscLocation,
  opDiscZeroElements,
  opDiscIssuer,
  opDiscRequired,
  opDiscRs256,
  opDiscHttps,
  opDiscOpenidScope,
  opDiscJwksNoPrivate,
  opDiscAuthSigningNone,
  opDiscRecommended,
  opDiscCors,
];

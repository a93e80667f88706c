/** Authorization endpoint and redirect URI checks (RFC 6749 §3.1, §4.1; RFC 9700), in plan order. */
import asAzAccessDenied from './as-az-access-denied.js';
import asAzClickjacking from './as-az-clickjacking.js';
import asAzCodeResponse from './as-az-code-response.js';
import asAzCsrf from './as-az-csrf.js';
import asAzEmptyParam from './as-az-empty-param.js';
import asAzErrorCodes from './as-az-error-codes.js';
import asAzFragmentGuard from './as-az-fragment-guard.js';
import asAzGet from './as-az-get.js';
import asAzIgnoreUnknown from './as-az-ignore-unknown.js';
import asAzImplicitOffered from './as-az-implicit-offered.js';
import asAzInvalidClientNoRedirect from './as-az-invalid-client-no-redirect.js';
import asAzNo307 from './as-az-no-307.js';
import asAzNoCors from './as-az-no-cors.js';
import asAzNoErrorRedirectBeforeAuth from './as-az-no-error-redirect-before-auth.js';
import asAzNoRepeat from './as-az-no-repeat.js';
import asAzNoThirdParty from './as-az-no-third-party.js';
import asAzPost from './as-az-post.js';
import asAzRedirExact from './as-az-redir-exact.js';
import asAzRedirHttp from './as-az-redir-http.js';
import asAzRedirKeepQuery from './as-az-redir-keep-query.js';
import asAzRedirMulti from './as-az-redir-multi.js';
import asAzRedirNoAutoRedirect from './as-az-redir-no-auto-redirect.js';
import asAzRedirRegPublic from './as-az-redir-reg-public.js';
import asAzResponseType from './as-az-response-type.js';
import asAzRoAuthFirst from './as-az-ro-auth-first.js';
import asAzSanitize from './as-az-sanitize.js';
import asAzScopeOmitted from './as-az-scope-omitted.js';
import asAzStateOnError from './as-az-state-on-error.js';
import asAzTls from './as-az-tls.js';

export const AUTHORIZE_CHECKS = [
  asAzGet,
  asAzPost,
  asAzTls,
  asAzRoAuthFirst,
  asAzNoErrorRedirectBeforeAuth,
  asAzEmptyParam,
  asAzIgnoreUnknown,
  asAzNoRepeat,
  asAzResponseType,
  asAzRedirExact,
  asAzRedirNoAutoRedirect,
  asAzInvalidClientNoRedirect,
  asAzRedirMulti,
  asAzRedirKeepQuery,
  asAzRedirHttp,
  asAzRedirRegPublic,
  asAzCodeResponse,
  asAzStateOnError,
  asAzErrorCodes,
  asAzAccessDenied,
  asAzScopeOmitted,
  asAzClickjacking,
  asAzNo307,
  asAzNoCors,
  asAzNoThirdParty,
  asAzFragmentGuard,
  asAzCsrf,
  asAzSanitize,
  asAzImplicitOffered,
];

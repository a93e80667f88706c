/**
 * An error response of the token (or revocation) endpoint without the `error` member of
 * RFC 6749 §5.2: the provider puts its code elsewhere (HubSpot `status`, Strava
 * `message` and `errors[]`, Fitbit `errors[].errorType`). A client that reads `error`
 * reports an unknown failure instead of the provider's reason.
 */
import { responseFields } from '../observe/wire.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, failed, kindOf, quote } from './traffic.js';

/** Where non-RFC error bodies keep their code or message, in the order tried. */
function providerReason(f: Record<string, unknown>): { member: string; value: string } | undefined {
  for (const member of ['status', 'errorCode', 'code', 'message', 'error_message', 'detail']) {
    const v = f[member];
    if (typeof v === 'string' && v.trim()) return { member, value: v };
  }
  const first = Array.isArray(f.errors) ? (f.errors[0] as Record<string, unknown> | undefined) : undefined;
  for (const member of ['errorType', 'code', 'message']) {
    const v = first?.[member];
    if (typeof v === 'string' && v.trim()) return { member: `errors[0].${member}`, value: v };
  }
  return undefined;
}

export const errorBodyNotRfc: Diagnosis = {
  id: 'error-body-not-rfc',
  level: 'warning',
  title: 'The provider writes its errors in its own shape, without an error member',
  specRef: 'RFC 6749 §5.2',
  fix: [
    "Read the provider's error shape as well as RFC 6749's, so the user sees the provider's reason instead of an unknown error.",
  ],
  detect({ exchanges }) {
    const found: { e: (typeof exchanges)[number]; reason: { member: string; value: string } }[] = [];
    for (const e of exchanges) {
      const k = kindOf(e);
      if (k !== 'token' && k !== 'revocation' && k !== 'introspection') continue;
      const f = responseFields(e.response);
      if (!f || f.error !== undefined || (!failed(e) && f.ok !== false)) continue;
      const reason = providerReason(f);
      if (reason && (e.response.status >= 400 || f.ok === false)) found.push({ e, reason });
    }
    const last = found[found.length - 1];
    if (!last) return undefined;
    return {
      cause: `${describe(last.e)} answered an error without the error member of RFC 6749 §5.2; the provider's reason is in ${last.reason.member}: ${quote(last.reason.value)}. A client that looks for error sees an unexplained failure.`,
      evidence: found.map((x) => x.e.seq),
    };
  },
};

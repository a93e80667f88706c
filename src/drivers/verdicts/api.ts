/**
 * API calls: what the client does after a 401, and whether the Bearer value it sends is
 * one the provider issued (RFC 6750 §3.1, docs/behaviours.md §7).
 */
import { na, type VerdictDefinition } from './verdict.js';

export const retriedAfter401: VerdictDefinition = {
  id: 'retried-after-401',
  title: 'After 401 invalid_token the client refreshes once and retries the call once',
  specRef: 'RFC 6750 §3.1',
  judge(t) {
    const rejected = t.apiCalls.filter((c) => c.status === 401 && c.error === 'invalid_token' && c.bearer);
    const evidence: number[] = [];
    /** Calls that were the retry after a refresh: a 401 on them asks for no second refresh. */
    const retries = new Set<number>();
    let judged = 0;
    for (const r of rejected) {
      const sameStep = <T extends { seq: number; step: string | undefined }>(xs: T[]) => xs.filter((x) => x.seq > r.seq && x.step === r.step);
      const refreshes = sameStep(t.tokenCalls).filter((c) => c.grantType === 'refresh_token');
      if (retries.has(r.seq)) {
        // the retried call was refused too: a good client stops here (no refresh before its next call)
        const nextCall = sameStep(t.apiCalls)[0];
        const again = refreshes.filter((c) => !nextCall || c.seq < nextCall.seq);
        if (again.length && nextCall) return { outcome: 'fail', detail: 'the retried call was refused again and the client refreshed and retried once more: a retry loop', evidence: [r.seq, ...again.map((c) => c.seq), nextCall.seq] };
        evidence.push(r.seq);
        continue;
      }
      const held = r.issuedBy ? t.tokenCalls.some((c) => c.seq < r.seq && c.issued?.refreshToken && c.lineage === r.issuedBy!.lineage) : t.tokenCalls.some((c) => c.seq < r.seq && c.issued?.refreshToken);
      if (!held) continue;
      judged++;
      const retry = sameStep(t.apiCalls).find((c) => refreshes.length && c.seq > refreshes[0]!.seq && c.bearer !== r.bearer);
      if (!refreshes.length) return { outcome: 'fail', detail: 'the API answered 401 invalid_token and the client did not refresh', evidence: [r.seq] };
      if (refreshes.length > 2) return { outcome: 'fail', detail: `the client refreshed ${refreshes.length} times after one 401: a retry loop`, evidence: [r.seq, ...refreshes.map((c) => c.seq)] };
      if (!retry) return { outcome: 'fail', detail: 'the client refreshed after the 401 but did not retry the call', evidence: [r.seq, refreshes[0]!.seq] };
      retries.add(retry.seq);
      evidence.push(r.seq, refreshes[0]!.seq, retry.seq);
    }
    if (!judged) return na(rejected.length ? 'the client held no refresh token when the API answered 401' : 'the API never answered 401 invalid_token');
    const refusedAgain = rejected.filter((r) => retries.has(r.seq)).length;
    return { outcome: 'pass', detail: `refreshed and retried after 401${refusedAgain ? '; the retried call was refused again and the client stopped there' : ''}`, evidence: [...new Set(evidence)].sort((a, b) => a - b) };
  },
};

const PLACEHOLDERS = /^(none|null|undefined|nil|bearer|)$/i;

export const bearerTokenIssued: VerdictDefinition = {
  id: 'bearer-token-issued',
  title: 'The client only sends access tokens the provider issued to it',
  specRef: 'RFC 6750 §2.1',
  judge(t) {
    const withBearer = t.apiCalls.filter((c) => c.bearer !== undefined);
    if (!withBearer.length) return na('the client sent no Bearer token');
    const issued = new Set(t.tokenCalls.flatMap((c) => (c.issued ? [c.issued.accessToken] : [])));
    const bad = withBearer.filter((c) => !issued.has(c.bearer!));
    if (!bad.length) return { outcome: 'pass', detail: 'every Bearer token was issued by the provider', evidence: withBearer.map((c) => c.seq) };
    const v = bad[0]!.bearer!;
    // the value itself is not quoted: a placeholder such as "undefined" is swept by redaction anyway
    const shown = PLACEHOLDERS.test(v) ? `a ${v.length}-character placeholder word (None, null or the like), not a token` : `a ${v.length}-character value`;
    return { outcome: 'fail', detail: `the client sent as its Bearer token ${shown}, which the provider never issued`, evidence: bad.map((c) => c.seq) };
  },
};

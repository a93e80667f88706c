/**
 * Refreshing: when it was needed, whether the rotated refresh token was kept, and
 * whether the client stopped after `invalid_grant` (docs/behaviours.md §7, RFC 6749 §6,
 * RFC 9700 §4.14.2).
 */
import type { TokenCall } from './traffic.js';
import { na, stepsOf, type VerdictDefinition } from './verdict.js';

const isRefresh = (c: TokenCall) => c.grantType === 'refresh_token';

export const refreshed: VerdictDefinition = {
  id: 'refreshed',
  title: 'The client refreshes when asked to and when its access token has expired',
  specRef: 'RFC 6749 §6',
  judge(t, ctx) {
    const failures: string[] = [];
    const evidence: number[] = [];
    let met = 0;
    const hadRefreshBefore = (seq: number) => t.tokenCalls.some((c) => c.seq < seq && c.issued?.refreshToken);
    for (const step of stepsOf(ctx, 'refresh')) {
      const calls = t.tokenCalls.filter((c) => c.step === step && isRefresh(c));
      if (calls.length) {
        met++;
        evidence.push(...calls.map((c) => c.seq));
      } else if (t.tokenCalls.some((c) => c.issued?.refreshToken)) failures.push(`no refresh request in step "${step}"`);
    }
    for (const call of t.apiCalls) {
      const issue = [...t.tokenCalls].reverse().find((c) => c.seq < call.seq && c.issued && c.issued.accessToken === call.bearer);
      const expiresIn = issue?.issued?.expiresIn;
      if (!issue || expiresIn === undefined || issue.at + expiresIn * 1000 > call.at || !hadRefreshBefore(call.seq)) continue;
      const after = t.tokenCalls.find((c) => c.seq > call.seq && isRefresh(c) && c.step === call.step);
      if (after) {
        met++;
        evidence.push(call.seq, after.seq);
      } else failures.push('the API was called with an expired access token and the client did not refresh');
    }
    const proactive = t.tokenCalls.filter((c) => isRefresh(c) && !evidence.includes(c.seq));
    if (proactive.length) {
      met++;
      evidence.push(...proactive.map((c) => c.seq));
    }
    if (failures.length) return { outcome: 'fail', detail: failures[0]!, evidence };
    if (!met) return na('no refresh was needed');
    return { outcome: 'pass', detail: `${t.tokenCalls.filter(isRefresh).length} refresh request(s)`, evidence };
  },
};

export const rotatedRefreshTokenUsed: VerdictDefinition = {
  id: 'rotated-refresh-token-used',
  title: 'After a rotation the client stores and uses the new refresh token, never the old one',
  specRef: 'RFC 9700 §4.14.2',
  judge(t) {
    const superseded = new Set<string>();
    let current: string | undefined;
    let rotated = false;
    const good: number[] = [];
    for (const c of t.tokenCalls) {
      const used = c.params.get('refresh_token');
      if (isRefresh(c) && used) {
        if (superseded.has(used)) return { outcome: 'fail', detail: 'the client refreshed with a refresh token that a rotation had replaced', evidence: [c.seq] };
        if (rotated && used === current) good.push(c.seq);
      }
      const fresh = c.issued?.refreshToken;
      if (fresh && fresh !== current) {
        if (isRefresh(c) && used) {
          superseded.add(used);
          rotated = true;
        }
        current = fresh;
      }
    }
    if (!good.length) return na(rotated ? 'the client did not refresh again after the rotation' : 'the refresh token was never rotated');
    return { outcome: 'pass', detail: 'the client refreshed with the rotated refresh token', evidence: good };
  },
};

export const refreshTokenKept: VerdictDefinition = {
  id: 'refresh-token-kept',
  title: 'When a refresh response carries no new refresh token, the client keeps refreshing with the one it has',
  specRef: 'RFC 6749 §6',
  judge(t) {
    let held: string | undefined;
    let kept = false;
    const good: number[] = [];
    for (const c of t.tokenCalls) {
      if (isRefresh(c) && kept && held) {
        const used = c.params.get('refresh_token');
        if (used !== held) return { outcome: 'fail', detail: used ? 'the client refreshed with a refresh token it was never given' : 'the client lost its refresh token after a refresh that did not rotate it', evidence: [c.seq] };
        good.push(c.seq);
      }
      if (!c.issued) continue;
      if (c.issued.refreshToken) {
        held = c.issued.refreshToken;
        kept = false;
      } else if (isRefresh(c)) kept = true;
    }
    if (!good.length) return na('no refresh followed a refresh response without a new refresh token');
    return { outcome: 'pass', detail: 'the client kept its refresh token across refreshes', evidence: good };
  },
};

export const gaveUpOnInvalidGrant: VerdictDefinition = {
  id: 'gave-up-on-invalid-grant',
  title: 'After invalid_grant at refresh the client stops using that refresh token (no retry loop)',
  specRef: 'RFC 6749 §5.2',
  judge(t) {
    const refused = t.tokenCalls.filter((c) => isRefresh(c) && c.error === 'invalid_grant');
    if (!refused.length) return na('no refresh was refused');
    for (const r of refused) {
      const token = r.params.get('refresh_token');
      const again = t.tokenCalls.filter((c) => c.seq > r.seq && isRefresh(c) && c.params.get('refresh_token') === token);
      if (again.length) return { outcome: 'fail', detail: `the client sent the refused refresh token ${again.length} more time(s)`, evidence: [r.seq, ...again.map((c) => c.seq)] };
    }
    return { outcome: 'pass', detail: 'the refused refresh token was not sent again', evidence: refused.map((c) => c.seq) };
  },
};

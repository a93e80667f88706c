/**
 * Refreshing: when it was needed, whether the rotated refresh token was kept, and
 * whether the client stopped after `invalid_grant` (docs/behaviours.md §7, RFC 6749 §6,
 * RFC 9700 §4.14.2).
 */
import type { ClientTraffic, Lineage, TokenCall } from './traffic.js';
import { na, stepsOf, type VerdictDefinition } from './verdict.js';

const isRefresh = (c: TokenCall) => c.grantType === 'refresh_token';

/** Whether the client held a refresh token of `lineage` (or of any grant, when undefined) before `seq`. */
function heldRefreshBefore(t: ClientTraffic, seq: number, lineage?: Lineage): boolean {
  return t.tokenCalls.some((c) => c.seq < seq && c.issued?.refreshToken && (lineage === undefined || c.lineage === lineage));
}

/** A refused refresh the client caused (anything but `invalid_grant`, the provider no longer honouring the grant, or a server error). */
const refusedByClientFault = (c: TokenCall) => !c.issued && c.status >= 400 && c.status < 500 && c.error !== 'invalid_grant';
const refusal = (c: TokenCall) => `${c.status}${c.error ? ` ${c.error}` : ''}`;

export const refreshed: VerdictDefinition = {
  id: 'refreshed',
  title: 'The client refreshes when asked to and when its access token has expired',
  specRef: 'RFC 6749 §6',
  judge(t, ctx) {
    const failures: { detail: string; seq?: number }[] = [];
    const evidence: number[] = [];
    let met = 0;
    const order = new Map((ctx.steps ?? []).map((s, i) => [s.name, i]));
    for (const step of stepsOf(ctx, 'refresh')) {
      const calls = t.tokenCalls.filter((c) => c.step === step && isRefresh(c));
      const at = order.get(step)!;
      if (calls.some((c) => c.issued)) {
        met++;
        evidence.push(...calls.map((c) => c.seq));
      } else if (!calls.length && t.tokenCalls.some((c) => c.issued?.refreshToken && c.step !== undefined && (order.get(c.step) ?? Infinity) < at)) {
        failures.push({ detail: `no refresh request in step "${step}"` });
      }
    }
    // a refresh the provider refused because of what the client sent did not refresh anything
    for (const c of t.tokenCalls.filter((x) => isRefresh(x) && refusedByClientFault(x))) failures.push({ detail: `a refresh request was refused (${refusal(c)}): the client did not get a new access token`, seq: c.seq });
    const lastApiCallBefore = (seq: number) => [...t.apiCalls].reverse().find((c) => c.seq < seq);
    for (const call of t.apiCalls) {
      const issue = call.issuedBy;
      const expiresIn = issue?.issued?.expiresIn;
      if (!issue || expiresIn === undefined || issue.at + expiresIn * 1000 > call.at || !heldRefreshBefore(t, call.seq, issue.lineage)) continue;
      // the first use of a token fresh from a refresh: the client did refresh, the provider's new token was already expired
      const previous = lastApiCallBefore(call.seq);
      if (isRefresh(issue) && (!previous || previous.seq < issue.seq)) {
        met++;
        evidence.push(issue.seq, call.seq);
        continue;
      }
      const after = t.tokenCalls.find((c) => c.seq > call.seq && isRefresh(c) && c.step === call.step);
      if (after) {
        met++;
        evidence.push(call.seq, after.seq);
      } else failures.push({ detail: 'the API was called with an expired access token and the client did not refresh', seq: call.seq });
    }
    const proactive = t.tokenCalls.filter((c) => isRefresh(c) && c.issued && !evidence.includes(c.seq));
    if (proactive.length) {
      met++;
      evidence.push(...proactive.map((c) => c.seq));
    }
    if (failures.length) return { outcome: 'fail', detail: failures[0]!.detail, evidence: failures.flatMap((f) => (f.seq === undefined ? [] : [f.seq])) };
    const refreshes = t.tokenCalls.filter(isRefresh);
    if (!met) return na(refreshes.length ? `no refresh succeeded: the provider answered ${refreshes.map(refusal).join(', ')}` : 'no refresh was needed');
    const ok = refreshes.filter((c) => c.issued).length;
    return { outcome: 'pass', detail: `${ok} refresh request(s)${ok < refreshes.length ? `, ${refreshes.length - ok} refused with invalid_grant` : ''}`, evidence: [...new Set(evidence)].sort((a, b) => a - b) };
  },
};

export const rotatedRefreshTokenUsed: VerdictDefinition = {
  id: 'rotated-refresh-token-used',
  title: 'After a rotation the client stores and uses the new refresh token, never the old one',
  specRef: 'RFC 9700 §4.14.2',
  judge(t) {
    /** Each grant's newest refresh token, and the grants whose refresh token a rotation replaced. */
    const current = new Map<Lineage, string>();
    const rotated = new Set<Lineage>();
    const superseded = new Set<string>();
    const good: number[] = [];
    for (const c of t.tokenCalls) {
      const used = isRefresh(c) ? c.params.get('refresh_token') : null;
      if (used) {
        if (superseded.has(used)) return { outcome: 'fail', detail: 'the client refreshed with a refresh token that a rotation had replaced', evidence: [c.seq] };
        if (c.lineage !== undefined && rotated.has(c.lineage) && used === current.get(c.lineage)) good.push(c.seq);
      }
      const fresh = c.issued?.refreshToken;
      if (!fresh || c.lineage === undefined) continue;
      if (used && fresh !== used) {
        superseded.add(used);
        rotated.add(c.lineage);
      }
      current.set(c.lineage, fresh);
    }
    if (!good.length) return na(rotated.size ? 'the client did not refresh again with a grant whose refresh token was rotated' : 'the refresh token was never rotated');
    return { outcome: 'pass', detail: 'the client refreshed with the rotated refresh token', evidence: good };
  },
};

export const refreshTokenKept: VerdictDefinition = {
  id: 'refresh-token-kept',
  title: 'When a refresh response carries no new refresh token, the client keeps refreshing with the one it has',
  specRef: 'RFC 6749 §6',
  judge(t) {
    /** Per grant: the refresh token the client holds, and whether a refresh came back without a new one. */
    const held = new Map<Lineage, string>();
    const kept = new Set<Lineage>();
    const good: number[] = [];
    for (const c of t.tokenCalls) {
      if (isRefresh(c) && kept.size) {
        const used = c.params.get('refresh_token');
        if (!used) return { outcome: 'fail', detail: 'the client lost its refresh token after a refresh that did not rotate it', evidence: [c.seq] };
        if (c.lineage === undefined) return { outcome: 'fail', detail: 'the client refreshed with a refresh token it was never given', evidence: [c.seq] };
        if (kept.has(c.lineage) && used === held.get(c.lineage)) good.push(c.seq);
      }
      if (!c.issued || c.lineage === undefined) continue;
      if (c.issued.refreshToken) {
        held.set(c.lineage, c.issued.refreshToken);
        kept.delete(c.lineage);
      } else if (isRefresh(c)) kept.add(c.lineage);
    }
    if (!good.length) return na('no refresh followed a refresh response without a new refresh token');
    return { outcome: 'pass', detail: 'the client kept its refresh token across refreshes', evidence: good };
  },
};

const splitScope = (s: string | null | undefined) => (s ? s.split(/[\s,]+/).filter(Boolean) : []);

/** The scope a grant holds before `seq`: the last token response's `scope`, else (RFC 6749 §5.1: as requested) what that request asked for. */
function grantScopeBefore(t: ClientTraffic, lineage: Lineage, seq: number): string[] | undefined {
  for (const c of [...t.tokenCalls].reverse()) {
    if (c.seq >= seq || c.lineage !== lineage || !c.issued) continue;
    if (c.issued.scope !== undefined) return splitScope(c.issued.scope);
    if (c.params.get('scope') !== null) return splitScope(c.params.get('scope'));
    if (c.grantType === 'authorization_code') {
      const origin = t.codeOrigin.get(c.params.get('code') ?? '');
      return origin ? splitScope(origin.params.get('scope')) : undefined;
    }
  }
  return undefined;
}

export const refreshScopeWithinGrant: VerdictDefinition = {
  id: 'refresh-scope-within-grant',
  title: 'A refresh request asks for no scope beyond what the grant holds (or for none)',
  specRef: 'RFC 6749 §6',
  judge(t) {
    const refreshes = t.tokenCalls.filter(isRefresh);
    if (!refreshes.length) return na('the client sent no refresh request');
    const scoped = refreshes.filter((c) => c.params.get('scope') !== null);
    for (const c of scoped) {
      const granted = c.lineage === undefined ? undefined : grantScopeBefore(t, c.lineage, c.seq);
      const beyond = granted ? splitScope(c.params.get('scope')).filter((s) => !granted.includes(s)) : [];
      if (!beyond.length) continue;
      const refused = c.issued ? '' : `; the provider refused it (${refusal(c)})`;
      return { outcome: 'fail', detail: `a refresh asked for scope "${c.params.get('scope')}", beyond the grant's "${granted!.join(' ')}" (${beyond.join(', ')})${refused}`, evidence: [c.seq] };
    }
    return { outcome: 'pass', detail: scoped.length ? `${scoped.length} refresh request(s) asked only for scopes of the grant` : 'refresh requests carry no scope: the grant keeps its own', evidence: refreshes.map((c) => c.seq) };
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

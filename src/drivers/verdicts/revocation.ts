/**
 * Disconnecting: the client revokes the grant at the provider before it forgets the
 * tokens (docs/behaviours.md §8, RFC 7009 §2.1).
 */
import { na, type VerdictDefinition } from './verdict.js';

export const revokedOnDisconnect: VerdictDefinition = {
  id: 'revoked-on-disconnect',
  title: 'On disconnect the client revokes its refresh token (or its access token when it has none)',
  specRef: 'RFC 7009 §2.1',
  judge(t, ctx) {
    if (!ctx.provider.revocation) return na('the provider has no revocation endpoint');
    const order = new Map((ctx.steps ?? []).map((s, i) => [s.name, i]));
    const disconnects = (ctx.steps ?? []).filter((s) => s.action === 'disconnect');
    if (!disconnects.length) return na('the scenario has no disconnect step');
    const evidence: number[] = [];
    let judged = 0;
    for (const d of disconnects) {
      const at = order.get(d.name)!;
      // traffic before the first step (serve's admin API marks steps as they come) precedes them all
      const issued = t.tokenCalls.filter((c) => c.issued && (c.step === undefined ? -1 : (order.get(c.step) ?? Infinity)) < at);
      if (!issued.length) continue;
      judged++;
      const refresh = [...issued].reverse().find((c) => c.issued!.refreshToken)?.issued!.refreshToken;
      const sent = t.revocations.filter((r) => r.step === d.name);
      if (!sent.length) return { outcome: 'fail', detail: 'the client forgot its tokens without revoking them: the grant stays alive at the provider', evidence: issued.map((c) => c.seq) };
      if (refresh && !sent.some((r) => r.token === refresh)) {
        return { outcome: 'fail', detail: 'the client revoked only its access token: the refresh token and the grant stay alive', evidence: sent.map((r) => r.seq) };
      }
      evidence.push(...sent.map((r) => r.seq));
    }
    if (!judged) return na('the client held no tokens when it disconnected');
    return { outcome: 'pass', detail: 'revoked at the revocation endpoint on disconnect', evidence };
  },
};

/**
 * Where the client put its credentials, and how it sent the token request
 * (docs/behaviours.md §1, RFC 6749 §2.3.1, §3.2).
 */
import type { VerdictDefinition } from './verdict.js';

const WORDS: Record<string, string> = { basic: 'an HTTP Basic header', body: 'the request body', query: 'the query string', none: 'no place the provider reads (no Basic header, no client_secret in the body or query)', multiple: 'more than one place' };

export const credentialsPlacement: VerdictDefinition = {
  id: 'credentials-placement',
  title: 'The client sends its credentials in exactly one place the provider accepts',
  specRef: 'RFC 6749 §2.3.1',
  judge(t, ctx) {
    const calls = [...t.tokenCalls, ...t.revocations];
    if (!calls.length) return { outcome: 'not-applicable', detail: 'the client sent no token or revocation request' };
    const seen = [...new Set(calls.map((c) => c.placement))];
    const bad = calls.filter((c) => c.placement === 'multiple' || (c.placement === 'none' ? ctx.client.confidential : !ctx.provider.authMethods.includes(c.placement)));
    const accepted = ctx.provider.authMethods.map((m) => WORDS[m]).join(' or ');
    if (!bad.length) return { outcome: 'pass', detail: `credentials in ${seen.map((p) => WORDS[p]).join(', ')}`, evidence: calls.map((c) => c.seq) };
    const first = bad[0]!;
    return { outcome: 'fail', detail: `credentials sent in ${WORDS[first.placement]}; the provider accepts ${accepted}`, evidence: bad.map((c) => c.seq) };
  },
};

export const tokenRequestMethod: VerdictDefinition = {
  id: 'token-request-method',
  title: 'The client sends token requests with an HTTP method the token endpoint accepts',
  specRef: 'RFC 6749 §3.2',
  judge(t, ctx) {
    if (!t.tokenCalls.length) return { outcome: 'not-applicable', detail: 'the client sent no token request' };
    const bad = t.tokenCalls.filter((c) => !ctx.provider.tokenMethods.includes(c.method));
    const methods = [...new Set(t.tokenCalls.map((c) => c.method))].join(', ');
    if (!bad.length) return { outcome: 'pass', detail: `token requests sent with ${methods}`, evidence: t.tokenCalls.map((c) => c.seq) };
    return { outcome: 'fail', detail: `token request sent with ${bad[0]!.method}; the token endpoint accepts ${ctx.provider.tokenMethods.join(', ')} only`, evidence: bad.map((c) => c.seq) };
  },
};

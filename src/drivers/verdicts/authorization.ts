/**
 * The authorization request and the code exchange: `state`, PKCE, and the redirect URI
 * (RFC 6749 §4.1, §10.12, RFC 7636, RFC 9700 §2.1, §4.1.3).
 */
import { na, type VerdictDefinition } from './verdict.js';

/** RFC 6749 §10.10: at least 128 bits; 22 characters of base64url carry about that. */
const MIN_STATE_LENGTH = 22;

export const state: VerdictDefinition = {
  id: 'state',
  title: 'The client protects its callback against CSRF: an unguessable state, or PKCE (RFC 9700 §2.1)',
  specRef: 'RFC 6749 §10.12, RFC 9700 §2.1',
  judge(t) {
    if (!t.authorizations.length) return na('the client made no authorization request');
    const values = t.authorizations.map((a) => a.params.get('state'));
    const missing = t.authorizations.filter((a) => !a.params.get('state'));
    const pkce = (a: (typeof missing)[number]) => !!a.params.get('code_challenge') && a.params.get('code_challenge_method') === 'S256';
    const unprotected = missing.filter((a) => !pkce(a));
    if (unprotected.length) return { outcome: 'fail', detail: 'an authorization request carried neither state nor an S256 code_challenge', evidence: unprotected.map((a) => a.seq) };
    const sent = t.authorizations.filter((a) => a.params.get('state'));
    const short = sent.filter((a) => a.params.get('state')!.length < MIN_STATE_LENGTH);
    if (short.length) return { outcome: 'fail', detail: `state is ${short[0]!.params.get('state')!.length} characters: too short to be unguessable`, evidence: short.map((a) => a.seq) };
    const stated = values.filter((v): v is string => !!v);
    if (new Set(stated).size < stated.length) return { outcome: 'fail', detail: 'the same state was sent in two authorization requests', evidence: sent.map((a) => a.seq) };
    const detail = missing.length ? 'no state: relies on PKCE (S256) against CSRF, which RFC 9700 §2.1 allows' : `state sent in ${values.length} authorization request(s)`;
    return { outcome: 'pass', detail, evidence: t.authorizations.map((a) => a.seq) };
  },
};

export const stateChecked: VerdictDefinition = {
  id: 'state-checked',
  title: 'The client refuses a callback whose state it did not send',
  specRef: 'RFC 6749 §10.12',
  judge(t, ctx) {
    const tampered = (ctx.steps ?? []).filter((s) => s.action === 'connect' && s.tamper === 'state').map((s) => s.name);
    if (!tampered.length) return na('no callback was tampered with');
    const redeemed = t.tokenCalls.filter((c) => c.grantType === 'authorization_code' && c.step !== undefined && tampered.includes(c.step));
    if (redeemed.length) return { outcome: 'fail', detail: 'the client redeemed the code of a callback carrying a forged state', evidence: redeemed.map((c) => c.seq) };
    return { outcome: 'pass', detail: 'the client did not redeem the code of the forged callback' };
  },
};

export const pkceS256: VerdictDefinition = {
  id: 'pkce-s256',
  title: 'The client uses PKCE with S256 and sends the code_verifier with the code',
  specRef: 'RFC 9700 §2.1.1, RFC 7636 §4.2',
  judge(t) {
    if (!t.authorizations.length) return na('the client made no authorization request');
    for (const a of t.authorizations) {
      const method = a.params.get('code_challenge_method') ?? (a.params.get('code_challenge') ? 'plain' : undefined);
      if (!a.params.get('code_challenge')) return { outcome: 'fail', detail: 'an authorization request carried no code_challenge', evidence: [a.seq] };
      if (method !== 'S256') return { outcome: 'fail', detail: `code_challenge_method is ${method}, not S256`, evidence: [a.seq] };
    }
    const codeCalls = t.tokenCalls.filter((c) => c.grantType === 'authorization_code');
    const noVerifier = codeCalls.filter((c) => !c.params.get('code_verifier'));
    if (noVerifier.length) return { outcome: 'fail', detail: 'a code was redeemed without its code_verifier', evidence: noVerifier.map((c) => c.seq) };
    return { outcome: 'pass', detail: 'S256 code_challenge in every authorization request, code_verifier with every code', evidence: [...t.authorizations, ...codeCalls].map((c) => c.seq) };
  },
};

export const redirectUriRegistered: VerdictDefinition = {
  id: 'redirect-uri-registered',
  title: 'The client asks for a redirect URI that exactly matches a registered one',
  specRef: 'RFC 9700 §4.1.3',
  judge(t, ctx) {
    if (!t.authorizations.length) return na('the client made no authorization request');
    for (const a of t.authorizations) {
      const uri = a.params.get('redirect_uri');
      if (uri === null && ctx.client.redirect_uris.length !== 1) return { outcome: 'fail', detail: `no redirect_uri although ${ctx.client.redirect_uris.length} are registered`, evidence: [a.seq] };
      if (uri !== null && !ctx.client.redirect_uris.includes(uri)) return { outcome: 'fail', detail: `redirect_uri ${uri} is not registered (registered: ${ctx.client.redirect_uris.join(', ')})`, evidence: [a.seq] };
    }
    return { outcome: 'pass', detail: `redirect_uri ${t.authorizations[0]!.params.get('redirect_uri') ?? '(omitted, one registered)'}`, evidence: t.authorizations.map((a) => a.seq) };
  },
};

export const redirectUriRepeated: VerdictDefinition = {
  id: 'redirect-uri-repeated',
  title: 'The client repeats the redirect URI of the authorization request at the token endpoint',
  specRef: 'RFC 6749 §4.1.3',
  judge(t) {
    const codeCalls = t.tokenCalls.filter((c) => c.grantType === 'authorization_code');
    if (!codeCalls.length) return na('the client redeemed no authorization code');
    for (const c of codeCalls) {
      const origin = t.codeOrigin.get(c.params.get('code') ?? '');
      const asked = origin?.params.get('redirect_uri');
      if (!origin || asked === null || asked === undefined) continue;
      const sent = c.params.get('redirect_uri');
      if (sent !== asked) return { outcome: 'fail', detail: sent === null ? `no redirect_uri at the token endpoint (the authorization request had ${asked})` : `redirect_uri ${sent} differs from ${asked} in the authorization request`, evidence: [origin.seq, c.seq] };
    }
    return { outcome: 'pass', detail: 'the same redirect_uri at the token endpoint', evidence: codeCalls.map((c) => c.seq) };
  },
};


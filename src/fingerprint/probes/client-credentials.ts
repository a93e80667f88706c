/**
 * The token response and scopes, through the client-credentials grant (RFC 6749 §4.4),
 * which needs no user: a token asking for JSON and one asking for anything (a provider
 * that answers form-encoded unless asked for JSON, as GitHub does, shows it), when that
 * token really expires (a lifetime its response leaves unsaid, a clock skew), a request
 * without `scope` (the default scope, RFC 6749 §3.3), one adding a scope nobody
 * registered (refused with `invalid_scope`, or narrowed), and two configured scopes
 * joined with a comma (read as two scopes only by a comma-delimited provider).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
import { answer, bogus, errorIn, fieldsOf, header, type FingerprintProbe } from '../probe.js';
import { readRealExpiry } from '../expiry.js';
import { lifetimeOf, readTokenShape } from '../token-shape.js';

export const clientCredentialsProbe: FingerprintProbe = {
  id: 'client-credentials',
  sends: 'client-credentials token requests: with the configured scopes (once accepting JSON, once anything), an introspection of that token (unless it is a JWT), without scope, with an unregistered scope added, with two scopes joined by a comma',
  requests: 6,
  infers: ['tokenResponse.format', 'tokenResponse.tokenType', 'tokenResponse.expiresIn', 'lifetimes.clockSkew', 'tokenResponse.noStore', 'tokenResponse.accessTokenFormat', 'tokenResponse.extraFields', 'lifetimes.clientCredentialsToken', 'refresh.forClientCredentials', 'scopes.defaultScopes', 'scopes.onUnregistered', 'scopes.delimiter'],
  async run(s) {
    const f = s.findings;
    const auth = s.facts.auth;
    if (!auth) return f.unknown('client credentials', 'no client authentication worked');
    const scopes = s.facts.scopes;
    const withScope = (list: string[], join = ' '): [string, string][] => [['grant_type', 'client_credentials'], ...(list.length ? [['scope', list.join(join)] as [string, string]] : [])];
    const json = await s.token(withScope(scopes), auth, { headers: { accept: 'application/json' } });
    const receivedAt = Date.now();
    if (json.res.status !== 200 || !fieldsOf(json.res).access_token) {
      s.facts.clientCredentials = false;
      return f.unknown('client credentials', `the client may not use client_credentials: ${answer(json.res)} (${s.ref(json.res)}); the token response is read from a login instead`);
    }
    s.facts.clientCredentials = true;
    const any = await s.token(withScope(scopes), auth, { headers: { accept: '*/*' } });
    const type = (r: typeof json) => (header(r.res, 'content-type') ?? '').toLowerCase();
    const kind = (t: string) => (t.includes('json') ? 'json' : t.includes('x-www-form-urlencoded') ? 'form' : t.includes('text/plain') ? 'text' : 'other');
    const [a, b] = [kind(type(json)), kind(type(any))];
    const format = a === 'json' && b === 'json' ? 'json' : a === 'json' && b === 'form' ? 'form-unless-accept-json' : a === 'form' ? 'form' : a === 'text' ? 'text-plain-form' : undefined;
    if (format) f.set(['tokenResponse', 'format'], format, `Accept: application/json got ${type(json) || 'no content type'} (${s.ref(json.res)}), Accept: */* got ${type(any) || 'no content type'} (${s.ref(any.res)})`);
    else f.unknown('tokenResponse.format', `token responses of type ${type(json)} (${s.ref(json.res)})`);
    const body = readTokenShape(s, json.res, scopes);
    await readRealExpiry(s, json.res, receivedAt, 'clientCredentialsToken');
    const life = lifetimeOf(body);
    if (life !== undefined) f.set(['lifetimes', 'clientCredentialsToken'], life, `the client-credentials token lives ${life} s (${s.ref(json.res)})`);
    else f.set(['lifetimes', 'clientCredentialsToken'], null, `no lifetime on the client-credentials token (${s.ref(json.res)})`, 'a token that expires without saying when looks the same until it does: any lifetime is consistent', (v) => v === null || typeof v === 'number');
    f.set(['refresh', 'forClientCredentials'], typeof body.refresh_token === 'string', `the client-credentials response ${typeof body.refresh_token === 'string' ? 'carries' : 'has no'} refresh token (${s.ref(json.res)})`);

    // no scope: the default scope (RFC 6749 §3.3)
    const none = await s.token(withScope([]), auth);
    const noneBody = fieldsOf(none.res);
    if (none.res.status === 200 && typeof noneBody.scope === 'string') {
      const granted = noneBody.scope.split(/[ ,]+/).filter(Boolean);
      f.set(['scopes', 'defaultScopes'], granted, `a request without scope was granted [${granted.join(' ')}] (${s.ref(none.res)})`);
      s.facts.scopeSeen.push({ seq: none.res.seq, returned: true, differs: granted.length > 0 });
    } else if (none.res.status === 200) {
      s.facts.scopeSeen.push({ seq: none.res.seq, returned: false, differs: undefined });
      s.facts.noScopeAbsent = none.res.seq;
    } else f.unknown('scopes.defaultScopes', `a request without scope was refused: ${answer(none.res)} (${s.ref(none.res)})`);

    // a scope nobody registered, next to a registered one
    if (scopes.length) {
      const unregistered = bogus('scope');
      const r = await s.token(withScope([scopes[0]!, unregistered]), auth);
      const err = errorIn(r.res);
      if (err?.code === 'invalid_scope') f.set(['scopes', 'onUnregistered'], 'reject', `a request adding ${unregistered} was refused: ${answer(r.res)} (${s.ref(r.res)})`);
      else if (r.res.status === 200 && fieldsOf(r.res).access_token) {
        f.set(['scopes', 'onUnregistered'], 'narrow', `a request adding ${unregistered} was granted without it (${s.ref(r.res)})`);
        s.facts.scopeDiffered = true;
        const got = fieldsOf(r.res).scope;
        s.facts.scopeSeen.push({ seq: r.res.seq, returned: typeof got === 'string', differs: true });
      } else f.unknown('scopes.onUnregistered', `a request adding an unregistered scope: ${answer(r.res)} (${s.ref(r.res)})`);
    }

    // the delimiter: two registered scopes joined by a comma
    const written = typeof body.scope === 'string' ? body.scope : '';
    if (scopes.length >= 2) {
      const r = await s.token(withScope(scopes.slice(0, 2), ','), auth);
      const got = fieldsOf(r.res);
      const granted = typeof got.scope === 'string' ? got.scope.split(/[ ,]+/) : undefined;
      if (r.res.status === 200 && got.access_token && (granted === undefined || scopes.slice(0, 2).every((x) => granted.includes(x)))) {
        f.set(['scopes', 'delimiter'], ',', `"${scopes.slice(0, 2).join(',')}" was granted as two scopes (${s.ref(r.res)})${written ? `; the response wrote "${written}"` : ''}`);
      } else f.set(['scopes', 'delimiter'], ' ', `"${scopes.slice(0, 2).join(',')}" was not read as two scopes: ${answer(r.res)} (${s.ref(r.res)})`);
    } else if (/ /.test(written)) f.set(['scopes', 'delimiter'], ' ', `the response lists scopes separated by spaces (${s.ref(json.res)})`);
    else if (/,/.test(written)) f.set(['scopes', 'delimiter'], ',', `the response lists scopes separated by commas (${s.ref(json.res)})`);
  },
};

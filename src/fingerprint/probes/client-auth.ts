/**
 * Client authentication at the token endpoint (RFC 6749 §2.3.1, §3.2, §5.2), probed with
 * code exchanges of a code that does not exist: a provider that accepts the client's
 * credentials goes on to refuse the code (`invalid_grant`), one that does not refuses
 * the client (`invalid_client`). Nothing is issued; no real code is spent.
 *
 * Placements tried: an HTTP Basic header, the form body, a GET with everything in the
 * query (Facebook), credentials in the URL of a POST; then a wrong secret (the status
 * of `invalid_client`), both placements at once (RFC 6749 §2.3: "MUST NOT use more than
 * one"), and a Basic header whose secret is percent-encoded where it need not be (a
 * provider that form-decodes Basic credentials accepts it, one that compares them raw
 * does not).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
import { errorShapeOf } from '../../import/error-shape.js';
import { formEncode } from '../../http/form.js';
import type { ProbeResponse } from '../../verify/probe.js';
import { answer, authRefused, bogus, errorIn, fieldsOf, type FingerprintProbe } from '../probe.js';
import type { Session } from '../session.js';

function codeExchange(s: Session): [string, string][] {
  const redirect = s.ctx.clients.primary.redirect_uri;
  return [['grant_type', 'authorization_code'], ['code', bogus('code')], ...(redirect ? [['redirect_uri', redirect] as [string, string]] : [])];
}

/**
 * The token endpoint refused the request method itself: RFC 9110 405, an error that says
 * so, or an answer that is no OAuth answer at all (a 404 or a bare 401 for a route that
 * exists only for POST: oidc-provider, Glewlwyd). A GET the endpoint processed gets an
 * OAuth error for the made-up code or the client (RFC 6749 §5.2), or a token.
 */
function methodRefused(res: ProbeResponse): boolean {
  if (res.status === 405 || /only (?:accepts? )?post|accepts? post only|method not allowed|accepts POST/i.test(errorIn(res)?.text ?? '')) return true;
  return res.status >= 400 && errorIn(res)?.code === undefined;
}

export const clientAuthProbe: FingerprintProbe = {
  id: 'client-auth',
  sends: 'code exchanges of a made-up code: with Basic (and with client_id beside it, if Basic alone is refused for lacking it), with body credentials, as a GET, with credentials in the URL; then a wrong secret, both placements at once, a percent-encoded Basic secret',
  requests: 8,
  infers: ['clientAuth.methods', 'clientAuth.invalidClientStatus', 'clientAuth.rejectMultiple', 'clientAuth.basicEncoding', 'clientAuth.requireClientIdInBody', 'tokenEndpoint.methods', 'errors.style', 'errors.shape', 'errors.status'],
  async run(s) {
    const f = s.findings;
    const client = s.ctx.clients.primary;
    const secret = client.client_secret ?? '';
    let basic = await s.token(codeExchange(s), 'basic');
    // a provider that wants client_id in the body beside a Basic header (Atlassian, HubSpot; RFC 6749 §3.2.1 asks it only of unauthenticated clients)
    const wantsId = errorIn(basic.res);
    if (wantsId && wantsId.code !== 'invalid_grant' && /client_id/i.test(wantsId.text)) {
      const withId = await s.token([...codeExchange(s), ['client_id', client.client_id]], 'basic');
      const again = errorIn(withId.res);
      if (!authRefused(withId.res) && !(again && again.code !== 'invalid_grant' && /client_id/i.test(again.text))) {
        f.set(['clientAuth', 'requireClientIdInBody'], true, `Basic alone was refused: ${answer(basic.res)} (${s.ref(basic.res)}); Basic with client_id in the body was not: ${answer(withId.res)} (${s.ref(withId.res)})`);
        s.facts.clientIdInBody = true;
        basic = withId;
      }
    }
    const body = await s.token(codeExchange(s), 'post');
    const get = await s.token([...codeExchange(s), ['client_id', client.client_id], ['client_secret', secret]], 'omit', { method: 'GET' });
    const methods: string[] = [];
    const ev: string[] = [];
    for (const [m, r] of [['client_secret_basic', basic], ['client_secret_post', body]] as const) {
      const refused = authRefused(r.res);
      if (!refused) methods.push(m);
      ev.push(`${m}: ${answer(r.res)} (${s.ref(r.res)})`);
    }
    const getRefused = methodRefused(get.res);
    f.set(['tokenEndpoint', 'methods'], getRefused ? ['POST'] : ['GET', 'POST'], getRefused ? `a GET token request was refused: ${answer(get.res)} (${s.ref(get.res)})` : `a GET token request was processed: ${answer(get.res)} (${s.ref(get.res)})`);
    let query: ProbeResponse = get.res;
    if (getRefused) {
      // credentials in the URL of a POST (RFC 6749 §2.3.1 forbids them there)
      const url = new URL(s.ctx.endpoint('token_endpoint'));
      url.searchParams.set('client_id', client.client_id);
      url.searchParams.set('client_secret', secret);
      query = (await s.token(codeExchange(s), 'omit', { url: url.href })).res;
    }
    if (!authRefused(query) && !methodRefused(query)) methods.push('client_secret_query');
    ev.push(`credentials in the query: ${answer(query)} (${s.ref(query)})`);
    if (methods.length) f.set(['clientAuth', 'methods'], methods, ev.join('; '));
    else f.unknown('clientAuth.methods', `every placement was refused (${ev.join('; ')}): check the client id and secret`);
    s.facts.auth = methods.includes('client_secret_basic') ? 'basic' : methods.includes('client_secret_post') ? 'post' : undefined;
    if (methods.includes('client_secret_basic') && !s.facts.clientIdInBody) f.set(['clientAuth', 'requireClientIdInBody'], false, `Basic without client_id in the body was accepted: ${answer(basic.res)} (${s.ref(basic.res)})`);

    // the status of invalid_client for credentials outside a Basic header (RFC 6749 §5.2: 400 or 401)
    let wrong: ProbeResponse | undefined = authRefused(body.res) ? body.res : undefined;
    if (!wrong && secret) {
      const r = await s.send({ method: 'POST', url: s.ctx.endpoint('token_endpoint'), endpoint: 'token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams([...codeExchange(s), ['client_id', client.client_id], ['client_secret', `${secret}-wrong`]]).toString() });
      if (authRefused(r)) wrong = r;
    }
    readErrors(s, [basic.res, body.res, ...(wrong ? [wrong] : [])].filter((r, i, all) => errorIn(r) && all.indexOf(r) === i));
    if (s.findings.has(['errors', 'status']) && s.findings.get(['errors', 'status']) !== null) f.unknown('clientAuth.invalidClientStatus', 'every error comes with one status (errors.status): the status of invalid_client says nothing');
    else if (wrong && (wrong.status === 400 || wrong.status === 401)) f.set(['clientAuth', 'invalidClientStatus'], wrong.status, `failed authentication outside a Basic header: ${answer(wrong)} (${s.ref(wrong)})`);
    else if (wrong) f.unknown('clientAuth.invalidClientStatus', `a failed authentication answered HTTP ${wrong.status} (${s.ref(wrong)}): the status says nothing`);

    // both placements at once
    if (secret) {
      const both = await s.token([...codeExchange(s), ['client_id', client.client_id], ['client_secret', secret]], 'basic');
      const err = errorIn(both.res);
      if (!err || err.code === 'invalid_grant') f.set(['clientAuth', 'rejectMultiple'], false, `Basic and body credentials together were accepted: ${answer(both.res)} (${s.ref(both.res)})`);
      else if (err.code === 'invalid_request' || /more than one|multiple/i.test(err.text)) f.set(['clientAuth', 'rejectMultiple'], true, `Basic and body credentials together were refused: ${answer(both.res)} (${s.ref(both.res)})`);
      else if (err.code === 'invalid_client' && !(methods.includes('client_secret_basic') && methods.includes('client_secret_post'))) {
        // one of the two placements is not accepted: the provider read that one and refused it, rather than refusing two
        f.set(['clientAuth', 'rejectMultiple'], false, `Basic and body credentials together got invalid_client, as the placement it does not accept gets alone: ${answer(both.res)} (${s.ref(both.res)})`, 'a provider that refuses two placements with a plain invalid_client looks the same');
      }
      else f.unknown('clientAuth.rejectMultiple', `Basic and body credentials together: ${answer(both.res)} (${s.ref(both.res)}), which does not say why`);
    }

    // form-decoding of Basic credentials: the secret's first character percent-encoded
    if (methods.includes('client_secret_basic') && secret) {
      const escaped = `%${secret.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}${formEncode(secret.slice(1))}`;
      const r = await s.send({
        method: 'POST',
        url: s.ctx.endpoint('token_endpoint'),
        endpoint: 'token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${formEncode(client.client_id)}:${escaped}`).toString('base64')}` },
        body: new URLSearchParams([...codeExchange(s), ...(s.facts.clientIdInBody ? [['client_id', client.client_id] as [string, string]] : [])]).toString(),
      });
      f.set(['clientAuth', 'basicEncoding'], authRefused(r) ? 'raw' : 'form-urlencoded', `a Basic secret with a percent-encoded first character was ${authRefused(r) ? 'refused' : 'accepted'}: ${answer(r)} (${s.ref(r)})`);
    }
  },
};

/**
 * The error style, shape and status (RFC 6749 §5.2) from the refusals the probe got: a
 * made-up code (`invalid_grant`) and the client's credentials (`invalid_client`).
 */
function readErrors(s: Session, refusals: ProbeResponse[]): void {
  const f = s.findings;
  const first = refusals[0];
  if (!first) return;
  const statuses = [...new Set(refusals.map((r) => r.status))];
  const one = statuses.length === 1 ? statuses[0]! : undefined;
  const seen = `${refusals.map((r) => `${answer(r)} (${s.ref(r)})`).join('; ')}`;
  s.facts.errorsWith200 = one === 200;
  const shaped = refusals
    .map((r) => ({ r, shape: r.json && typeof r.json === 'object' && !Array.isArray(r.json) ? errorShapeOf(r.json as Record<string, unknown>) : undefined }))
    .find((x) => x.shape);
  if (shaped) {
    f.set(['errors', 'shape'], shaped.shape, `errors in the provider's own shape, not RFC 6749 §5.2's: ${JSON.stringify(shaped.r.json).slice(0, 160)} (${s.ref(shaped.r)}); the code's member is {error}, the descriptive text {error_description}`);
  } else {
    f.set(['errors', 'shape'], null, `RFC 6749 §5.2 error bodies (or Facebook's): ${seen}`);
    const shape = fieldsOf(first).error;
    const style = first.status === 200 ? 'github' : shape && typeof shape === 'object' ? 'facebook' : 'rfc';
    f.set(['errors', 'style'], style, `${style === 'github' ? 'an error with HTTP 200' : style === 'facebook' ? 'an error shaped {error: {message, type, code}}' : 'an RFC 6749 §5.2 error'}: ${answer(first)} (${s.ref(first)})`);
    if (style === 'facebook') return;
    if (style === 'github') return f.set(['errors', 'status'], null, `errors with HTTP 200 (${seen}), as the github style writes them`, undefined, (v) => v === null || v === 200);
  }
  const codes = new Set(refusals.map((r) => errorIn(r)?.code));
  // one status for errors that RFC 6749 §5.2 answers differently, or a status it never uses
  if (one !== undefined && (one < 400 || ![400, 401].includes(one) || (codes.size > 1 && one !== 400))) {
    f.set(['errors', 'status'], one, `every error came with HTTP ${one}: ${seen}`);
  } else {
    f.set(['errors', 'status'], null, `errors with the status of each error: ${seen}`, one === undefined ? undefined : `a provider answering every error with HTTP ${one} looks the same`, (v) => v === null || v === one);
  }
}

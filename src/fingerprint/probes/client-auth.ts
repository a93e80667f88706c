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
import { formEncode } from '../../http/form.js';
import type { ProbeResponse } from '../../verify/probe.js';
import { answer, authRefused, bogus, errorIn, fieldsOf, type FingerprintProbe } from '../probe.js';
import type { Session } from '../session.js';

function codeExchange(s: Session): [string, string][] {
  const redirect = s.ctx.clients.primary.redirect_uri;
  return [['grant_type', 'authorization_code'], ['code', bogus('code')], ...(redirect ? [['redirect_uri', redirect] as [string, string]] : [])];
}

/** The token endpoint refused the request method itself (RFC 9110 405, or an error that says so). */
function methodRefused(res: ProbeResponse): boolean {
  return res.status === 405 || /only (?:accepts? )?post|accepts? post only|method not allowed|accepts POST/i.test(errorIn(res)?.text ?? '');
}

export const clientAuthProbe: FingerprintProbe = {
  id: 'client-auth',
  sends: 'code exchanges of a made-up code: with Basic, with body credentials, as a GET, with credentials in the URL; then a wrong secret, both placements at once, a percent-encoded Basic secret',
  requests: 7,
  infers: ['clientAuth.methods', 'clientAuth.invalidClientStatus', 'clientAuth.rejectMultiple', 'clientAuth.basicEncoding', 'tokenEndpoint.methods', 'errors.style'],
  async run(s) {
    const f = s.findings;
    const client = s.ctx.clients.primary;
    const secret = client.client_secret ?? '';
    const basic = await s.token(codeExchange(s), 'basic');
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

    // error shapes, from whatever refused the made-up code or the client
    const refusal = [basic.res, body.res].find((r) => errorIn(r));
    if (refusal) {
      const shape = fieldsOf(refusal).error;
      s.facts.errorsWith200 = refusal.status === 200;
      const style = refusal.status === 200 ? 'github' : shape && typeof shape === 'object' ? 'facebook' : 'rfc';
      f.set(['errors', 'style'], style, `${style === 'github' ? 'an error with HTTP 200' : style === 'facebook' ? 'an error shaped {error: {message, type, code}}' : 'an RFC 6749 §5.2 error'}: ${answer(refusal)} (${s.ref(refusal)})`);
    }

    // the status of invalid_client for credentials outside a Basic header (RFC 6749 §5.2: 400 or 401)
    let wrong: ProbeResponse | undefined = authRefused(body.res) ? body.res : undefined;
    if (!wrong && secret) {
      const r = await s.send({ method: 'POST', url: s.ctx.endpoint('token_endpoint'), endpoint: 'token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams([...codeExchange(s), ['client_id', client.client_id], ['client_secret', `${secret}-wrong`]]).toString() });
      if (authRefused(r)) wrong = r;
    }
    if (wrong && (wrong.status === 400 || wrong.status === 401)) f.set(['clientAuth', 'invalidClientStatus'], wrong.status, `failed authentication outside a Basic header: ${answer(wrong)} (${s.ref(wrong)})`);
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
        body: new URLSearchParams(codeExchange(s)).toString(),
      });
      f.set(['clientAuth', 'basicEncoding'], authRefused(r) ? 'raw' : 'form-urlencoded', `a Basic secret with a percent-encoded first character was ${authRefused(r) ? 'refused' : 'accepted'}: ${answer(r)} (${s.ref(r)})`);
    }
  },
};

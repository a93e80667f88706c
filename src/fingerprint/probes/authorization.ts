/**
 * The authorization endpoint as a fresh browser meets it, without logging in (RFC 6749
 * §3.1, §4.1.2.1): a request with an unsupported `response_type` (redirected back with
 * an error at once, or only after a login as RFC 9700 §4.11.2 asks), the configured
 * redirect URI with a subdirectory appended (GitHub's prefix matching) and, for a
 * loopback one, on another port (RFC 8252 §7.3), a request without PKCE (refused at
 * once when PKCE is required), and the login page itself (can the user untick scopes).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.11.2
 */
import { buildAuthorization } from '../../verify/flows/authorize.js';
import { land, type Landing } from '../../verify/flows/landing.js';
import { isLoopbackHost } from '../../verify/context.js';
import type { FingerprintProbe } from '../probe.js';
import type { Session } from '../session.js';
import { controlsNamed } from '../../user-agent/html.js';

function describeLanding(s: Session, l: Landing): string {
  const last = l.hops[l.hops.length - 1];
  const at = last ? ` (${s.ref(last)})` : '';
  if (l.redirect) {
    const err = new URL(l.redirect.url).searchParams.get('error');
    return `${err ? `redirected back with error=${err}` : 'redirected back'}${at}`;
  }
  return `${l.loginPage ? 'the login page' : `a page with HTTP ${l.page?.status ?? '?'}`}${at}`;
}

/** The request was accepted: the login page shown (or a redirect back without an error). */
const accepted = (l: Landing) => l.loginPage || (!!l.redirect && !new URL(l.redirect.url).searchParams.has('error'));
/** The request was refused without a redirect: an error page. */
const refusedHere = (l: Landing) => !l.redirect && !l.loginPage;

export const authorizationProbe: FingerprintProbe = {
  id: 'authorization',
  sends: 'GETs of the authorization endpoint without logging in: an unsupported response_type, the redirect URI with a subdirectory and on another port, a request without PKCE, a valid request',
  requests: 10,
  infers: ['authorize.errorsAfterLogin', 'redirectUri.matching', 'pkce.required', 'scopes.userCanDeny'],
  async run(s) {
    const f = s.findings;
    const ctx = s.ctx;
    const redirect = ctx.clients.primary.redirect_uri;
    if (!redirect) return f.unknown('authorization endpoint', 'no redirect URI configured (--redirect-uri): the authorization endpoint was not probed');
    const scope = s.config.scopes.default ?? s.facts.scopes[0] ?? null;
    const go = (o: Parameters<typeof buildAuthorization>[1]) => land(ctx, buildAuthorization(ctx, { scope, ...o }).url, { redirectUri: o?.redirectUri ?? redirect });

    const valid = await go({});
    if (!valid.loginPage) return f.unknown('authorization endpoint', `a valid authorization request did not show a login page: ${describeLanding(s, valid)}`);
    const page = valid.page?.text ?? '';
    const boxes = controlsNamed(page, 'scope').filter((c) => c.tag === 'input');
    if (boxes.length) {
      const free = boxes.some((b) => b.type === 'checkbox' && b.attrs.disabled === undefined);
      f.set(['scopes', 'userCanDeny'], free, `the consent form ${free ? 'lets the user untick scopes' : 'shows the scopes without letting the user untick them'} (${s.ref(valid.page!)})`);
    } else f.unknown('scopes.userCanDeny', 'the login page has no scope checkboxes: whether the user may grant only some scopes is not visible');

    const bad = await go({ responseType: 'oauth_harness_probe' });
    if (bad.redirect) {
      s.facts.errorsBeforeLogin = true;
      f.set(['authorize', 'errorsAfterLogin'], false, `an unsupported response_type was ${describeLanding(s, bad)} before any login`);
    } else if (bad.loginPage) f.set(['authorize', 'errorsAfterLogin'], true, `an unsupported response_type got the login page first (${describeLanding(s, bad)}), as RFC 9700 §4.11.2 asks`);
    else f.unknown('authorize.errorsAfterLogin', `an unsupported response_type got ${describeLanding(s, bad)}`);

    // redirect URI matching: a subdirectory (prefix), another loopback port (RFC 8252 §7.3)
    const sub = await go({ redirectUri: `${redirect.replace(/\/$/, '')}/oauth-harness-probe` });
    const u = new URL(redirect);
    let port: Landing | undefined;
    if (isLoopbackHost(u.hostname)) {
      const other = new URL(redirect);
      other.port = String(Number(u.port || (u.protocol === 'https:' ? 443 : 80)) + 1);
      port = await go({ redirectUri: other.href });
    }
    if (accepted(sub)) f.set(['redirectUri', 'matching'], 'prefix', `a subdirectory of the redirect URI was accepted: ${describeLanding(s, sub)}`);
    else if (port && accepted(port)) f.set(['redirectUri', 'matching'], 'loopback-any-port', `the loopback redirect URI on another port was accepted: ${describeLanding(s, port)}; a subdirectory was not: ${describeLanding(s, sub)}`);
    else if (port && refusedHere(sub) && refusedHere(port)) f.set(['redirectUri', 'matching'], 'exact', `a subdirectory (${describeLanding(s, sub)}) and another loopback port (${describeLanding(s, port)}) were refused`);
    else if (refusedHere(sub)) f.set(['redirectUri', 'matching'], 'exact', `a subdirectory of the redirect URI was refused: ${describeLanding(s, sub)}`, 'the configured redirect URI is not a loopback one, so loopback-any-port (RFC 8252 §7.3) was not tried', (v) => v === 'exact' || v === 'loopback-any-port');
    else f.unknown('redirectUri.matching', `a subdirectory of the redirect URI got ${describeLanding(s, sub)}: the provider may check it only after the login`);

    // PKCE required: refused at once only where errors come before the login
    const plain = await go({ pkce: 'none' });
    const pkceError = plain.redirect && /code_challenge|pkce/i.test(`${new URL(plain.redirect.url).searchParams.get('error_description') ?? ''}`);
    if (pkceError) {
      f.set(['pkce', 'required'], true, `a request without code_challenge was ${describeLanding(s, plain)}`);
      f.set(['pkce', 'supported'], true, 'PKCE is required');
    } else if (plain.loginPage && s.facts.errorsBeforeLogin) f.set(['pkce', 'required'], false, `a request without code_challenge got the login page (${describeLanding(s, plain)}), and this provider refuses bad requests before the login`);
  },
};

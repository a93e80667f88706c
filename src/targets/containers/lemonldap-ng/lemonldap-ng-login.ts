/**
 * Signing in at LemonLDAP::NG's portal: its login page is a plain HTML form (`user`,
 * `password`, and hidden `url`, `token` and `skin` fields that are sent back as they are),
 * posted to the authorization URL itself (`action="#"`), after which the portal redirects
 * to the client. The consent page is bypassed for the harness's relying parties
 * (`oidcRPMetaDataOptionsBypassConsent`): its Refuse button sets the refusal with
 * JavaScript, which a form filler cannot press, so the login cannot refuse.
 *
 * LL::NG 2.16 serves OpenID Connect authorization requests only: one without the `openid`
 * scope ends, after the login, on the portal's error page (`PE_ERROR`, logged as "No
 * openid scope found"; Issuer/OpenIDConnect.pm leaves plain OAuth 2.0 requests as a TODO),
 * never at the client. The user agent says so when that is where a request ended.
 */
import { formUserAgent } from '../../../user-agent/form-user-agent.js';

/** The names of the portal's login inputs (templates/bootstrap/standardform.tpl). */
export const LEMONLDAP_LOGIN_FIELDS = { username: 'user', password: 'password' } as const;

/** The portal's error code on its error page: `<… class="message message-negative alert"><span trmsg="24">`. */
export function portalErrorCode(html: string): number | undefined {
  const m = /class="message message-negative[^"]*"[^>]*>\s*<span[^>]*\btrmsg="(\d+)"/.exec(html);
  return m ? Number(m[1]) : undefined;
}

/** LL::NG's PE_ERROR: the generic error its OpenID Connect issuer returns for a request it does not serve. */
const PE_ERROR = 24;

type FormUserAgent = ReturnType<typeof formUserAgent>;

/** The user agent scenarios sign in with: the form filler, told the portal's field names. */
export function lemonldapUserAgent(): FormUserAgent {
  const form = formUserAgent({ usernameField: LEMONLDAP_LOGIN_FIELDS.username, passwordField: LEMONLDAP_LOGIN_FIELDS.password });
  return {
    name: 'lemonldap-ng-form',
    async authorize(authorizationUrl, redirectUri, choice, fetchFn) {
      let lastPage = '';
      const watching: typeof fetch = async (input, init) => {
        const res = await fetchFn(input, init);
        if (res.headers.get('content-type')?.startsWith('text/html')) lastPage = await res.clone().text();
        return res;
      };
      const result = await form.authorize(authorizationUrl, redirectUri, choice, watching);
      const scopes = new URL(authorizationUrl).searchParams.get('scope')?.split(' ') ?? [];
      if (result.kind !== 'no-redirect' || scopes.includes('openid') || portalErrorCode(lastPage) !== PE_ERROR) return result;
      return {
        ...result,
        title: 'LemonLDAP::NG refused an authorization request without the openid scope',
        detail: `the portal showed its error page (PE_ERROR) instead of redirecting: LL::NG 2.16 serves OpenID Connect requests only, and this one asked for "${scopes.join(' ')}"`,
      };
    },
  };
}

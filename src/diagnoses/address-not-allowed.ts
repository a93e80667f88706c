/**
 * The provider refuses the caller's IP address or the app's domain (docs/behaviours.md §6):
 * Salesforce login IP ranges (`invalid_grant` "ip restricted"), Facebook App Domains
 * ("The domain of this URL isn't included in the app's domains"), sign-in pages that
 * refuse an address. Says which address or domain was seen.
 */
import { getHeader } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { addressIn, DOMAIN_REFUSED, IP_REFUSED } from './address-rules.js';
import type { Diagnosis } from './diagnosis.js';
import { describe, errorOf, failed, isErrorPage, kindOf, paramsOf, quote } from './traffic.js';

function hostOf(url: string | null | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

export const addressNotAllowed: Diagnosis = {
  id: 'address-not-allowed',
  level: 'error',
  title: "The provider does not allow the caller's IP address or domain",
  fix: ['Save the provider settings, wait for them to apply, then connect the user again.'],
  detect({ exchanges }) {
    let found: { e: Exchange; cause: string; fix: string[] } | undefined;
    const evidence: number[] = [];
    for (const e of exchanges) {
      if (!failed(e) && !(kindOf(e) === 'authorize' && isErrorPage(e.response))) continue;
      const err = errorOf(e.response);
      if (!err) continue;
      const text = `${err.code ?? ''} ${err.text}`;
      const what = kindOf(e) === 'authorize' ? 'the sign-in' : kindOf(e) === 'token' ? 'the token request' : `the request ${describe(e)}`;
      if (DOMAIN_REFUSED.test(text)) {
        const domain = hostOf(paramsOf(e).get('redirect_uri')) ?? hostOf(getHeader(e.request.headers, 'referer')) ?? 'the redirect URL\'s domain';
        evidence.push(e.seq);
        found = {
          e,
          cause: `The provider refused ${what} because the domain ${domain} is not among the app's allowed domains: ${describe(e)} answered ${quote(err.text)}.`,
          fix: [`Add ${domain} to the app's allowed domains at the provider (Facebook: App settings → Basic → App Domains), or use a redirect URL on an allowed domain.`],
        };
        continue;
      }
      if (IP_REFUSED.test(text)) {
        const stated = addressIn(err.text);
        const forwarded = getHeader(e.request.headers, 'x-forwarded-for')?.split(',')[0]?.trim();
        const address = stated ?? forwarded;
        const seen = stated ? `address ${stated} (as the provider reports it)` : forwarded ? `address ${forwarded} (the request's X-Forwarded-For; the provider did not say which address it saw)` : 'the caller\'s address (the provider did not say which one it saw)';
        evidence.push(e.seq);
        found = {
          e,
          cause: `The provider refused ${what} from ${seen}: ${describe(e)} answered ${err.code ? `${err.code} ` : ''}${quote(err.text)}.`,
          fix: [
            `Add ${address ?? "the server's public (egress) address"} to the app's trusted IP ranges at the provider (Salesforce: Connected App → OAuth policies → IP Relaxation, or the profile's Login IP Ranges).`,
            'If the address changes (cloud hosts, NAT), relax the IP restriction for the app or send the requests through a fixed egress address.',
          ],
        };
      }
    }
    return found ? { cause: found.cause, fix: found.fix, evidence } : undefined;
  },
};

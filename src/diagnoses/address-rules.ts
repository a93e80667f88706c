/**
 * Recognising "your address or domain is not allowed" in a provider's answer: Salesforce's
 * `invalid_grant` "ip restricted", Facebook's "The domain of this URL isn't included in
 * the app's domains", login pages refusing an address. Shared by `address-not-allowed`
 * and `redirect-uri-mismatch` (which must not claim a domain refusal).
 */
export const IP_REFUSED = /\bip[ _-]?(?:address )?(?:restrict\w*|not allowed|blocked|range)|ip restricted|(?:address|ip)\b[^.]{0,60}\b(?:not (?:allowed|permitted|whitelisted|in the allow)|blocked|denied)|not allowed from|(?:login|sign-in|requests?) from (?:address |ip )?[\d.:a-f]+ (?:is|are) not allowed|LOGIN_ERROR_IP/i;
export const DOMAIN_REFUSED = /domain[^.]{0,80}(?:isn't|is not|not) (?:included|allowed|permitted|whitelisted|authorized)|(?:isn't|is not|not) (?:included|allowed)[^.]{0,40}(?:app'?s )?domains|domain not allowed|app domains/i;

/** The first IP address literal in a text. */
export function addressIn(text: string): string | undefined {
  return /\b(?:\d{1,3}\.){3}\d{1,3}\b/.exec(text)?.[0] ?? /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/i.exec(text)?.[0];
}

/**
 * RFC 6749 §2.3.1: the client id and secret are application/x-www-form-urlencoded
 * before they are joined with ':' and base64-encoded. A client that skips this sends a
 * different secret to a provider that decodes, as soon as the secret holds `+ / = % :`.
 */
import { errorSummary, failuresOf } from './client-auth.js';
import type { Diagnosis } from './diagnosis.js';
import { basicParts } from '../observe/wire.js';
import { describe, list } from './traffic.js';

function specials(s: string): string[] {
  return [...new Set(s.replace(/[A-Za-z0-9*._-]/g, '').split(''))].map((c) => (c === ' ' ? 'space' : c));
}

export const basicCredentialsNotFormEncoded: Diagnosis = {
  id: 'basic-credentials-not-form-encoded',
  level: 'error',
  title: 'Basic header credentials are not form-encoded before base64',
  specRef: 'RFC 6749 §2.3.1',
  fix: [
    "Form-encode (application/x-www-form-urlencoded) the client id and the secret, then join them with ':' and base64-encode the result.",
    'If the integration cannot do that, send the credentials in the request body (client_secret_post) where the provider accepts it.',
    'Or generate a new secret without special characters at the provider.',
  ],
  detect({ exchanges }) {
    const found = failuresOf(exchanges, 'encoding');
    const f = found[found.length - 1];
    if (!f) return undefined;
    const parts = basicParts(f.exchange.request);
    const chars = specials(`${f.unencoded.includes('client id') ? parts?.id ?? '' : ''}${f.unencoded.includes('client secret') ? parts?.secret ?? '' : ''}`);
    return {
      cause: `The ${list(f.unencoded)} in the Basic header contain${f.unencoded.length === 1 ? 's' : ''} characters (${chars.join(' ')}) that must be form-encoded before base64; the client sent them raw, so a provider that decodes them compares a different value. ${describe(f.exchange)} answered ${errorSummary(f.error)}.`,
      evidence: found.map((x) => x.exchange.seq),
    };
  },
};

/**
 * Scopes joined with commas sent to a provider that splits on spaces (RFC 6749 §3.3):
 * `scope=read,write` is one unknown scope called "read,write", and the login fails with
 * `invalid_scope` (docs/behaviours.md §4).
 */
import type { Exchange } from '../results/model.js';
import type { Diagnosis } from './diagnosis.js';
import { authorizationRequests, callbackErrors, errorOf, metadataOf, stringList, tokenGrants } from './traffic.js';

/** A comma-joined scope parameter (no spaces, at least one comma between words). */
export function commaJoined(scope: string | null | undefined): boolean {
  return !!scope && !/\s/.test(scope) && /[^,],[^,]/.test(scope);
}

export const scopeDelimiterWrong: Diagnosis = {
  id: 'scope-delimiter-wrong',
  level: 'error',
  title: 'Scopes are joined with commas, but the provider expects spaces',
  specRef: 'RFC 6749 §3.3',
  fix: [
    "Set the integration's scope delimiter to a space (it is encoded as %20 or + in the URL); only some providers (Facebook, GitHub, Slack) take commas.",
    'Connect the user again.',
  ],
  detect({ exchanges }) {
    const meta = metadataOf(exchanges);
    const supported = stringList(meta?.scopes_supported);
    const evidence: Exchange[] = [];
    let scope = '';
    const auths = authorizationRequests(exchanges);
    for (const c of callbackErrors(exchanges)) {
      if (c.error !== 'invalid_scope') continue;
      const a = [...auths].reverse().find((x) => x.exchange.seq <= c.exchange.seq);
      const s = a?.params.get('scope');
      if (commaJoined(s)) {
        evidence.push(...(a ? [a.exchange] : []), c.exchange);
        scope = s!;
      }
    }
    for (const g of tokenGrants(exchanges)) {
      const s = g.params.get('scope');
      if (errorOf(g.exchange.response)?.code === 'invalid_scope' && commaJoined(s)) {
        evidence.push(g.exchange);
        scope = s!;
      }
    }
    if (!evidence.length) return undefined;
    const parts = scope.split(',');
    const known = supported ? parts.filter((p) => supported.includes(p)) : [];
    return {
      cause: `The client sent scope=${scope}, joined with commas; the provider splits scopes on spaces and read it as one unknown scope "${scope}", so it answered invalid_scope.${known.length ? ` Its metadata lists ${known.join(', ')} as separate scopes.` : ''}`,
      fix: [`Send scope=${parts.join(' ')} (space-separated).`],
      evidence: evidence.map((e) => e.seq),
    };
  },
};

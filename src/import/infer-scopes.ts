/**
 * Scopes (RFC 6749 §3.3): the delimiter the provider reads and writes (space, or comma
 * for Facebook, GitHub, Slack), unregistered scopes refused (`invalid_scope`) or
 * narrowed, scopes the user unticked at consent, scopes added to every grant, the
 * default scope of a request without one, and the scopes the app's registration allows.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
import { OFFLINE_SCOPES } from '../observe/offline-access.js';
import { loginScopes } from '../diagnoses/consent.js';
import { callbackErrors, errorOf, grantedScopes, splitScopes, tokenGrants } from '../diagnoses/traffic.js';
import type { Exchange } from '../results/model.js';
import { refs, type Findings } from './inference.js';

export interface ScopeFacts {
  /** Scopes the registration must allow for the recording to replay (empty: leave the profile's). */
  registered: string[];
  /** Scopes the provider refused or dropped: not registered for the app. */
  refused: string[];
  /** Per authorization request (by seq): scopes the user unticked, and whether the user denied. */
  consent: Map<number, { untick: string[]; deny: boolean }>;
}

export function inferScopes(oauth: Exchange[], f: Findings): ScopeFacts {
  const consent = new Map<number, { untick: string[]; deny: boolean }>();
  const grants = tokenGrants(oauth);
  const ok = grants.filter((g) => g.ok);
  const requested = new Set<string>();
  const granted = new Set<string>();
  const refused = new Set<string>();

  // delimiter: what the provider wrote back, else what it accepted
  const written = ok.map((g) => ({ g, s: typeof g.body.scope === 'string' ? g.body.scope : '' })).filter((x) => /[ ,]/.test(x.s.trim()));
  const comma = written.find((x) => x.s.includes(',') && !x.s.includes(' '));
  const space = written.find((x) => x.s.includes(' ') && !x.s.includes(','));
  if (comma) f.set(['scopes', 'delimiter'], ',', `the token response lists scopes separated by commas (#${comma.g.exchange.seq}: "${comma.s}")`);
  else if (space) f.set(['scopes', 'delimiter'], ' ', `the token response lists scopes separated by spaces (#${space.g.exchange.seq})`);

  const logins = loginScopes(oauth);
  for (const l of logins) {
    l.requested.forEach((s) => requested.add(s));
    const commaRequest = /,/.test(l.authorization.request.url.includes('scope=') ? (new URL(l.authorization.request.url).searchParams.get('scope') ?? '') : '');
    // the consent page listed comma-joined scopes one by one: the provider splits on commas
    if (commaRequest && l.requested.length > 1 && l.offered && l.requested.every((s) => l.offered!.includes(s))) f.set(['scopes', 'delimiter'], ',', `the consent page offered each of the comma-separated scopes (#${l.authorization.seq})`);
    if (l.deniedAll) {
      consent.set(l.authorization.seq, { untick: [], deny: true });
      continue;
    }
    const declined = [...new Set([...l.reportedDenied, ...(l.offered && l.ticked ? l.offered.filter((s) => !l.ticked!.includes(s)) : [])])];
    if (declined.length) {
      consent.set(l.authorization.seq, { untick: declined, deny: false });
      f.set(['scopes', 'userCanDeny'], true, `the user unticked ${declined.join(', ')} at consent (#${l.authorization.seq})`);
    }
    if (l.granted) {
      l.granted.forEach((s) => granted.add(s));
      // an offline scope that brought a refresh token is honoured though left out of the grant (scopes.dropFromGrant, infer-refresh.ts)
      const honoured = (s: string) => OFFLINE_SCOPES.includes(s) && typeof l.grant?.body.refresh_token === 'string';
      const dropped = l.requested.filter((s) => !l.granted!.includes(s) && !declined.includes(s) && !honoured(s));
      const added = l.granted.filter((s) => !l.requested.includes(s));
      if (dropped.length) {
        if (l.offered === undefined && l.ticked === undefined) {
          // no consent page in the recording: provider narrowing and a user's untick look the same
          consent.set(l.authorization.seq, { untick: dropped, deny: false });
          f.set(['scopes', 'userCanDeny'], true, `the token (#${l.grant!.exchange.seq}) lacks ${dropped.join(', ')} that the client asked for`, `no consent page was recorded: the provider may have narrowed them instead (scopes.onUnregistered: narrow, the scope not registered for the app); the scenario assumes the user unticked ${dropped.length > 1 ? 'them' : 'it'}`);
        } else {
          dropped.forEach((s) => refused.add(s));
          f.set(['scopes', 'onUnregistered'], 'narrow', `the token (#${l.grant!.exchange.seq}) lacks ${dropped.join(', ')}, which the consent page never offered: the provider narrowed the grant`);
        }
      }
      if (added.length && l.requested.length) f.set(['scopes', 'alwaysAdd'], added, `the grant (#${l.grant!.exchange.seq}) carries ${added.join(', ')} that the client did not ask for`);
      if (!l.requested.length && l.granted.length) f.set(['scopes', 'defaultScopes'], l.granted, `a request without scope was granted [${l.granted.join(' ')}] (#${l.grant!.exchange.seq})`);
      if (commaRequest && l.requested.length > 1 && l.requested.every((s) => l.granted!.includes(s))) f.set(['scopes', 'delimiter'], ',', `comma-separated scopes were all granted (#${l.authorization.seq})`);
    }
  }
  for (const g of grants.filter((x) => x.grantType === 'client_credentials')) {
    const asked = splitScopes(g.params.get('scope'));
    asked.forEach((s) => requested.add(s));
    const got = g.ok ? grantedScopes(g) : undefined;
    got?.forEach((s) => granted.add(s));
    if (g.ok && got && asked.length) {
      const dropped = asked.filter((s) => !got.includes(s));
      if (dropped.length) {
        dropped.forEach((s) => refused.add(s));
        f.set(['scopes', 'onUnregistered'], 'narrow', `the client-credentials grant (#${g.exchange.seq}) was issued without ${dropped.join(', ')}`);
      }
    }
    if (g.ok && got && !asked.length && got.length) f.set(['scopes', 'defaultScopes'], got, `a client-credentials request without scope was granted [${got.join(' ')}] (#${g.exchange.seq})`);
  }

  // invalid_scope: on the redirect, or from the token endpoint
  const invalid: { seq: number; text: string; asked: string[] }[] = [];
  for (const c of callbackErrors(oauth)) {
    if (c.error !== 'invalid_scope') continue;
    const auth = logins.filter((l) => l.authorization.seq <= c.exchange.seq).pop();
    invalid.push({ seq: c.exchange.seq, text: c.description, asked: auth?.requested ?? [] });
  }
  // a refresh refused for scope beyond the grant says nothing of the registration (refresh.scopeCheck, infer-refresh.ts)
  for (const g of grants.filter((x) => x.grantType !== 'refresh_token')) {
    const err = errorOf(g.exchange.response);
    if (err?.code === 'invalid_scope') invalid.push({ seq: g.exchange.seq, text: err.text, asked: splitScopes(g.params.get('scope')) });
  }
  for (const x of invalid) {
    const named = x.asked.filter((s) => x.text.split(/[\s,"'`:;()[\]]+/).includes(s));
    const bad = named.length ? named : x.asked.filter((s) => !granted.has(s));
    bad.forEach((s) => refused.add(s));
    f.set(['scopes', 'onUnregistered'], 'reject', `invalid_scope (#${x.seq})${named.length ? ` naming ${named.join(', ')}` : ''}`);
  }
  const registered = [...requested].filter((s) => !refused.has(s));
  if (invalid.length && !registered.length) registered.push('a-scope-the-app-may-use');
  if (refused.size) f.unknown('provider.clients.scopes', `the scopes the app's registration allows are assumed from the recording: [${registered.join(' ')}] allowed, [${[...refused].join(' ')}] not (${refs(invalid.map((x) => x.seq))})`);
  return { registered, refused: [...refused], consent };
}

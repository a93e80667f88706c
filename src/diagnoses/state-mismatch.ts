/**
 * The client refused the authorization response because its `state` did not match the
 * one it sent (RFC 6749 §10.12): a forged or replayed callback (CSRF), or a callback that
 * reached another browser session or server instance than the one that started the login.
 * The state comparison happens inside the client, so the evidence is its reaction.
 */
import type { Diagnosis } from './diagnosis.js';
import { statesDropped } from './state-not-echoed.js';

export const stateMismatch: Diagnosis = {
  id: 'state-mismatch',
  level: 'error',
  title: "The callback's state does not match the login the client started",
  specRef: 'RFC 6749 §10.12',
  fix: [
    'If nobody tampered with the callback: keep the pending login (state, PKCE verifier) where the callback will find it (a shared session store, or sticky sessions behind a load balancer).',
    'Make sure the user finishes the login in the same browser that started it, and within the provider\'s time limit.',
    'Never skip the state check: a callback with a foreign state must be refused, as it was here.',
  ],
  detect({ exchanges, reactions }) {
    const hits = reactions.filter((r) => r.error?.code === 'state_mismatch');
    const r = hits[hits.length - 1];
    // a redirect without any state is the provider's doing: state-not-echoed explains it
    if (!r || statesDropped(exchanges).some((d) => d.redirect.step === undefined || d.redirect.step === r.step)) return undefined;
    return { cause: `In step "${r.step}" the client refused the authorization response: ${r.error!.message}. The state parameter that came back is not the one the client sent, so the callback was forged (a CSRF attempt) or belongs to another login.` };
  },
};

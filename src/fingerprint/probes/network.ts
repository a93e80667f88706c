/**
 * Address restrictions (Salesforce login IP ranges): one code exchange of a made-up code,
 * like the client-auth probe's, that says it comes from a documentation address
 * (RFC 5737 192.0.2.1) in `X-Forwarded-For`. A provider behind a proxy that restricts
 * addresses refuses it ("ip restricted"); one that does not answers as before.
 *
 * @see https://www.rfc-editor.org/rfc/rfc5737
 */
import { IP_REFUSED } from '../../diagnoses/address-rules.js';
import { isLoopbackHost } from '../../verify/context.js';
import { answer, bogus, errorIn, type FingerprintProbe } from '../probe.js';

const ELSEWHERE = '192.0.2.1';

export const networkProbe: FingerprintProbe = {
  id: 'network',
  sends: `a code exchange of a made-up code with X-Forwarded-For: ${ELSEWHERE}`,
  requests: 1,
  infers: ['network.ipAllowList', 'network.trustForwardedFor'],
  async run(s) {
    const f = s.findings;
    if (!s.facts.auth) return f.unknown('network.ipAllowList', 'no client authentication worked, so the token endpoint could not be asked');
    const r = await s.token([['grant_type', 'authorization_code'], ['code', bogus('code')]], s.facts.auth, { headers: { 'x-forwarded-for': ELSEWHERE } });
    const err = errorIn(r.res);
    if (err && IP_REFUSED.test(`${err.code ?? ''} ${err.text}`)) {
      const host = new URL(s.config.issuer).hostname;
      const here = isLoopbackHost(host) ? '127.0.0.1' : undefined;
      f.set(['network', 'trustForwardedFor'], true, `the provider read the address from X-Forwarded-For (${s.ref(r.res)})`);
      if (here) f.set(['network', 'ipAllowList'], [here], `a request from ${ELSEWHERE} was refused: ${answer(r.res)} (${s.ref(r.res)}); this machine's address was accepted`, 'the real allowed ranges are wider than what two addresses show: only the harness\'s own address is listed', (v) => Array.isArray(v) && v.includes(here));
      else f.unknown('network.ipAllowList', `a request from ${ELSEWHERE} was refused (${s.ref(r.res)}): the provider restricts addresses, and which ones it allows cannot be probed from here`);
      return;
    }
    f.set(['network', 'ipAllowList'], [], `a request said to come from ${ELSEWHERE} was answered like any other: ${answer(r.res)} (${s.ref(r.res)})`, 'a provider that ignores X-Forwarded-For and restricts other addresses looks the same');
  },
};

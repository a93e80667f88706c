/**
 * Revocation (RFC 7009) and introspection (RFC 7662) of a token that does not exist:
 * RFC 7009 §2.2 answers 200 ("invalid tokens do not cause an error"), Google and
 * Salesforce answer 400 `invalid_token`; introspection answers `{"active": false}`.
 * Nothing real is revoked.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2
 */
import { answer, bogus, errorIn, fieldsOf, type FingerprintProbe } from '../probe.js';

export const revocationProbe: FingerprintProbe = {
  id: 'revocation',
  sends: 'a revocation and an introspection of a made-up token',
  requests: 2,
  infers: ['revocation.style', 'introspection.enabled'],
  async run(s) {
    const f = s.findings;
    const md = s.discovery.metadata;
    const auth = s.facts.auth ?? 'basic';
    if (typeof md.revocation_endpoint === 'string') {
      const r = await s.token([['token', bogus('token')], ['token_type_hint', 'refresh_token']], auth, { url: md.revocation_endpoint, endpoint: 'revocation' });
      if (r.res.status === 200) f.set(['revocation', 'style'], 'rfc7009', `revoking an unknown token answered 200 (${s.ref(r.res)})`);
      else if (errorIn(r.res)?.code === 'invalid_token') f.set(['revocation', 'style'], 'invalid-token-400', `revoking an unknown token answered ${answer(r.res)} (${s.ref(r.res)})`);
      else f.unknown('revocation.style', `revoking an unknown token answered ${answer(r.res)} (${s.ref(r.res)})`);
    }
    if (typeof md.introspection_endpoint === 'string') {
      const r = await s.token([['token', bogus('token')]], auth, { url: md.introspection_endpoint, endpoint: 'introspection' });
      const active = fieldsOf(r.res).active;
      if (r.res.status === 200 && active === false) f.set(['introspection', 'enabled'], true, `introspection of an unknown token answered {"active": false} (${s.ref(r.res)})`);
      else f.unknown('introspection', `introspection of an unknown token answered ${answer(r.res)} (${s.ref(r.res)})`);
    }
  },
};

import { defineCheck, fail, pass, skip } from '../../check.js';
import { entropyEstimates } from './entropy.js';

/** RFC 6749 §10.10: the probability of guessing a code or token MUST be ≤ 2^-128. */
export default defineCheck({
  id: 'AS-SEC-ENTROPY-128',
  specRef: 'RFC 6749 §10.10, §10.3, §10.4; RFC 6819 §5.1.4.2.2',
  level: 'MUST',
  mode: 'H',
  title: 'Codes, access tokens and refresh tokens carry at least 128 bits of entropy (estimated from samples).',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const est = await entropyEstimates(ctx);
    if (!est.length) return skip('no credentials could be sampled');
    const weak = est.find((e) => e.bits !== undefined && e.bits < 128);
    if (weak) fail(`${weak.kind}s look guessable: about ${weak.bits} bits (${weak.note})`, '≥ 128 bits', weak.bits);
    return pass(est.map((e) => `${e.kind}: ${e.bits ?? '?'} bits`).join('; '));
  },
});

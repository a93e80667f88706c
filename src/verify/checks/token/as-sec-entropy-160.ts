import { defineCheck, fail, pass, skip } from '../../check.js';
import { entropyEstimates } from './entropy.js';

/** RFC 6749 §10.10: the guessing probability SHOULD be ≤ 2^-160. */
export default defineCheck({
  id: 'AS-SEC-ENTROPY-160',
  specRef: 'RFC 6749 §10.10',
  level: 'SHOULD',
  mode: 'H',
  title: 'Codes and tokens carry at least 160 bits of entropy (estimated from samples).',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const est = await entropyEstimates(ctx);
    if (!est.length) return skip('no credentials could be sampled');
    const weak = est.find((e) => e.bits !== undefined && e.bits < 160);
    if (weak) fail(`${weak.kind}s: about ${weak.bits} bits (${weak.note})`, '≥ 160 bits', weak.bits);
    return pass(est.map((e) => `${e.kind}: ${e.bits ?? '?'} bits`).join('; '));
  },
});

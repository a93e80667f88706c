import { defineCheck, fail, pass, skip } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { randomToken } from '../../flows/random.js';
import { ChallengeSyntaxError, parseChallenges } from '../../../http/headers.js';
import type { ProbeResponse } from '../../probe.js';
import { rsToken } from './rs-token.js';

const SINGLE = ['realm', 'scope', 'error', 'error_description', 'error_uri'];
const NQSCHAR = /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/;

/** RFC 6750 §3: `Bearer` followed by ≥ 1 auth-param; defined params at most once, allowed characters. */
export default defineCheck({
  id: 'RS-CHALLENGE-SYNTAX',
  specRef: 'RFC 6750 §3',
  level: 'MUST',
  mode: 'A',
  title: 'Every WWW-Authenticate challenge of the resource server is a well-formed Bearer challenge.',
  requires: ['fixture:F10'],
  async run(ctx) {
    const responses: Array<[string, ProbeResponse]> = [
      ['no token', await callResource(ctx, undefined)],
      ['invalid token', await callResource(ctx, randomToken())],
    ];
    const low = ctx.config.fixtures.resourceServer!.insufficientScope;
    if (low) responses.push(['insufficient scope', await callResource(ctx, await rsToken(ctx, { scope: low }))]);
    let seen = 0;
    for (const [what, res] of responses) {
      const header = res.headers.get('www-authenticate');
      if (!header) continue;
      seen += 1;
      let challenges;
      try {
        challenges = parseChallenges(header);
      } catch (e) {
        if (e instanceof ChallengeSyntaxError) fail(`${what}: WWW-Authenticate is not a valid challenge list (${e.message})`, 'RFC 9110 §11.6.1 syntax', header);
        throw e;
      }
      const bearer = challenges.find((c) => c.scheme.toLowerCase() === 'bearer');
      if (!bearer) continue;
      if (!bearer.params.length) fail(`${what}: the Bearer challenge has no auth-param`, 'at least one auth-param (e.g. realm)', header);
      for (const name of SINGLE) {
        const values = bearer.params.filter(([k]) => k === name);
        if (values.length > 1) fail(`${what}: "${name}" appears ${values.length} times`, 'at most once', header);
        if (values[0] && name !== 'error_uri' && !NQSCHAR.test(values[0][1])) fail(`${what}: "${name}" uses forbidden characters`, 'NQSCHAR', values[0][1]);
      }
    }
    return seen ? pass() : skip('no WWW-Authenticate header to inspect (see RS-401-NO-TOKEN)');
  },
});

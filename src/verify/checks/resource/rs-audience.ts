import { defineCheck, fail, pass, skip } from '../../check.js';
import { callResource } from '../../flows/resource.js';
import { rsToken } from './rs-token.js';

/** RFC 9700 §2.3: the resource server refuses tokens issued for another audience. */
export default defineCheck({
  id: 'RS-AUDIENCE',
  specRef: 'RFC 9700 §2.3',
  level: 'MUST',
  mode: 'CFG',
  title: 'A token issued for another resource (RFC 8707 resource) is refused with 401.',
  requires: ['fixture:F10', 'endpoint:token_endpoint'],
  async run(ctx) {
    const foreign = ctx.config.fixtures.resourceServer!.foreignResource;
    if (!foreign) return skip('needs fixtures.resourceServer.foreignResource');
    const res = await callResource(ctx, await rsToken(ctx, { resource: foreign }));
    if (res.status !== 401) fail(`a token for ${foreign} answered ${res.status}`, 401, res.status);
    return pass();
  },
});

import { defineCheck, pass } from '../../check.js';
import { clientCredentials } from '../../flows/token.js';
import { bogus } from '../../flows/random.js';
import { expectInvalidClientBasic } from '../expect.js';

/** RFC 6749 §5.2: unknown clients fail with `invalid_client`. */
export default defineCheck({
  id: 'AS-CA-UNKNOWN-CLIENT',
  specRef: 'RFC 6749 §5.2',
  level: 'MUST',
  mode: 'A',
  title: 'An unknown client id sent with Basic gets 401 invalid_client with a Basic challenge.',
  requires: ['endpoint:token_endpoint'],
  async run(ctx) {
    const unknown = { label: 'unknown client', client_id: bogus('no-such-client'), client_secret: 'x', redirect_uris: [] };
    const r = await clientCredentials(ctx, { client: unknown, auth: 'basic' });
    expectInvalidClientBasic(r, 'Basic with an unknown client id');
    return pass();
  },
});

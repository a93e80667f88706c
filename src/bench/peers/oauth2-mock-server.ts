/**
 * `oauth2-mock-server` (npm) answering the client credentials grant at `/token`. It
 * signs every access token as a JWT; we give it its fastest key type (Ed25519), so the
 * comparison is the most favourable one for it.
 */
import { OAuth2Server } from 'oauth2-mock-server';
import { announce, stopOnSignal } from './ready.js';

const server = new OAuth2Server();
await server.issuer.keys.generate(process.env.BENCH_OAUTH2_MOCK_ALG ?? 'EdDSA');
await server.start(0, '127.0.0.1');
// The issuer URL names "localhost"; the bench talks to the bound address itself.
const url = new URL('/token', server.issuer.url!);
url.hostname = '127.0.0.1';
announce({ token_endpoint: url.href, client_id: 'bench-client', client_secret: 'bench-secret' });
stopOnSignal(() => server.stop());

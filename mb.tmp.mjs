import { builtInProvider } from './dist/mocks/compiled-profiles.js';
const p = await builtInProvider({ profile: 'rfc-strict', issuer: 'http://127.0.0.1:1/rfc-strict', seed: 1, record: 1000 });
const c = [...p.context.clients.values()][0];
const auth = 'Basic ' + Buffer.from(`${c.client_id}:${c.client_secret}`).toString('base64');
const mk = () => ({ method: 'POST', url: 'http://127.0.0.1:1/rfc-strict/token', path: '/token', query: new URLSearchParams(''), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth, accept: 'application/json', host: '127.0.0.1:1', connection: 'keep-alive', 'content-length': '40' }, body: 'grant_type=client_credentials&scope=read', remoteAddress: '127.0.0.1' });
const N = Number(process.argv[2] ?? 100000);
for (let round = 0; round < 4; round++) {
  const t = process.cpuUsage(); 
  for (let i = 0; i < N; i++) { const r = p.handle(mk()); if (r.status !== 200) throw new Error(r.body); }
  const u = process.cpuUsage(t); console.log('round', round, ((u.user + u.system) / N * 1000).toFixed(0), 'ns/req', p.context.store.accessTokens.size);
}

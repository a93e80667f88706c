/**
 * The admin API of `oauth-harness serve`, under the reserved path `/_admin`:
 * read the recorded exchange, change switches, revoke grants, reset state, advance the
 * clock. Per issuer: `/_admin/<profile>/…`.
 */
import type { Clock } from '../../mocks/provider/clock.js';
import { parseDuration } from '../../mocks/provider/clock.js';
import { json, type ProviderRequest, type ProviderResponse } from '../../mocks/provider/http.js';
import type { MockProvider } from '../../mocks/provider/provider.js';
import type { NodeHttpServer } from '../../mocks/transports/node-http.js';

function parseJson(req: ProviderRequest): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(req.body || '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Mounts the admin API on the server. */
export function mountAdminApi(server: NodeHttpServer, providers: MockProvider[], clock: Clock): void {
  const byName = new Map(providers.map((p) => [p.profile, p]));
  server.mountPath('_admin', (req): ProviderResponse => {
    const parts = req.path.split('/').filter(Boolean);
    if (parts.length === 0) return json(200, { issuers: providers.map((p) => ({ profile: p.profile, issuer: p.issuer })), now: new Date(clock.now()).toISOString() });
    if (parts[0] === 'clock' && req.method === 'POST') {
      const body = parseJson(req);
      try {
        clock.advance(parseDuration(String(body?.advance ?? '')));
      } catch (e) {
        return json(400, { error: 'invalid_request', error_description: (e as Error).message });
      }
      return json(200, { now: new Date(clock.now()).toISOString() });
    }
    const p = byName.get(parts[0]!);
    if (!p) return json(404, { error: 'not_found', error_description: `no issuer "${parts[0]}"; issuers: ${[...byName.keys()].join(', ')}` });
    const action = parts[1] ?? '';
    if (action === 'exchanges' && req.method === 'GET') {
      const since = Number(req.query.get('since') ?? 0);
      return json(200, { exchanges: p.exchanges.filter((e) => e.seq > since) });
    }
    if (action === 'switches' && req.method === 'GET') return json(200, p.context.switches);
    if (action === 'switches' && (req.method === 'PATCH' || req.method === 'POST')) {
      const body = parseJson(req);
      if (!body) return json(400, { error: 'invalid_request', error_description: 'the body must be a JSON object of switch overrides' });
      try {
        p.setSwitches(body);
      } catch (e) {
        return json(400, { error: 'invalid_request', error_description: (e as Error).message });
      }
      return json(200, p.context.switches);
    }
    if (action === 'revoke-grants' && req.method === 'POST') {
      const body = parseJson(req);
      if (typeof body?.username !== 'string') return json(400, { error: 'invalid_request', error_description: 'username is required' });
      return json(200, { revoked: p.revokeGrants(body.username, typeof body.client_id === 'string' ? body.client_id : undefined) });
    }
    if (action === 'reset' && req.method === 'POST') {
      p.reset();
      return json(200, { reset: true });
    }
    return json(404, { error: 'not_found', error_description: `unknown admin action ${req.method} /_admin/${parts.join('/')}` });
  });
}

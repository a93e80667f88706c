import type { RecordedExchange } from '../../mocks/provider/provider.js';
import type { Exchange } from '../results/model.js';

const UA_ENDPOINTS = new Set(['authorize', 'decision']);

/** A provider-recorded exchange in the result model's form (still raw: redact before storing). */
export function toExchange(e: RecordedExchange, step?: string): Exchange {
  const api = e.endpoint === 'api' || e.endpoint === 'userinfo';
  return {
    seq: e.seq,
    from: UA_ENDPOINTS.has(e.endpoint) ? 'user-agent' : 'client',
    to: api ? 'resource-server' : 'authorization-server',
    endpoint: e.endpoint,
    ...(step ? { step } : {}),
    request: { method: e.request.method, url: e.request.url, headers: { ...e.request.headers }, ...(e.request.body ? { body: e.request.body } : {}) },
    response: { status: e.response.status, headers: { ...e.response.headers }, ...(e.response.body ? { body: e.response.body } : {}) },
    at: e.at,
  };
}

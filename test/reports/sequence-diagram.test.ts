import { describe, expect, it } from 'vitest';
import { renderSequenceDiagram, responseLabel } from '../../src/reports/html/sequence-diagram.js';
import type { Exchange } from '../../src/results/model.js';

const ex = (seq: number, from: Exchange['from'], to: Exchange['to'], method: string, url: string, status: number, extra: Partial<Exchange> = {}, resHeaders: Record<string, string> = {}, body = ''): Exchange => ({
  seq,
  from,
  to,
  request: { method, url, headers: {} },
  response: { status, headers: resHeaders, body },
  ...extra,
});

const flow: Exchange[] = [
  ex(1, 'user-agent', 'authorization-server', 'GET', 'https://as.test/authorize?response_type=code&client_id=a', 200, { step: '1. connect' }, { 'content-type': 'text/html' }, '<form>'),
  ex(2, 'user-agent', 'authorization-server', 'POST', 'https://as.test/authorize/decision', 302, { step: '1. connect' }, { location: 'https://client.test/callback?code=x&state=y' }),
  ex(3, 'client', 'authorization-server', 'POST', 'https://as.test/token', 401, { step: '1. connect' }, { 'content-type': 'application/json' }, '{"error":"invalid_client"}'),
  ex(4, 'client', 'resource-server', 'GET', 'https://api.test/v1/<items>', 200, { step: '2. callApi "x"' }, { 'content-type': 'application/json' }, '{}'),
];

describe('sequence diagram', () => {
  const svg = renderSequenceDiagram(flow, { idPrefix: 'c0', highlight: new Set([3]) });

  it('draws a lifeline per participant, in a fixed order', () => {
    const names = [...svg.matchAll(/class="seq-name">([^<]+)</g)].map((m) => m[1]);
    expect(names).toEqual(['User agent', 'Client', 'Authorization', 'API']);
    expect(svg.match(/class="seq-life"/g)?.length).toBe(4);
  });

  it('draws a request and a response arrow per exchange, plus the browser coming back to the client', () => {
    expect(svg.match(/<a href="#c0-ex-/g)?.length).toBe(flow.length * 2 + 1);
    expect(svg).toContain('GET /callback (redirect)');
    expect(svg.match(/class="seq-band"/g)?.length).toBe(2);
  });

  it('labels responses with the OAuth error and colours failures, and highlights evidence', () => {
    expect(responseLabel(flow[2]!)).toBe('401 invalid_client');
    expect(responseLabel(flow[1]!)).toBe('302 redirect (code)');
    expect(svg).toMatch(/class="seq-msg seq-error seq-hot seq-dashed"/);
  });

  it('escapes labels and step names', () => {
    expect(svg).not.toContain('<items>');
    expect(svg).toContain('&lt;items&gt;');
    expect(svg).toContain('2. callApi &quot;x&quot;');
  });

  it('draws at most `limit` exchanges and says how many are left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => ex(i + 1, 'client', 'authorization-server', 'POST', 'https://as.test/token', 200));
    const small = renderSequenceDiagram(many, { idPrefix: 'c1', limit: 10 });
    expect(small.match(/<a href="#c1-ex-/g)?.length).toBe(20);
    expect(small).toContain('… 20 more exchanges, listed below');
    expect(renderSequenceDiagram([], { idPrefix: 'c2' })).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { discoveryFallbacks, renderSequenceDiagram, requestLabel, responseLabel } from '../../src/reports/html/sequence-diagram.js';
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

describe('sequence diagram labels', () => {
  it('fit a long path by leaving out whole leading segments, never part of one', () => {
    const url = 'https://oauth-harness.test/docusign-like/oauth/token?grant_type=x';
    expect(requestLabel('POST', url, 60)).toBe('POST /docusign-like/oauth/token?grant_type');
    expect(requestLabel('POST', url, 31)).toBe('POST /docusign-like/oauth/token');
    expect(requestLabel('POST', url, 30)).toBe('POST …/oauth/token');
    expect(requestLabel('POST', url, 25)).toBe('POST …/oauth/token');
    expect(requestLabel('POST', url, 12)).toBe('POST …/token');
    // the last segment is kept whole even when it does not fit
    expect(requestLabel('GET', 'https://x.test/a/.well-known/openid-configuration', 10)).toBe('GET …/openid-configuration');
  });

  it('cut every label of a diagram at a segment or a word, whatever the columns', () => {
    const urls = ['https://as.test/docusign-like/oauth/token', 'https://as.test/a/very/long/path/with/many/segments/and-a-long-last-one', 'https://as.test/identity-service-like/connect/token?client_id=a&scope=b&x=c&y=d'];
    const many = urls.flatMap((u, i) => [ex(i * 2 + 1, 'client', 'authorization-server', 'POST', u, 400, {}, { 'content-type': 'application/json' }, '{"error":"invalid_request_with_a_long_name"}'), ex(i * 2 + 2, 'user-agent', 'resource-server', 'GET', u, 200)]);
    const svg = renderSequenceDiagram(many, { idPrefix: 'c9' });
    const arrows = [...svg.matchAll(/<title>#\d+ ([A-Z]+) ([^<]+)<\/title>.*?class="seq-label">([^<]+)<\/text>/g)].filter((m) => m[1] !== 'HTTP');
    expect(arrows.length).toBe(many.length);
    for (const [, method, url, label] of arrows) {
      const path = new URL(url!).pathname;
      const m = /^([A-Z]+) (…\/)?([^?]*)/.exec(label!)!;
      expect(m[1]).toBe(method);
      if (m[2]) expect(path.endsWith(`/${m[3]}`), label).toBe(true);
      else expect(path, label).toBe(m[3]);
    }
  });

  it('draws the expected discovery 404 (the metadata found at the next URL) apart from a real error', () => {
    const probe = [
      ex(1, 'client', 'authorization-server', 'GET', 'https://as.test/p/.well-known/openid-configuration', 404, {}, { 'content-type': 'text/html' }, '<h1>'),
      ex(2, 'client', 'authorization-server', 'GET', 'https://as.test/.well-known/oauth-authorization-server/p', 200, {}, { 'content-type': 'application/json' }, '{}'),
      ex(3, 'client', 'authorization-server', 'POST', 'https://as.test/p/token', 401, {}, { 'content-type': 'application/json' }, '{"error":"invalid_client"}'),
      ex(4, 'client', 'authorization-server', 'GET', 'https://as.test/q/.well-known/openid-configuration', 404),
    ];
    expect([...discoveryFallbacks(probe)]).toEqual([1]);
    const svg = renderSequenceDiagram(probe, { idPrefix: 'c3' });
    expect(svg).toMatch(/class="seq-msg seq-probe seq-dashed"><title>#1 HTTP 404: no metadata at this URL/);
    expect(svg).toMatch(/class="seq-msg seq-error seq-dashed"><title>#3 HTTP 401: 401 invalid_client/);
    // a discovery 404 with nothing found after it is an error
    expect(svg).toMatch(/class="seq-msg seq-error seq-dashed"><title>#4 HTTP 404/);
  });
});

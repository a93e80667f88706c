/**
 * A configured endpoint URL points somewhere that is not the OAuth endpoint
 * (docs/behaviours.md §2): the token, revocation or introspection URL answers 404 or an HTML
 * page instead of OAuth JSON, or the authorization URL shows no login page (404, or a
 * JSON error meant for another endpoint). Says which URL, and the right one when the
 * provider's metadata names it.
 */
import type { Exchange } from '../results/model.js';
import type { Diagnosis } from './diagnosis.js';
import { answeredByOtherEndpoint, errorOf, isHtml, isJson, kindOf, metadataOf, pathOf, quote } from './traffic.js';
import { getHeader, responseFields } from '../observe/wire.js';

type Kind = 'token' | 'authorize' | 'revocation' | 'introspection';
const LABEL: Record<Kind, string> = { token: 'token URL', authorize: 'authorization URL', revocation: 'revoke URL', introspection: 'introspection URL' };
const EXPECTED: Record<Kind, string> = {
  token: 'an OAuth JSON token response or error',
  authorize: "the provider's login or consent page",
  revocation: 'HTTP 200 (RFC 7009) or an OAuth JSON error',
  introspection: 'an OAuth JSON introspection response',
};
const META_KEY: Record<Kind, string> = { token: 'token_endpoint', authorize: 'authorization_endpoint', revocation: 'revocation_endpoint', introspection: 'introspection_endpoint' };
const GONE = new Set([404, 405, 410, 501]);

function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

const ENDPOINT_NAME: Record<string, string> = { token: 'token endpoint', authorize: 'authorization endpoint', revocation: 'revocation endpoint', introspection: 'introspection endpoint' };

/** Whether this exchange shows a wrong URL, and what was answered instead. */
function wrongAnswer(e: Exchange, kind: Kind): string | undefined {
  const res = e.response;
  const type = getHeader(res.headers, 'content-type') ?? 'no content type';
  const err = errorOf(res);
  const other = answeredByOtherEndpoint(e);
  if (other) return `is the provider's ${ENDPOINT_NAME[other] ?? other}, not its ${ENDPOINT_NAME[kind]}: ${e.request.method} ${pathOf(e.request.url)} answered HTTP ${res.status}${err?.code ? ` ${err.code}` : ''}${err?.text ? ` ${quote(err.text, 100)}` : ''}`;
  const page = isHtml(res) && err?.text ? ` (${quote(err.text, 80)})` : '';
  if (kind === 'authorize') {
    if (GONE.has(res.status)) return `HTTP ${res.status} ${type}${page}`;
    // a JSON error about grants or methods: the URL is another OAuth endpoint (usually the token URL)
    if (res.status >= 400 && isJson(res) && (err?.code === 'unsupported_grant_type' || /grant_type|method not allowed|accepts? post/i.test(err?.text ?? ''))) return `HTTP ${res.status} JSON ${err?.code ?? ''} ${quote(err?.text ?? '', 80)}`.trim();
    return undefined;
  }
  if (res.status >= 500) return undefined;
  if (GONE.has(res.status) && !(kind === 'token' && e.request.method === 'GET')) return `HTTP ${res.status} ${type}${page}`;
  if (isHtml(res) && !err?.code) return `HTTP ${res.status} ${type}${page}`;
  if (kind === 'revocation' && res.status === 200) return undefined;
  if (res.status < 300 && !isJson(res) && !responseFields(res) && res.body) return `HTTP ${res.status} ${type}`;
  return undefined;
}

export const endpointUrlWrong: Diagnosis = {
  id: 'endpoint-url-wrong',
  level: 'error',
  title: 'An endpoint URL is wrong: it does not answer like an OAuth endpoint',
  specRef: 'RFC 8414 §2',
  fix: [
    "Copy the URL from the provider's documentation or from its metadata (/.well-known/openid-configuration or /.well-known/oauth-authorization-server).",
    'Check the host (sandbox or production), the tenant or realm segment of the path, the path itself and http versus https.',
    'Connect the user again.',
  ],
  detect({ exchanges }) {
    const meta = metadataOf(exchanges);
    const seen = new Map<string, { kind: Kind; e: Exchange; answer: string }>();
    for (const e of exchanges) {
      const k = kindOf(e);
      if (k !== 'token' && k !== 'authorize' && k !== 'revocation' && k !== 'introspection') continue;
      const answer = wrongAnswer(e, k);
      if (answer) seen.set(`${k} ${withoutQuery(e.request.url)}`, { kind: k, e, answer });
    }
    if (!seen.size) return undefined;
    const parts: string[] = [];
    const fix: string[] = [];
    for (const { kind, e, answer } of seen.values()) {
      const url = withoutQuery(e.request.url);
      parts.push(answer.startsWith('is the provider')
        ? `The ${LABEL[kind]} ${url} ${answer}.`
        : `The ${LABEL[kind]} ${url} answered ${answer} to ${e.request.method} ${pathOf(e.request.url)}, instead of ${EXPECTED[kind]}.`);
      const right = meta?.[META_KEY[kind]];
      if (typeof right === 'string' && withoutQuery(right) !== url) {
        parts.push(`The provider's metadata gives ${META_KEY[kind]} = ${right}.`);
        fix.push(`Set the ${LABEL[kind]} to ${right}.`);
      }
    }
    return { cause: parts.join(' '), fix, evidence: [...seen.values()].map((x) => x.e.seq) };
  },
};

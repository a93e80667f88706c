/**
 * Who may use the admin API of `serve` (it reads client secrets and user passwords, and
 * changes the mock): the checks made before any admin request is looked at.
 *
 * - `Host` must name this machine: `localhost` (and `*.localhost`), a 127.x.x.x
 *   address, `[::1]`, the address the server is bound to, or a name given with
 *   `--allowed-host`. A web page that rebinds its own DNS name to 127.0.0.1 sends its
 *   own name, and is refused (DNS rebinding).
 * - A browser's cross-site request is refused: an `Origin` that is not this server's
 *   own (`null` included), or `Sec-Fetch-Site` other than `same-origin` or `none`.
 * - A write (`POST`, `PUT`, `PATCH`, `DELETE`) with a body must say
 *   `Content-Type: application/json` (`application/yaml` too for a scenario): a page
 *   can send `text/plain` or a form across sites without asking, never JSON.
 * - With `--admin-token`, every request needs `Authorization: Bearer <token>`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { json, type ProviderRequest, type ProviderResponse } from '../../mocks/provider/http.js';

export interface AdminAccess {
  /** The port the server listens on (an `Origin` must name it). */
  port: number;
  /** The address the server is bound to: its own name is always allowed. */
  boundHost: string;
  /** More host names the `Host` header may carry (`--allowed-host`). */
  allowedHosts: readonly string[];
  /** When set, every admin request needs `Authorization: Bearer <token>` (`--admin-token`). */
  token?: string | undefined;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);

const refuse = (status: number, error: string, description: string, headers?: Record<string, string>) => json(status, { error, error_description: description }, headers);

/** A host name as URLs write it (lower case, IPv6 in brackets, IPv4 normalised), or undefined when it is none. */
export function hostName(host: string): string | undefined {
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+)(:\d{1,5})?$/.test(host)) return undefined;
  try {
    const h = new URL(`http://${host.includes(':') && !host.startsWith('[') && host.split(':').length > 2 ? `[${host}]` : host}`).hostname;
    return h.replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Whether a host name is this machine: loopback names and addresses. */
export function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name === '[::1]' || name === '[::ffff:7f00:1]';
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The media type of a Content-Type header (no parameters, lower case), or '' when none. */
export function mediaType(req: ProviderRequest): string {
  return (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/**
 * Checks an admin request; returns the refusal, or undefined when it may go on.
 * `action` is the path below the issuer (`scenario` takes YAML as well as JSON).
 */
export function refuseAdminRequest(req: ProviderRequest, access: AdminAccess, action: string): ProviderResponse | undefined {
  const allowed = new Set([hostName(access.boundHost), ...access.allowedHosts.map(hostName)].filter((h): h is string => !!h && h !== '0.0.0.0' && h !== '[::]'));
  const isAllowed = (name: string | undefined) => name !== undefined && (isLoopbackName(name) || allowed.has(name));
  const host = req.headers['host'];
  if (!host || !isAllowed(hostName(host))) {
    return refuse(403, 'access_denied', `the admin API answers only requests for this machine (Host: localhost, 127.0.0.1, [::1] or the bound address); got Host: ${host ?? '(none)'}. Add a name with serve --allowed-host`);
  }
  const origin = req.headers['origin'];
  if (origin !== undefined) {
    let ok = false;
    try {
      const u = new URL(origin);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && isAllowed(u.hostname) && (u.port || (u.protocol === 'https:' ? '443' : '80')) === String(access.port);
    } catch {
      ok = false;
    }
    if (!ok) return refuse(403, 'access_denied', `the admin API refuses cross-site requests (Origin: ${origin})`);
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(403, 'access_denied', `the admin API refuses cross-site requests (Sec-Fetch-Site: ${site})`);
  if (access.token !== undefined) {
    const m = /^Bearer +(\S+)\s*$/i.exec(req.headers['authorization'] ?? '');
    if (!m || !sameSecret(m[1]!, access.token)) return refuse(401, 'invalid_token', 'the admin API needs Authorization: Bearer <the --admin-token value>', { 'www-authenticate': 'Bearer realm="oauth-harness admin"' });
  }
  if (WRITES.has(req.method) && (req.body !== '' || req.headers['content-type'] !== undefined)) {
    const type = mediaType(req);
    const isJson = type === 'application/json' || type.endsWith('+json');
    if (!isJson && !(action === 'scenario' && YAML_TYPES.has(type))) {
      return refuse(415, 'invalid_request', `admin writes take Content-Type: application/json${action === 'scenario' ? ' or application/yaml' : ''} (got ${req.headers['content-type'] ?? 'none'})`);
    }
  }
  return undefined;
}

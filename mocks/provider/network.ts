import { BlockList, isIP } from 'node:net';
import type { ProviderContext } from './context.js';
import type { ProviderRequest } from './http.js';

const lists = new WeakMap<string[], BlockList>();

/** One entry of an IP allow-list: an address, or a CIDR range (`10.0.0.0/8`, `2001:db8::/32`). */
export interface AddressRange {
  address: string;
  bits: number | undefined;
  type: 'ipv4' | 'ipv6';
}

/**
 * Parses an allow-list entry, or says what is wrong with it. The switches schema
 * validates every entry with this, so a list that reaches the provider always parses.
 */
export function parseAddressRange(entry: string): AddressRange | string {
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return `"${entry}" is not an IP address or CIDR range (e.g. 198.51.100.0/24, 2001:db8::/32)`;
  const type = version === 6 ? 'ipv6' : 'ipv4';
  if (slash < 0) return { address, bits: undefined, type };
  const max = version === 6 ? 128 : 32;
  const bits = entry.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return `"${entry}": the prefix length must be a whole number from 0 to ${max}`;
  return { address, bits: Number(bits), type };
}

function toBlockList(entries: string[]): BlockList {
  let list = lists.get(entries);
  if (list) return list;
  list = new BlockList();
  for (const e of entries) {
    const r = parseAddressRange(e);
    if (typeof r === 'string') continue; // not reachable: the switches schema refuses it
    if (r.bits !== undefined) list.addSubnet(r.address, r.bits, r.type);
    else list.addAddress(r.address, r.type);
  }
  lists.set(entries, list);
  return list;
}

/** The caller's address: the socket peer, or the first `X-Forwarded-For` hop when trusted. */
export function sourceAddress(ctx: ProviderContext, req: ProviderRequest): string {
  const forwarded = ctx.switches.network.trustForwardedFor ? req.headers['x-forwarded-for'] : undefined;
  const first = forwarded?.split(',')[0]?.trim();
  const addr = first || req.remoteAddress;
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}

/** Whether the caller's address is on the IP allow-list (empty list = everyone). */
export function addressAllowed(ctx: ProviderContext, req: ProviderRequest): { allowed: boolean; address: string } {
  const address = sourceAddress(ctx, req);
  const entries = ctx.switches.network.ipAllowList;
  if (entries.length === 0) return { allowed: true, address };
  const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return { allowed: isIP(address) !== 0 && toBlockList(entries).check(address, type), address };
}

/** Whether a redirect URI's host is within the domain allow-list (Facebook "App Domains"). */
export function domainAllowed(ctx: ProviderContext, redirectUri: string): boolean {
  const domains = ctx.switches.network.domainAllowList;
  if (domains.length === 0) return true;
  let host: string;
  try {
    host = new URL(redirectUri).hostname;
  } catch {
    return false;
  }
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

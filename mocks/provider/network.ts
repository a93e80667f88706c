import { BlockList, isIP } from 'node:net';
import type { ProviderContext } from './context.js';
import type { ProviderRequest } from './http.js';
import { parseAddressRange } from './address-range.js';

const lists = new WeakMap<string[], BlockList>();

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

/**
 * IP allow-list entries (an address or a CIDR range), parsed with nothing but `node:net`:
 * the switches schema validates with this, `network.ts` matches requests against it.
 */
import { isIP } from 'node:net';

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

/**
 * The block of addresses one client is taken to hold, for counting its attempts: an IPv4 address
 * alone, but an IPv6 address's /64. Providers give a home or a server a whole /64 (often more), so
 * counting each IPv6 address would let one machine try 2^64 times as often.
 */
import { isIPv4, isIPv6 } from 'node:net';

/**
 * `203.0.113.7` for an IPv4 address and for the same address mapped into IPv6
 * (`::ffff:203.0.113.7`, as a dual-stack server reports it); `2001:db8:1:2::/64` for any address in
 * that /64. Anything else (`unknown`, when there is no socket) is answered as it is.
 */
export function addressBlock(address: string): string {
  if (isIPv4(address)) return address;
  const withoutZone = address.replace(/%.*$/, ''); // fe80::1%eth0: the zone is this host's, not the client's.
  if (!isIPv6(withoutZone)) return address;
  const groups = ipv6Groups(withoutZone);
  const mappedIpv4 = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mappedIpv4) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, `::` filled in and a dotted IPv4 tail read. */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const first = parse(head);
  if (tail === undefined) return first;
  const last = parse(tail);
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}

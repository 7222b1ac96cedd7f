/**
 * Which network addresses an import may fetch from. Only public unicast addresses: loopback, private,
 * link-local (which holds the cloud metadata address 169.254.169.254), carrier-grade NAT, unique-local,
 * multicast and reserved ranges are refused, so a link pasted into Discord cannot make the bot read its
 * own machine or network.
 */
import ipaddr from 'ipaddr.js';

/** Cloud metadata services that sit outside the link-local ranges (Alibaba, AWS over IPv6). */
const METADATA_ADDRESSES = new Set(['100.100.100.200', 'fd00:ec2::254']);

/**
 * True when `address` may be fetched. `allowLoopback` is the test-only setting (IMPORT_ALLOW_LOOPBACK):
 * it lets 127.0.0.0/8 and ::1 through so tests can serve pages locally, and nothing else.
 */
export function isPublicAddress(address: string, allowLoopback = false): boolean {
  if (!ipaddr.isValid(address)) return false;
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  const parsed = ipaddr.process(address);
  if (METADATA_ADDRESSES.has(parsed.toString())) return false;
  const range = parsed.range();
  if (range === 'unicast') return true;
  return allowLoopback && range === 'loopback';
}

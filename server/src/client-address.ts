// Who the client is: its address as the trusted proxies in front of the server report it, and the
// part of that address that stands for one client (an IPv6 client owns a whole /64).
import { isIP } from 'node:net';

/** Names of address ranges `--trust-proxy` takes; `private` is proxy-addr's `uniquelocal`. */
const RANGE_NAMES: Record<string, string> = { loopback: 'loopback', linklocal: 'linklocal', uniquelocal: 'uniquelocal', private: 'uniquelocal' };

/** Fastify's `trustProxy`: nothing trusted, the proxies' addresses and ranges, or a hop test. */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/**
 * Reads `--trust-proxy`: a hop count (`1` behind one proxy) or a comma list of proxy addresses,
 * CIDR ranges and the names `loopback`, `private` (10/8, 172.16/12, 192.168/16, fc00::/7) and
 * `linklocal`. The client is then the first address of `X-Forwarded-For` counted from the right
 * that is not a trusted proxy, so whatever a client writes to the left of it changes nothing.
 * `true` is refused: trusting every hop lets any client name its own address.
 * @throws {Error} naming the entry that is wrong
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || /^(0|false|no|off)$/i.test(text)) return false;
  if (/^(true|yes|on)$/i.test(text)) {
    throw new Error(
      `"${text}" would trust every hop, so any client could write its own address into X-Forwarded-For: ` +
        'give the number of proxies in front of the server (1 behind one nginx) or their addresses (127.0.0.1,10.0.0.0/8)',
    );
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    // Fastify reads a number as "trust nothing", since a hop count cannot check who the peer is;
    // the operator who gives one vouches that only the proxies can reach this server.
    return (_address: string, hop: number) => hop < hops;
  }
  return text.split(',').map((entry) => trustedEntry(entry.trim()));
}

/** The entry as proxy-addr takes it. */
function trustedEntry(entry: string): string {
  const named = Object.hasOwn(RANGE_NAMES, entry.toLowerCase()) ? RANGE_NAMES[entry.toLowerCase()] : undefined;
  if (named) return named;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  const maxPrefix = family === 4 ? 32 : 128;
  const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
  if (!family || !prefixOk || extra !== undefined) {
    throw new Error(`"${entry}" is not a hop count, an IP address, a CIDR range (10.0.0.0/8, 2001:db8::/32) or one of loopback, private, linklocal`);
  }
  return entry;
}

/**
 * The part of an address that stands for one client: an IPv4 address as it is (an IPv4-mapped
 * IPv6 address as IPv4), an IPv6 address's /64 network (providers give each home or phone a whole
 * /64, so keying the full address would give one client 2^64 budgets). Anything else, as given.
 */
export function clientNetwork(address: string | undefined): string {
  const text = String(address ?? '');
  if (isIP(text) !== 6) return text;
  const groups = ipv6Groups(text.replace(/%.*$/, ''));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing IPv4 as two groups). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

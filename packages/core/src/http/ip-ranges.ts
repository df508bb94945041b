/**
 * How far a host is from the public internet:
 * `loopback` (this machine), `private` (LAN, link-local, unspecified and other non-public ranges) or `public`.
 */
export type HostKind = 'loopback' | 'private' | 'public';

/**
 * Classifies a URL hostname as the WHATWG URL parser normalises it: IPv4 literals arrive in dotted
 * decimal (even when written as `0x7f.1` or `2130706433`), IPv6 literals in brackets.
 * DNS names are `public` except `localhost` and `*.localhost`, which resolve to this machine.
 */
export function classifyHost(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    const hextets = parseIPv6(host.slice(1, -1));
    // An IPv6 literal we cannot parse is refused rather than trusted.
    return hextets ? classifyIPv6(hextets) : 'private';
  }
  const octets = parseIPv4(host);
  if (octets) return classifyIPv4(octets);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  return 'public';
}

function parseIPv4(host: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function classifyIPv4([a = 0, b = 0, c = 0]: number[]): HostKind {
  if (a === 127) return 'loopback';
  if (a === 0) return 'private'; // 0.0.0.0/8: "this network"; 0.0.0.0 reaches local services on most systems
  if (a === 10) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // 100.64/10: carrier-grade NAT
  if (a === 169 && b === 254) return 'private'; // link-local, including cloud metadata endpoints
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 192 && b === 0 && c === 0) return 'private'; // 192.0.0/24: IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return 'private'; // 198.18/15: benchmarking, used inside networks
  if (a >= 224) return 'private'; // multicast, reserved and broadcast: never a download host
  return 'public';
}

function parseIPv6(literal: string): number[] | undefined {
  let text = literal;
  let tail: number[] = [];
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) becomes two hextets.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4(dotted[2] ?? '');
    if (!v4) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    tail = [(a << 8) | b, (c << 8) | d];
    text = `${dotted[1]}0`; // placeholder hextet, dropped below
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined): number[] | undefined => {
    if (!part) return [];
    const groups = part.split(':');
    if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => Number.parseInt(g, 16));
  };
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  if (!head || !rest) return undefined;
  if (dotted) (halves.length === 2 ? rest : head).pop();
  const given = [...head, ...rest, ...tail];
  if (halves.length === 1) return given.length === 8 ? given : undefined;
  if (given.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - given.length).fill(0), ...rest, ...tail];
}

function classifyIPv6(h: number[]): HostKind {
  const [h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0] = h;
  const embeddedV4 = [h6 >> 8, h6 & 0xff, h7 >> 8, h7 & 0xff];
  const zeroPrefix = h0 === 0 && h1 === 0 && h2 === 0 && h3 === 0 && h4 === 0;
  if (zeroPrefix && h5 === 0 && h6 === 0) return h7 === 1 ? 'loopback' : 'private'; // ::1 and ::
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses
  // reach the embedded IPv4 address, so they are judged by it.
  if (zeroPrefix && (h5 === 0xffff || h5 === 0)) return classifyIPv4(embeddedV4);
  if (h0 === 0x64 && h1 === 0xff9b && h2 === 0 && h3 === 0 && h4 === 0 && h5 === 0) {
    return classifyIPv4(embeddedV4);
  }
  // IPv4-translated (::ffff:0:a.b.c.d) likewise.
  if (h0 === 0 && h1 === 0 && h2 === 0 && h3 === 0 && h4 === 0xffff && h5 === 0)
    return classifyIPv4(embeddedV4);
  // 6to4 (2002:aabb:ccdd::/48) tunnels to the IPv4 address in its second and third hextets.
  if (h0 === 0x2002) return classifyIPv4([h1 >> 8, h1 & 0xff, h2 >> 8, h2 & 0xff]);
  if ((h0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((h0 & 0xffc0) === 0xfe80) return 'private'; // fe80::/10 link-local
  if ((h0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 deprecated site-local
  if ((h0 & 0xff00) === 0xff00) return 'private'; // multicast
  return 'public';
}

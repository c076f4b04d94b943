/**
 * CIDR blocks of network zones (`Ipv4Cidrs`, `Ipv6Cidrs`): one pure parser that both sides apply,
 * the local server when it answers `CreateNetworkZone` / `UpdateNetworkZone` and the
 * `NetworkZone` resource at preview, so a block refused by one is refused by the other with the
 * same reason.
 *
 * A block is an address, a slash and a prefix length, written as given (no normalization, so
 * what a program declares is what the service reports back):
 * - IPv4: four decimal octets 0–255 without leading zeros, prefix 0–32 (`10.0.0.0/8`);
 * - IPv6: eight groups of one to four hex digits, `::` at most once for a run of zero groups, an
 *   IPv4 tail allowed (`::ffff:10.0.0.0/104`), prefix 0–128 (`2001:db8::/32`).
 * The address must be the first address of the block: `10.0.0.1/8` is refused, and the reason
 * names the block meant (`10.0.0.0/8`). A bare address without a prefix length is refused.
 */

/** IP version of a CIDR list. */
export type IpFamily = 4 | 6;

/** A parsed block: its address as a 32- or 128-bit integer and its prefix length. */
interface ParsedCidr {
  readonly address: bigint;
  readonly prefix: number;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

function parsePrefix(text: string, max: number): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

function parseIpv4Address(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!DECIMAL.test(part) || part.length > 3) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function parseGroups(text: string): bigint[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: bigint[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4Address(part);
      if (v4 === undefined) return undefined;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEX_GROUP.test(part)) {
      groups.push(BigInt(parseInt(part, 16)));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6Address(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]);
  const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!head || !tail) return undefined;
  // An IPv4 tail may only end the address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  const given = head.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  const groups = [...head, ...new Array<bigint>(8 - given).fill(0n), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function parse(value: string, family: IpFamily): ParsedCidr | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const prefix = parsePrefix(value.slice(slash + 1), family === 4 ? 32 : 128);
  if (prefix === undefined) return undefined;
  const addressText = value.slice(0, slash);
  const address = family === 4 ? parseIpv4Address(addressText) : parseIpv6Address(addressText);
  return address === undefined ? undefined : { address, prefix };
}

function formatIpv4(address: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 0xffn)).join('.');
}

/** RFC 5952 text of an IPv6 address: lower case, the longest run of two or more zero groups as `::`. */
function formatIpv6(address: bigint): string {
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => Number((address >> s) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Why `value` is not an IPv`family` CIDR block (a sentence fragment such as `it is not an IPv4
 * CIDR block (address/prefix)`), or `undefined` when it is one.
 */
export function cidrProblem(value: unknown, family: IpFamily): string | undefined {
  const kind = `an IPv${family} CIDR block`;
  if (typeof value !== 'string' || value === '') return `it is not ${kind}`;
  const parsed = parse(value, family);
  if (!parsed) {
    const example = family === 4 ? '192.168.0.0/16' : '2001:db8::/32';
    return `it is not ${kind} (address/prefix, e.g. ${example})`;
  }
  const bits = BigInt(family === 4 ? 32 : 128);
  const hostBits = bits - BigInt(parsed.prefix);
  const mask = (1n << hostBits) - 1n;
  if ((parsed.address & mask) !== 0n) {
    const network = parsed.address & ~mask & ((1n << bits) - 1n);
    const text = family === 4 ? formatIpv4(network) : formatIpv6(network);
    return `its address has bits set past the prefix length; the block is ${text}/${parsed.prefix}`;
  }
  return undefined;
}

/** One problem of a CIDR list: the position of the entry, the entry and why it is refused. */
export interface CidrListProblem {
  readonly index: number;
  readonly value: unknown;
  readonly reason: string;
}

/**
 * The first problem of a CIDR list, or `undefined`: an entry that is not a block of the family
 * (see {@link cidrProblem}), a block listed twice, or more than `max` entries (index `max`).
 */
export function cidrListProblem(
  values: readonly unknown[],
  family: IpFamily,
  max: number,
): CidrListProblem | undefined {
  if (values.length > max) {
    return { index: max, value: values[max], reason: `at most ${max} blocks are accepted` };
  }
  const seen = new Set<string>();
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    const reason = cidrProblem(value, family);
    if (reason) return { index, value, reason };
    const key = String(value).toLowerCase();
    if (seen.has(key)) return { index, value, reason: 'it is listed twice' };
    seen.add(key);
  }
  return undefined;
}

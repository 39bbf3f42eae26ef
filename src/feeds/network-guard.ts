import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import type { Agent, buildConnector } from "undici";
import { BlockedAddressError } from "./errors.ts";
import { undici } from "./undici.ts";

/**
 * Keeps fetches away from this machine and its networks. Feed URLs come from guild members, so
 * a URL must not reach loopback, private, link-local (cloud metadata), CGNAT, unique-local or any
 * other non-unicast address.
 *
 * Checks happen in two places, in this order:
 * 1. `checkUrl`, before any socket: the scheme, IP literals (the WHATWG parser has already turned
 *    `2130706433` and `0x7f.1` into `127.0.0.1`) and `localhost` names.
 * 2. The dispatcher's connector, at connect time: the name is resolved and every address is
 *    checked before a socket is created, and the socket may only use the addresses that
 *    passed; so a name that resolves (or re-resolves) to 127.0.0.1 is refused. IP literals are
 *    checked there again, since `lookup` is never called for them.
 */

/** One address a hostname resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** DNS resolution as the guard needs it; tests inject one to simulate rebinding. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export interface NetworkGuardOptions {
  /**
   * Hostnames, IP addresses and CIDRs exempt from the address check (FETCH_ALLOW_HOSTS), e.g.
   * `["127.0.0.1"]` in tests or `["feeds.intranet", "10.1.0.0/16"]`.
   */
  allowHosts?: readonly string[];
  /** Defaults to the system resolver (`dns.lookup`, all addresses). */
  resolve?: ResolveHost;
}

/** The policy plus the undici dispatcher that enforces it at connect time. */
export interface NetworkGuard {
  /** Parses and checks a URL without DNS; throws `BlockedAddressError` when refused. */
  checkUrl(url: string | URL): URL;
  /** Pass as `dispatcher` to undici's `fetch`/`request`. */
  readonly dispatcher: Agent;
  close(): Promise<void>;
}

/** Splits a FETCH_ALLOW_HOSTS value ("127.0.0.1, feeds.local 10.0.0.0/8") into entries. */
export function parseAllowHosts(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export function createNetworkGuard(options: NetworkGuardOptions = {}): NetworkGuard {
  const policy = createAddressPolicy(options.allowHosts ?? []);
  const resolve = options.resolve ?? resolveWithSystem;

  // Names are resolved and vetted in `connect`, before any socket exists; the socket's lookup
  // then gets exactly those addresses (or, if they were already used, resolves and vets again).
  const vetted = new Map<string, ResolvedAddress[]>();
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const pinned = vetted.get(hostname);
    vetted.delete(hostname);
    const addresses = pinned ? Promise.resolve(pinned) : resolveAllowed(hostname, policy, resolve);
    addresses.then(
      (all) => {
        const family = familyOf(lookupOptions.family);
        const usable = family ? all.filter((entry) => entry.family === family) : all;
        if (usable.length === 0) {
          callback(
            Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: "ENOTFOUND" }),
            "",
            0,
          );
        } else if (lookupOptions.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };

  // The dispatcher (and undici with it) is made on the first fetch: see undici.ts.
  let dispatcher: Agent | undefined;
  const makeDispatcher = (): Agent => {
    const connectWithLookup = undici().buildConnector({ lookup: guardedLookup });
    const connect: buildConnector.connector = (connectOptions, callback) => {
      const host = stripBrackets(connectOptions.hostname);
      if (isIP(host) !== 0) {
        const reason = policy.refuseAddress(host, host);
        if (reason) callback(new BlockedAddressError(host, reason), null);
        else connectWithLookup(connectOptions, callback);
        return;
      }
      resolveAllowed(host, policy, resolve).then(
        (addresses) => {
          vetted.set(host, addresses);
          connectWithLookup(connectOptions, callback);
        },
        (error: Error) => callback(error, null),
      );
    };
    return new (undici().Agent)({ connect });
  };

  return {
    checkUrl(input) {
      const url = parseUrl(input);
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new BlockedAddressError(url.href, `only http and https URLs are fetched, not ${url.protocol}`);
      }
      const host = stripBrackets(url.hostname);
      if (policy.isExemptName(host)) return url;
      const literal = isIP(host) !== 0 ? [host] : isLocalhostName(host) ? LOCALHOST_ADDRESSES : [];
      for (const address of literal) {
        const reason = policy.refuseAddress(address, host);
        if (reason) throw new BlockedAddressError(url.href, reason);
      }
      return url;
    },
    get dispatcher() {
      dispatcher ??= makeDispatcher();
      return dispatcher;
    },
    close: async () => {
      await dispatcher?.close();
    },
  };
}

/** RFC 6761: `localhost` and `*.localhost` always mean this machine, whatever DNS says. */
const LOCALHOST_ADDRESSES = ["127.0.0.1", "::1"];

interface AddressPolicy {
  isExemptName(hostname: string): boolean;
  /** Returns why the address is refused, or undefined when it may be used. */
  refuseAddress(address: string, hostname: string): string | undefined;
}

function createAddressPolicy(allowHosts: readonly string[]): AddressPolicy {
  const names = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const entry of allowHosts) {
    if (entry.includes("/")) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`FETCH_ALLOW_HOSTS: "${entry}" is not a valid CIDR`);
      ranges.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(stripBrackets(entry))) {
      const address = ipaddr.process(stripBrackets(entry));
      ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else {
      names.add(normaliseName(entry));
    }
  }

  return {
    isExemptName: (hostname) => names.has(normaliseName(hostname)),
    refuseAddress(address, hostname) {
      if (names.has(normaliseName(hostname))) return undefined;
      if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
      // process() unwraps IPv4-mapped IPv6 (::ffff:7f00:1 → 127.0.0.1) so the v4 rules apply.
      const parsed = ipaddr.process(address);
      if (ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) {
        return undefined;
      }
      const range = rangeOf(parsed);
      if (range === "unicast") return undefined;
      const words = describeRange(range);
      return hostname === address ? `${address} is ${words}` : `it resolves to ${address}, ${words}`;
    },
  };
}

function rangeOf(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  // ::/96 (deprecated IPv4-compatible) is "unicast" to ipaddr.js but embeds an IPv4 address.
  if (address.kind() === "ipv6" && address.match(ipaddr.parseCIDR("::/96"))) return "ipv4Compatible";
  return address.range();
}

function describeRange(range: string): string {
  const words: Record<string, string> = {
    loopback: "a loopback address",
    private: "a private network address",
    linkLocal: "a link-local address",
    carrierGradeNat: "a carrier-grade NAT address",
    uniqueLocal: "a unique-local address",
    unspecified: "an unspecified address",
    multicast: "a multicast address",
    broadcast: "a broadcast address",
    reserved: "a reserved address",
  };
  return words[range] ?? `a non-public address (${range})`;
}

async function resolveAllowed(
  hostname: string,
  policy: AddressPolicy,
  resolve: ResolveHost,
): Promise<ResolvedAddress[]> {
  const host = stripBrackets(hostname);
  const resolved: ResolvedAddress[] = isLocalhostName(host)
    ? LOCALHOST_ADDRESSES.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }))
    : await resolve(host);
  const refusals: string[] = [];
  const allowed = resolved.filter((entry) => {
    const reason = policy.refuseAddress(entry.address, host);
    if (reason) refusals.push(reason);
    return reason === undefined;
  });
  // Only allowed addresses reach the connector: a rebinding answer mixing public and private
  // addresses can never lead to a private one.
  if (allowed.length > 0) return allowed;
  if (refusals.length > 0) throw new BlockedAddressError(host, refusals[0]!);
  throw Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND", hostname: host });
}

async function resolveWithSystem(hostname: string): Promise<ResolvedAddress[]> {
  const entries = await dnsLookup(hostname, { all: true, verbatim: true });
  return entries.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
}

function familyOf(family: number | string | undefined): 4 | 6 | undefined {
  if (family === 4 || family === "IPv4") return 4;
  if (family === 6 || family === "IPv6") return 6;
  return undefined;
}

function parseUrl(input: string | URL): URL {
  if (input instanceof URL) return input;
  try {
    return new URL(input);
  } catch {
    throw new BlockedAddressError(input, "not a valid URL");
  }
}

function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

function normaliseName(host: string): string {
  return host.toLowerCase().replace(/\.+$/, "");
}

function isLocalhostName(host: string): boolean {
  const name = normaliseName(host);
  return name === "localhost" || name.endsWith(".localhost");
}

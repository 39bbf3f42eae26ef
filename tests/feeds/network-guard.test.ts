import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedAddressError, NetworkError } from "../../src/feeds/errors.ts";
import { fetchGuarded } from "../../src/feeds/fetch-url.ts";
import { createNetworkGuard, parseAllowHosts, type ResolveHost } from "../../src/feeds/network-guard.ts";
import { countClientSockets, startServer, type TestServer } from "./feed-server.ts";

/** Fake DNS: these names point at loopback, as a rebinding attacker's name would. */
const resolveToLoopback: ResolveHost = async (hostname) => {
  if (hostname === "rebind.test") return [{ address: "127.0.0.1", family: 4 }];
  if (hostname === "mixed.test") {
    return [
      { address: "10.0.0.1", family: 4 },
      { address: "::ffff:127.0.0.1", family: 6 },
    ];
  }
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
};

let server: TestServer;

beforeAll(async () => {
  server = await startServer((_request, response) => {
    response.end("<rss version='2.0'><channel><title>t</title></channel></rss>");
  });
});

afterAll(async () => {
  await server.close();
});

describe("the network guard", () => {
  it("refuses every loopback, private, link-local, CGNAT, unique-local and non-http URL without opening a socket", async () => {
    const guard = createNetworkGuard({ resolve: resolveToLoopback });
    const port = server.port;
    const urls = [
      `http://127.0.0.1:${port}/`,
      `http://localhost.:${port}/`,
      `http://localhost:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      `http://2130706433:${port}/`,
      `http://0x7f.1:${port}/`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/",
      "http://100.64.0.1/",
      "http://[fc00::1]/",
      "http://0.0.0.0/",
      "http://[::7f00:1]/",
      "file:///etc/passwd",
      "ftp://x/",
      `http://rebind.test:${port}/`,
      `http://mixed.test:${port}/`,
    ];
    const sockets = countClientSockets();
    try {
      for (const url of urls) {
        await expect(fetchGuarded(url, { guard }), url).rejects.toBeInstanceOf(BlockedAddressError);
      }
    } finally {
      sockets.stop();
      await guard.close();
    }
    expect(sockets.count).toBe(0);
    expect(server.connections).toBe(0);
  });

  it("explains the refusal in words", async () => {
    const guard = createNetworkGuard({ resolve: resolveToLoopback });
    await expect(fetchGuarded("http://2130706433/", { guard })).rejects.toThrow(
      "refused http://127.0.0.1/: 127.0.0.1 is a loopback address",
    );
    await expect(fetchGuarded("http://169.254.169.254/", { guard })).rejects.toThrow("a link-local address");
    await expect(fetchGuarded("http://rebind.test/", { guard })).rejects.toThrow(
      "refused http://rebind.test/: it resolves to 127.0.0.1, a loopback address",
    );
    await expect(fetchGuarded("file:///etc/passwd", { guard })).rejects.toThrow(
      "only http and https URLs are fetched",
    );
    await guard.close();
  });

  it("checks addresses at connect time, even when the URL check is bypassed", async () => {
    const guard = createNetworkGuard({ resolve: resolveToLoopback });
    for (const url of [`http://127.0.0.1:${server.port}/`, `http://rebind.test:${server.port}/`]) {
      const error = await undiciFetch(url, { dispatcher: guard.dispatcher }).catch((e: unknown) => e);
      expect((error as { cause?: unknown }).cause, url).toBeInstanceOf(BlockedAddressError);
    }
    await guard.close();
    expect(server.connections).toBe(0);
  });

  it("lets allowHosts exempt an address, a CIDR or a hostname, and nothing else", async () => {
    const byAddress = createNetworkGuard({ allowHosts: ["127.0.0.1"], resolve: resolveToLoopback });
    const byCidr = createNetworkGuard({ allowHosts: ["127.0.0.0/8"], resolve: resolveToLoopback });
    const byName = createNetworkGuard({ allowHosts: ["rebind.test"], resolve: resolveToLoopback });
    try {
      const before = server.connections;
      expect((await fetchGuarded(`${server.origin}/`, { guard: byAddress })).status).toBe(200);
      expect((await fetchGuarded(`http://rebind.test:${server.port}/`, { guard: byCidr })).status).toBe(200);
      expect((await fetchGuarded(`http://rebind.test:${server.port}/`, { guard: byName })).status).toBe(200);
      expect(server.connections).toBeGreaterThan(before);

      await expect(fetchGuarded("http://10.0.0.1/", { guard: byCidr })).rejects.toBeInstanceOf(
        BlockedAddressError,
      );
      await expect(fetchGuarded(`http://[::1]:${server.port}/`, { guard: byAddress })).rejects.toBeInstanceOf(
        BlockedAddressError,
      );
      await expect(
        fetchGuarded(`http://127.0.0.1:${server.port}/`, { guard: byName }),
      ).rejects.toBeInstanceOf(BlockedAddressError);
    } finally {
      await Promise.all([byAddress.close(), byCidr.close(), byName.close()]);
    }
  });

  it("reports a name that does not resolve as a network error, not a refusal", async () => {
    const guard = createNetworkGuard({ resolve: resolveToLoopback });
    const error = await fetchGuarded("http://nowhere.test/feed", { guard }).catch((e: unknown) => e);
    await guard.close();
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe("host not found (nowhere.test)");
  });

  it("rejects a malformed CIDR in allowHosts at creation", () => {
    expect(() => createNetworkGuard({ allowHosts: ["10.0.0.0/99"] })).toThrow(/not a valid CIDR/);
  });

  it("reads FETCH_ALLOW_HOSTS as a comma- or space-separated list", () => {
    expect(parseAllowHosts(undefined)).toEqual([]);
    expect(parseAllowHosts(" 127.0.0.1, feeds.local  10.0.0.0/8 ,")).toEqual([
      "127.0.0.1",
      "feeds.local",
      "10.0.0.0/8",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  addressKindOf,
  HostRegistry,
  isLoopbackAddress,
  isLoopbackHostname,
  isPrivateOrLoopbackAddress,
  parseWsUrl,
} from "../../src/net/index.ts";

describe("address helpers", () => {
  it("recognises loopback the way OpenClaw does", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ["192.0.2.10", "100.64.0.10", "::ffff:192.0.2.1", "128.0.0.1", "", undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
    expect(isLoopbackHostname("localhost")).toBe(true);
    expect(isLoopbackHostname("gw")).toBe(false);
  });

  it("treats the simulated LAN ranges, tailnet and RFC1918 as private, 203.0.113.0/24 as public", () => {
    for (const a of ["192.0.2.10", "198.51.100.4", "100.64.0.10", "100.127.255.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "fd00::1", "fe80::1", "::1"]) {
      expect(isPrivateOrLoopbackAddress(a), a).toBe(true);
    }
    for (const a of ["203.0.113.10", "100.128.0.1", "8.8.8.8", "2001:db8::1"]) expect(isPrivateOrLoopbackAddress(a), a).toBe(false);
    expect(addressKindOf("127.0.0.1")).toBe("loopback");
    expect(addressKindOf("100.64.0.10")).toBe("tailnet");
    expect(addressKindOf("192.0.2.10")).toBe("lan");
    expect(addressKindOf("203.0.113.10")).toBe("remote");
  });

  it("parses ws URLs into host, port, path and the Host header a client sends", () => {
    const a = parseWsUrl("ws://127.0.0.1:18789/?x=1");
    expect(a).toEqual({ kind: "ok", url: expect.objectContaining({ hostname: "127.0.0.1", port: 18789, path: "/?x=1", secure: false, hostHeader: "127.0.0.1:18789" }) });
    const b = parseWsUrl("wss://Gateway.Example.ts.net");
    expect(b).toEqual({ kind: "ok", url: expect.objectContaining({ hostname: "gateway.example.ts.net", port: 443, path: "/", secure: true, hostHeader: "gateway.example.ts.net" }) });
    const c = parseWsUrl("ws://[::1]:80/ws");
    expect(c).toEqual({ kind: "ok", url: expect.objectContaining({ hostname: "::1", port: 80, hostHeader: "[::1]" }) });
    expect(parseWsUrl("http://gw/").kind).toBe("invalid");
    expect(parseWsUrl("ws://gw/#frag").kind).toBe("invalid");
    expect(parseWsUrl("not a url").kind).toBe("invalid");
  });
});

describe("hosts", () => {
  it("allocates addresses from each kind's range and resolves names from a host's point of view", () => {
    const hosts = new HostRegistry();
    const gw = hosts.add({ name: "gw", kind: "lan", alsoOn: ["tailnet"] });
    const laptop = hosts.add({ name: "laptop", kind: "lan" });
    const far = hosts.add({ name: "far", kind: "remote" });
    const edge = hosts.add({ name: "edge", kind: "proxy" });
    const box = hosts.add({ name: "box", kind: "loopback" });
    expect(gw.interfaces.map((i) => i.address)).toEqual(["192.0.2.10", "100.64.0.10"]);
    expect(laptop.address).toBe("192.0.2.11");
    expect(far.address).toBe("203.0.113.10");
    expect(edge.address).toBe("198.51.100.10");
    expect(box.address).toBe("127.0.0.1");

    // localhost is always the dialler's own loopback
    expect(hosts.resolve(laptop, "localhost")).toMatchObject({ kind: "host", host: laptop, address: "127.0.0.1", addressKind: "loopback" });
    expect(hosts.resolve(laptop, "gw")).toMatchObject({ kind: "host", host: gw, address: "192.0.2.10", addressKind: "lan" });
    // no route from the internet into the LAN or the tailnet; a LAN host cannot reach the tailnet
    expect(hosts.resolve(far, "192.0.2.10")).toEqual({ kind: "unreachable", address: "192.0.2.10" });
    expect(hosts.resolve(laptop, "100.64.0.10")).toEqual({ kind: "unreachable", address: "100.64.0.10" });
    expect(hosts.resolve(box, "gw")).toEqual({ kind: "unreachable", address: "192.0.2.10" });
    expect(hosts.resolve(laptop, "nowhere.example")).toEqual({ kind: "not-found" });
    // mDNS: <host>.local is the host's LAN address, for LAN peers only (a tailnet-only or remote dialler gets nothing)
    expect(hosts.resolve(laptop, "gw.local")).toMatchObject({ kind: "host", host: gw, address: "192.0.2.10", addressKind: "lan" });
    expect(hosts.resolve(laptop, "GW.LOCAL")).toMatchObject({ kind: "host", host: gw, address: "192.0.2.10" });
    expect(hosts.resolve(far, "gw.local")).toEqual({ kind: "not-found" });
    expect(hosts.resolve(laptop, "nobody.local")).toEqual({ kind: "not-found" });

    // an address alias (the real client's RFC1918 stand-in) reaches the same host and address as the literal
    hosts.addAddressAlias("192.168.2.10", "192.0.2.10");
    expect(hosts.resolve(laptop, "192.168.2.10")).toMatchObject({ kind: "host", host: gw, address: "192.0.2.10", addressKind: "lan" });
    expect(hosts.resolve(far, "192.168.2.10")).toEqual({ kind: "unreachable", address: "192.0.2.10" });
    expect(hosts.addressTaken("192.168.2.10")).toBe(true);
    expect([hosts.aliasTarget("192.168.2.10"), hosts.aliasTarget("192.0.2.10")]).toEqual(["192.0.2.10", undefined]);
    expect(() => hosts.addAddressAlias("192.0.2.11", "192.0.2.10")).toThrow(/already taken/);

    hosts.addDnsName("gw.tail1234.ts.net", "100.64.0.10");
    const phone = hosts.add({ name: "phone", kind: "tailnet" });
    expect(hosts.resolve(phone, "gw.tail1234.ts.net")).toMatchObject({ kind: "host", host: gw, addressKind: "tailnet" });
    // the peer sees the dialler's address on the network it dialled
    expect(hosts.sourceAddress(phone, gw, "100.64.0.10")).toBe("100.64.0.11");
    expect(hosts.sourceAddress(laptop, gw, "192.0.2.10")).toBe("192.0.2.11");
    expect(hosts.sourceAddress(gw, gw, "127.0.0.1")).toBe("127.0.0.1");
    expect(hosts.sourceAddress(gw, gw, "::1")).toBe("::1");
    expect(hosts.sourceAddress(gw, gw, "192.0.2.10")).toBe("192.0.2.10");
  });
});

// Simulated hosts: a name, a kind and one or more interface addresses, plus name resolution and the question
// "which of my addresses does a peer see when I dial that address". Every host also has its own loopback.
// Not here: listening sockets (listeners.ts) and packets (transport.ts).
import { assert, assertionFailed } from "../kernel/index.ts";
import { addressKindOf, isLoopbackHostname, isIpAddress, normalizeAddress, type AddressKind } from "./address.ts";

/**
 * `loopback`: a machine nobody else can reach (only 127.0.0.1 / ::1). `lan`, `tailnet`, `remote`: a machine
 * whose primary interface is on that network. `proxy`: a reverse-proxy machine on the LAN (198.51.100.0/24).
 */
export type HostKind = "loopback" | "lan" | "tailnet" | "remote" | "proxy";

export interface HostInterface {
  readonly address: string;
  readonly kind: AddressKind;
}

export interface Host {
  readonly name: string;
  readonly kind: HostKind;
  /** The primary address (127.0.0.1 for a loopback-only host). */
  readonly address: string;
  /** Non-loopback interfaces, primary first. Empty for a loopback-only host. */
  readonly interfaces: readonly HostInterface[];
}

export interface HostSpec {
  name: string;
  kind: HostKind;
  /** Primary address; allocated from the kind's range when omitted. */
  address?: string;
  /** Further interfaces, allocated from their ranges (e.g. a LAN gateway that is also on the tailnet). */
  alsoOn?: readonly ("lan" | "tailnet" | "remote")[];
}

/** Where a dialled name or address leads. */
export type Resolution =
  | { readonly kind: "host"; readonly host: Host; readonly address: string; readonly addressKind: AddressKind }
  | { readonly kind: "unreachable"; readonly address: string }
  | { readonly kind: "not-found" };

/** Hosts per network kind; each range hands out .10, .11, … */
const hostsPerRangeMax = 240;
const firstHostOctet = 10;
const rangePrefix: Record<"lan" | "proxy" | "tailnet" | "remote", string> = {
  lan: "192.0.2.",
  proxy: "198.51.100.",
  tailnet: "100.64.0.",
  remote: "203.0.113.",
};

export class HostRegistry {
  private readonly hosts = new Map<string, Host>();
  private readonly byAddress = new Map<string, Host>();
  private readonly dnsNames = new Map<string, string>();
  /** Address literals that stand for another host address (see addAddressAlias). */
  private readonly addressAliases = new Map<string, string>();
  private readonly nextOctet: Record<keyof typeof rangePrefix, number> = {
    lan: firstHostOctet,
    proxy: firstHostOctet,
    tailnet: firstHostOctet,
    remote: firstHostOctet,
  };

  add(spec: HostSpec): Host {
    assert(/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(spec.name), `bad host name ${JSON.stringify(spec.name)}`);
    assert(!this.hosts.has(spec.name), `host ${spec.name} already exists`);
    const interfaces: HostInterface[] = [];
    if (spec.kind !== "loopback") {
      const primary = spec.address ? normalizeAddress(spec.address) : this.allocate(spec.kind);
      interfaces.push({ address: primary, kind: addressKindOf(primary) });
    } else {
      assert(spec.address === undefined && !spec.alsoOn?.length, "a loopback-only host has no other address");
    }
    for (const extra of spec.alsoOn ?? []) {
      const address = this.allocate(extra);
      interfaces.push({ address, kind: addressKindOf(address) });
    }
    for (const i of interfaces) {
      assert(i.kind !== "loopback", `host ${spec.name}: ${i.address} is a loopback address`);
      assert(!this.byAddress.has(i.address), `address ${i.address} is already taken`);
    }
    const host: Host = { name: spec.name, kind: spec.kind, address: interfaces[0]?.address ?? "127.0.0.1", interfaces };
    this.hosts.set(host.name, host);
    for (const i of interfaces) this.byAddress.set(i.address, host);
    return host;
  }

  get(name: string): Host {
    const host = this.hosts.get(name);
    if (!host) assertionFailed(`unknown host ${name}`);
    return host;
  }

  has(name: string): boolean {
    return this.hosts.has(name);
  }

  all(): readonly Host[] {
    return [...this.hosts.values()];
  }

  hostAt(address: string): Host | undefined {
    return this.byAddress.get(normalizeAddress(address));
  }

  /** An extra DNS name (e.g. `gateway.tail1234.ts.net`) for an address. Host names resolve without this. */
  addDnsName(name: string, address: string): void {
    const key = name.toLowerCase();
    assert(!this.dnsNames.has(key) && !this.hosts.has(key), `DNS name ${name} already defined`);
    assert(isIpAddress(address), `DNS name ${name} must map to an address, got ${address}`);
    this.dnsNames.set(key, normalizeAddress(address));
  }

  /**
   * A second address literal for a host address: dialling `alias` reaches `address` exactly as dialling `address`
   * does (only the URL, and so the Host header, says `alias`). For the real client, whose plaintext-ws rule must see
   * an RFC1918 address where the simulation's LAN uses documentation space (world.ts realClientUrl).
   */
  addAddressAlias(alias: string, address: string): void {
    const key = normalizeAddress(alias);
    assert(isIpAddress(key) && isIpAddress(address), `address alias ${alias} → ${address}: both must be address literals`);
    assert(!this.byAddress.has(key) && !this.addressAliases.has(key), `address ${alias} is already taken`);
    this.addressAliases.set(key, normalizeAddress(address));
  }

  /** Whether an address literal is a host's or an alias's. */
  addressTaken(address: string): boolean {
    const key = normalizeAddress(address);
    return this.byAddress.has(key) || this.addressAliases.has(key);
  }

  /** The address an alias stands for (undefined when it is no alias). */
  aliasTarget(alias: string): string | undefined {
    return this.addressAliases.get(normalizeAddress(alias));
  }

  /** What `hostname` (a name or an address literal) means to a process on `from`. */
  resolve(from: Host, hostname: string): Resolution {
    const h = normalizeAddress(hostname);
    if (isLoopbackHostname(h)) {
      const address = isIpAddress(h) ? h : "127.0.0.1";
      return { kind: "host", host: from, address, addressKind: "loopback" };
    }
    // mDNS: `<host>.local` names a host on the LAN (no DNS entry needed), as Bonjour/Avahi answer for it.
    const mdns = h.endsWith(".local") && !this.dnsNames.has(h) ? this.hosts.get(h.slice(0, -".local".length)) : undefined;
    if (mdns) {
      const lan = mdns.interfaces.find((i) => i.kind === "lan" && this.canReach(from, mdns, i.address))?.address;
      if (lan === undefined) return { kind: "not-found" };
      return { kind: "host", host: mdns, address: lan, addressKind: mdns === from ? "loopback" : addressKindOf(lan) };
    }
    const named = this.hosts.get(h);
    // A host name resolves to the first of its interfaces the dialling host can reach (split-horizon DNS).
    const reachable = named?.interfaces.find((i) => this.canReach(from, named, i.address))?.address;
    const address = isIpAddress(h) ? (this.addressAliases.get(h) ?? h) : (this.dnsNames.get(h) ?? reachable ?? named?.address);
    if (address === undefined) return { kind: "not-found" };
    const target = this.byAddress.get(address);
    if (!target || !this.canReach(from, target, address)) return { kind: "unreachable", address };
    return { kind: "host", host: target, address, addressKind: target === from ? "loopback" : addressKindOf(address) };
  }

  /**
   * The address the far end sees when `from` dials `address` on `to`: the same loopback literal on the same
   * host, the dialled address itself when a host dials its own interface, else `from`'s interface on the
   * dialled network (its primary one for remote addresses; no NAT is modelled).
   */
  sourceAddress(from: Host, to: Host, address: string): string {
    if (isLoopbackHostname(address)) return normalizeAddress(address).includes(":") ? "::1" : "127.0.0.1";
    if (from === to) return normalizeAddress(address);
    const kind = addressKindOf(address);
    return from.interfaces.find((i) => i.kind === kind)?.address ?? from.address;
  }

  private canReach(from: Host, to: Host, address: string): boolean {
    if (from === to) return true;
    const kind = addressKindOf(address);
    if (kind === "remote") return from.interfaces.length > 0;
    return from.interfaces.some((i) => i.kind === kind);
  }

  private allocate(kind: keyof typeof rangePrefix | "loopback"): string {
    assert(kind !== "loopback", "loopback addresses are not allocated");
    // Skip addresses a host already took explicitly.
    for (;;) {
      const octet = this.nextOctet[kind];
      assert(octet < firstHostOctet + hostsPerRangeMax, `out of ${kind} addresses`);
      this.nextOctet[kind] = octet + 1;
      const address = `${rangePrefix[kind]}${octet}`;
      if (!this.byAddress.has(address)) return address;
    }
  }
}

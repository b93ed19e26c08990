// gateway.bind decides who can reach the gateway: loopback-bound refuses LAN peers, lan-bound accepts them.
import { describe, expect, it } from "vitest";
import { findProfile, host, World } from "../../src/index.ts";
import { listenBind } from "../../src/world/machine-node.ts";

function lanAttempt(bind: "loopback" | "all") {
  const world = new World({ seed: 1n, profile: findProfile("2026.3")! });
  world.addHost({ name: "gw", kind: "lan" });
  world.addHost({ name: "laptop", kind: "lan" });
  world.addGateway({ name: "gateway", host: "gw", port: 18789, bind, config: { auth: { mode: "token", token: "t" } } });
  const local = world.attempt({ fromHost: "gw", url: "ws://127.0.0.1:18789", port: 18789, gatewayToken: "t", attempt: { name: "local", waitMsMax: 50 } });
  const lan = world.attempt({ fromHost: "laptop", url: "ws://gw:18789", port: 18789, gatewayToken: "t", attempt: { name: "lan", waitMsMax: 50 } });
  world.runFor(1_000);
  return { local: local.outcome!, lan: lan.outcome! };
}

describe("gateway.bind", () => {
  it("a loopback-bound gateway is refused to LAN peers and reachable locally", () => {
    const { local, lan } = lanAttempt("loopback");
    expect(local.challenge?.hasNonce).toBe(true);
    expect(lan.challenge).toBeNull();
    expect(lan.notes).toContain("socket error ECONNREFUSED");
  });

  it("a LAN-bound gateway answers LAN peers", () => {
    expect(lanAttempt("all").lan.challenge?.hasNonce).toBe(true);
  });

  it("maps the config's gateway.bind to the listening addresses", () => {
    const world = new World({ seed: 1n, profile: findProfile("2026.3")! });
    world.addHost({ name: "gw", kind: "lan", alsoOn: ["tailnet"] });
    const node = { host: "gw" } as Parameters<typeof listenBind>[1];
    const bindOf = (bind: string) => listenBind(world, node, { gateway: { bind } } as host.GatewayConfig);
    expect([bindOf("loopback"), bindOf("lan"), bindOf("auto"), bindOf("tailnet")]).toEqual(["loopback", "all", "all", "100.64.0.10"]);
  });
});

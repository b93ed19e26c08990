// gateway.bind decides who can reach the gateway: loopback-bound refuses LAN peers, lan-bound accepts them; in a
// container (releases from 2026.4.14) an unset bind is auto and auto listens on every interface.
import { describe, expect, it } from "vitest";
import { findProfile, host, World } from "../../src/index.ts";
import { createMachine } from "../../src/host/index.ts";
import { containerDetected, resolveListen } from "../../src/world/machine-node.ts";

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

  describe("the config's gateway.bind as the listening address and the start checks (resolveListen)", () => {
    const token = { mode: "token", modeSource: "config", token: "t", tokenSource: "config", passwordSource: "none", allowTailscale: false } as const;
    function listenOf(profile: string, gateway: Record<string, unknown>, auth: Parameters<typeof resolveListen>[3] = token as never, tailnet = true, inContainer = false) {
      const world = new World({ seed: 1n, profile: findProfile(profile)! });
      world.addHost({ name: "gw", kind: "lan", ...(tailnet ? { alsoOn: ["tailnet" as const] } : {}) });
      const node = { host: "gw" } as Parameters<typeof resolveListen>[1];
      const lan = world.network.hosts.get("gw").interfaces.find((i) => i.kind === "lan")!.address;
      return { lan, listen: resolveListen(world, node, { gateway: gateway as host.GatewaySection }, auth, 18789, inContainer) };
    }
    const bindOf = (gateway: Record<string, unknown>, profile = "2026.3", tailnet = true) => {
      const { listen } = listenOf(profile, { controlUi: { allowedOrigins: ["https://ui.example"] }, ...gateway }, undefined, tailnet);
      return listen.kind === "ok" ? listen.bind : `refused ${listen.reason}`;
    };

    it("unset, loopback and auto listen on loopback; lan on all; tailnet on the tailnet address, else loopback", () => {
      expect([bindOf({}), bindOf({ bind: "loopback" }), bindOf({ bind: "auto" }), bindOf({ bind: "lan" }), bindOf({ bind: "tailnet" }), bindOf({ bind: "tailnet" }, "2026.3", false)]).toEqual([
        "loopback",
        "loopback",
        "loopback",
        "all",
        "100.64.0.10",
        "loopback",
      ]);
    });

    it("custom listens on customBindHost when the host has it; otherwise all up to 2026.2.17, a refused start from 2026.2.22", () => {
      const lan = listenOf("2026.3", {}).lan;
      expect(bindOf({ bind: "custom", customBindHost: lan })).toBe(lan);
      expect(bindOf({ bind: "custom", customBindHost: "127.0.0.1" })).toBe("loopback");
      for (const customBindHost of [undefined, "10.9.9.9", "gw.local"]) {
        expect(bindOf({ bind: "custom", ...(customBindHost ? { customBindHost } : {}) }, "2026.2.17")).toBe("all");
        expect(bindOf({ bind: "custom", ...(customBindHost ? { customBindHost } : {}) }, "2026.2.22")).toBe("refused custom-bind-host");
        expect(bindOf({ bind: "custom", ...(customBindHost ? { customBindHost } : {}) }, "2026.9")).toBe("refused custom-bind-host");
      }
    });

    it("beyond loopback a start needs a shared secret (or trusted-proxy auth); on loopback it does not", () => {
      const none = { ...token, mode: "none", token: undefined } as never;
      const tokenless = { ...token, token: undefined, allowTailscale: true } as never;
      const origins = { controlUi: { allowedOrigins: ["https://ui.example"] } };
      const reason = (gateway: Record<string, unknown>, auth: never) => {
        const { listen } = listenOf("2026.9", { ...origins, ...gateway }, auth);
        return listen.kind === "ok" ? "ok" : listen.reason;
      };
      expect(reason({ bind: "lan" }, none)).toBe("non-loopback-without-auth");
      expect(reason({ bind: "lan" }, tokenless)).toBe("non-loopback-without-auth");
      expect(reason({ bind: "loopback" }, none)).toBe("ok");
      expect(reason({ bind: "lan" }, { ...token, mode: "trusted-proxy" } as never)).toBe("ok");
    });

    it("from the releases that seed Control UI origins, a non-loopback start needs origins, the Host-header fallback or no Control UI", () => {
      const reason = (profile: string, controlUi: Record<string, unknown>) => {
        const { listen } = listenOf(profile, { bind: "lan", controlUi });
        return listen.kind === "ok" ? "ok" : listen.reason;
      };
      expect(reason("2026.3", {})).toBe("non-loopback-control-ui-origins");
      expect(reason("2026.9", { allowedOrigins: [" "] })).toBe("non-loopback-control-ui-origins");
      expect(reason("2026.9", { dangerouslyAllowHostHeaderOriginFallback: true })).toBe("ok");
      expect(reason("2026.9", { enabled: false })).toBe("ok");
      expect(reason("2026.2.22", {})).toBe("ok");
    });

    it("in a container an unset bind is auto and auto listens on every interface (loopback under Tailscale serve/funnel); an explicit bind is kept", () => {
      const inContainer = (gateway: Record<string, unknown>) => {
        const { listen } = listenOf("2026.9", { controlUi: { allowedOrigins: ["https://ui.example"] }, ...gateway }, undefined, true, true);
        return listen.kind === "ok" ? listen.bind : `refused ${listen.reason}`;
      };
      expect([inContainer({}), inContainer({ bind: "auto" }), inContainer({ bind: "loopback" }), inContainer({ bind: "tailnet" })]).toEqual(["all", "all", "loopback", "100.64.0.10"]);
      expect([inContainer({ tailscale: { mode: "serve" } }), inContainer({ tailscale: { mode: "funnel" } }), inContainer({ tailscale: { mode: "off" } })]).toEqual(["loopback", "loopback", "all"]);
      const none = { ...token, mode: "none", token: undefined } as never;
      const refused = listenOf("2026.9", { controlUi: { allowedOrigins: ["https://ui.example"] } }, none, true, true).listen;
      expect(refused).toMatchObject({ kind: "refused", reason: "non-loopback-without-auth" });
      expect(refused.kind === "refused" && refused.detail).toContain("container detected");
    });
  });

  describe("which releases know they run in a container (service switch containerDetection)", () => {
    const docker = createMachine({ name: "box", container: true });
    const fly = createMachine({ name: "box" });
    const flyEnv = { FLY_MACHINE_ID: "e784079b", FLY_APP_NAME: "claw" };
    const detected = (profile: string, machine: typeof docker, env: Record<string, string> = {}) => containerDetected(findProfile(profile)!, machine, env);

    it("none up to 2026.3.31; container marks from 2026.4.14; Fly.io's two variables too from 2026.5.28", () => {
      expect(["2026.2.12", "2026.2.22", "2026.3", "2026.3.31"].map((p) => detected(p, docker))).toEqual([false, false, false, false]);
      expect(["2026.4", "2026.4.22", "2026.5", "2026.9"].map((p) => detected(p, docker))).toEqual([true, true, true, true]);
      expect(["2026.4", "2026.4.22", "2026.5", "2026.9"].map((p) => detected(p, fly, flyEnv))).toEqual([false, false, true, true]);
      expect([detected("2026.9", fly), detected("2026.9", fly, { FLY_MACHINE_ID: "e784079b" }), detected("2026.9", fly, { ...flyEnv, FLY_APP_NAME: " " })]).toEqual([false, false, false]);
    });
  });
});

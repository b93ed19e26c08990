// End to end: invariants subscribed to a real World's trace, under profiles where a property breaks and
// where it holds.
import { describe, expect, it } from "vitest";
import { identityFromSeed } from "../../src/crypto/index.ts";
import { findProfile, runScenario, World, type Profile, type Scenario } from "../../src/index.ts";
import {
  cve202632034,
  defaultInvariants,
  retriesBounded,
  type Invariant,
  type InvariantFinding,
} from "../../src/invariants/index.ts";

const port = 18789;

function profile(name: string): Profile {
  const p = findProfile(name);
  if (!p) throw new Error(`no profile ${name}`);
  return p;
}

function observedWorld(profileName: string, seed: bigint, invariants: Invariant[]): { world: World; findings: () => InvariantFinding[] } {
  const world = new World({ seed, profile: profile(profileName) });
  world.trace.subscribe((event) => {
    for (const inv of invariants) inv.onEvent(event);
  });
  return { world, findings: () => invariants.flatMap((inv) => inv.finish({ nowMs: world.scheduler.nowMs() })) };
}

/** smoke2: a backend client pairs with the right token; a second one with the same identity has a stale passive token. */
function staleBackendToken(world: World): void {
  world.addHost({ name: "gw", kind: "lan" });
  world.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token: "new-token" } } });
  world.runFor(4000);
  const identity = identityFromSeed(new Uint8Array(32).fill(7));
  const first = world.addClient({ name: "tui", host: "gw", client: { kind: "backend", url: `ws://127.0.0.1:${port}`, identity, passiveToken: "new-token" } });
  world.runFor(3000);
  first.stop();
  world.runFor(1000);
  world.addClient({ name: "tui2", host: "gw", client: { kind: "backend", url: `ws://127.0.0.1:${port}`, identity, passiveToken: "old-token" } });
  world.runFor(120_000);
}

describe("invariants over a real world", () => {
  it("2026.2.14: a backend client with a stale passive token loops on device token mismatch → retries-bounded", () => {
    const { world, findings } = observedWorld("2026.2.14", 5n, [retriesBounded()]);
    staleBackendToken(world);
    const found = findings();
    expect(found).toHaveLength(1);
    const [finding] = found;
    expect(finding?.message).toMatch(/^client tui2 made \d+ connect attempts in 60 s after AUTH_DEVICE_TOKEN_MISMATCH \(limit 3\)$/);
    const offending = world.trace.events[finding!.firstEventIndex!];
    expect(offending).toMatchObject({ actor: "tui2", kind: "client", data: { event: "connect-attempt" } });
    const attemptsBefore = world.trace.events.filter((e) => e.i < offending!.i && e.actor === "tui2" && e.data["event"] === "connect-attempt");
    expect(attemptsBefore).toHaveLength(4); // the failing first attempt, then the three allowed retries
  });

  // 2026.3.31 (the S-Mar client): the 2026.3 profile's gateway (openclaw@2026.3.13) lets a local backend skip pairing
  // on the shared token, so this backend never holds a device token to fall back on.
  it("2026.3.31: the same client falls back to its stored device token once and connects → the standard set holds", () => {
    const p = profile("2026.3.31");
    const { world, findings } = observedWorld("2026.3.31", 5n, defaultInvariants({ revokedTokenRefused: { closeLiveSessions: p.gateway.revokeClosesSessions } }));
    staleBackendToken(world);
    expect(findings()).toEqual([]);
    expect(world.trace.events.some((e) => e.actor === "tui2" && e.data["event"] === "hello")).toBe(true);
  });

  it("the scenario runner reports the invariant's finding and fails the run", async () => {
    const scenario: Scenario = {
      name: "stale-backend-token",
      description: "a backend client with a stale passive token",
      expectDefault: "pass",
      invariants: () => defaultInvariants(),
      run: ({ world }) => staleBackendToken(world),
    };
    const failing = await runScenario(scenario, { seed: 5n, profile: profile("2026.2.14") });
    expect(failing.verdict).toBe("fail");
    expect(failing.findings.map((f) => f.invariant)).toEqual(["retries-bounded"]);
    const passing = await runScenario(scenario, { seed: 5n, profile: profile("2026.3.31") });
    expect(passing.findings).toEqual([]);
  });

  it("CVE-2026-32034: a device-less LAN Control UI gets a session under 2026.2.14, and is refused under 2026.2.22", () => {
    const results = ["2026.2.14", "2026.2.22"].map((name) => {
      const { world, findings } = observedWorld(name, 9n, [cve202632034()]);
      world.addHost({ name: "gw", kind: "lan" });
      world.addHost({ name: "laptop", kind: "lan" });
      world.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token: "tok" }, controlUi: { allowInsecureAuth: true } } });
      world.runFor(4000);
      world.addClient({ name: "ui", host: "laptop", client: { kind: "control-ui", url: `ws://gw:${port}`, identity: null, passiveToken: "tok" } });
      world.runFor(20_000);
      return { world, found: findings() };
    });
    const [vulnerable, fixed] = results;
    expect(vulnerable!.found).toHaveLength(1);
    expect(vulnerable!.found[0]?.message).toContain("Control UI client openclaw-control-ui got a session without a device identity");
    const hello = vulnerable!.world.trace.events[vulnerable!.found[0]!.firstEventIndex!];
    expect(hello).toMatchObject({ kind: "gateway", data: { event: "connect.hello", isLocal: false, deviceId: null } });
    expect(fixed!.found).toEqual([]);
  });

  it.each(["2026.3", "2026.9"])("%s: remote pairing approved over RPC, then the TUI converges → the standard set holds", (name) => {
    const { world, findings } = observedWorld(name, 11n, defaultInvariants({ converges: { convergeWithinMs: 10_000 } }));
    world.addHost({ name: "gw", kind: "lan", address: "192.0.2.50" });
    world.addHost({ name: "laptop", kind: "lan" });
    world.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token: "tok" } } });
    world.runFor(6000);
    const admin = world.addClient({ name: "admin", host: "gw", client: { kind: "cli", url: `ws://127.0.0.1:${port}`, identity: identityFromSeed(new Uint8Array(32).fill(1)), passiveToken: "tok" } });
    const tui = world.addClient({ name: "tui", host: "laptop", client: { kind: "tui", url: `ws://192.0.2.50:${port}`, identity: identityFromSeed(new Uint8Array(32).fill(2)), passiveToken: "tok" } });
    world.runFor(10_000);
    const error = world.trace.events.find((e) => e.actor === "tui" && e.data["event"] === "connect-error");
    const requestId = (error?.data["details"] as { requestId?: string } | undefined)?.requestId;
    expect(requestId).toBeTypeOf("string");
    admin.call("device.pair.approve", { requestId });
    world.runFor(1000);
    world.scheduler.record("scenario", "note", { text: "approved; restart the TUI", converge: true });
    tui.start();
    world.runFor(30_000);
    expect(findings()).toEqual([]);
    expect(world.trace.events.some((e) => e.actor === "tui" && e.data["event"] === "hello")).toBe(true);
  });

  it("revoke: 2026.9 closes the device's live session, 2026.3 leaves it open (closeLiveSessions: true)", () => {
    const found = ["2026.3", "2026.9"].map((name) => {
      const { world, findings } = observedWorld(name, 3n, defaultInvariants({ revokedTokenRefused: { closeLiveSessions: true } }));
      world.addHost({ name: "gw", kind: "lan" });
      world.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token: "tok" } } });
      world.runFor(6000);
      const admin = world.addClient({ name: "admin", host: "gw", user: "root", client: { kind: "cli", url: `ws://127.0.0.1:${port}`, identity: identityFromSeed(new Uint8Array(32).fill(1)), passiveToken: "tok" } });
      const tuiIdentity = identityFromSeed(new Uint8Array(32).fill(2));
      world.addClient({ name: "tui", host: "gw", client: { kind: "tui", url: `ws://127.0.0.1:${port}`, identity: tuiIdentity, passiveToken: "tok" } });
      world.runFor(5000);
      admin.call("device.token.revoke", { deviceId: tuiIdentity.deviceId, role: "operator" });
      world.runFor(30_000);
      return findings();
    });
    expect(found[0]?.map((f) => f.invariant)).toEqual(["revoked-token-refused"]);
    expect(found[0]?.[0]?.message).toMatch(/^the live operator session of device [0-9a-f]{8}… on c\d+ stayed open more than 5 s after device\.token\.revoke at 11 s \(limit 5 s\)$/);
    expect(found[1]).toEqual([]);
  });
});

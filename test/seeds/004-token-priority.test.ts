// Seed 004 (PR #17336 "restore device token priority over passive config token"): every client kind on the
// gateway host was paired with the old shared token, then the operator rotated gateway.auth.token; the clients
// still hold a valid stored device token, but their passive token (the shell's exported
// OPENCLAW_GATEWAY_TOKEN, the browser's cached token) is stale. 2026.2.14 sends the passive token first and
// floods `device token mismatch`; 2026.2.13 and PR #17336's order (proposed, never shipped; run on the 2.22 client
// against a gateway that pairs shared-token operators) use the stored token. The 2026.2.22 client as shipped still
// sends the passive token first (read in its dist, run with its real client); 2026.3 sends the passive token,
// gets AUTH_TOKEN_MISMATCH and heals with its one device-token retry. An explicit CLI `--token` still
// overrides the stored token under the fix. One-shot CLI calls never retry, so they do not heal under 2026.3.
import { describe, expect, it } from "vitest";
import { op } from "../../src/host/index.ts";
import type { World } from "../../src/world/index.ts";
import { addGatewayMachine, clientEvents, count, identity, newWorld, profile, rpcResults, tokenConfig, withControlUiToken } from "./story.ts";
import { browserTab, longRunning, specs } from "../../scenarios/token-priority-regression.ts";

const floodWindowMs = 300_000;
/** The 2026.2.22 client against a gateway that pairs shared-token operators: the real 2.22 gateway lets them in
 *  unpaired (sharedAuthOperatorSkipsPairing, read in its dist), so no stored device token would exist there. */
const base222 = profile("2026.2.22");
const pairing222 = { ...base222, gateway: { ...base222.gateway, sharedAuthOperatorSkipsPairing: false } };
/** PR #17336's priority (explicit > stored > passive, self-heal restored), which never shipped, on that 2.22 world. */
const pr17336 = { ...pairing222, client: { ...pairing222.client, tokenPriority: "explicit-stored-passive" as const } };
const proposedFix = "PR #17336";

/** Pairs every kind with T1, rotates to T2 (reinstalling the unit), restarts every client from the same shell. */
function staleAfterRotation(profileName: string): World {
  const world = newWorld(profileName === "2026.2.22" ? pairing222 : profileName === proposedFix ? pr17336 : profileName);
  const perTab = world.profile.client.controlUiTokenPerTab;
  addGatewayMachine(world, {
    config: tokenConfig("T1"),
    shellEnv: { OPENCLAW_GATEWAY_TOKEN: "T1" },
    machine: (m) => withControlUiToken(m, { ...browserTab, token: "T1", perTab }),
  });
  const warmUpMs = (world.profile.gateway.startupUnavailableMs ?? 0) + 1_000;
  world.operator("gw", op.gatewayInstall());
  world.runFor(warmUpMs);
  const all = specs(world);
  for (const [kind, spec] of Object.entries(all)) world.addMachineClient("gw", { name: `${kind}-paired`, user: kind, spec });
  world.runFor(5_000);
  for (const kind of Object.keys(all)) {
    expect(count(world, `${kind}-paired`, "hello")).toBe(1);
    world.client(`${kind}-paired`).stop();
  }
  world.operator("gw", op.rotateSharedToken("T2"));
  world.operator("gw", op.gatewayInstall({ force: true }));
  world.runFor(warmUpMs);
  expect(world.gateway("gateway").state.config.auth.token).toBe("T2");
  for (const [kind, spec] of Object.entries(all)) world.addMachineClient("gw", { name: kind, user: kind, spec });
  world.runFor(floodWindowMs);
  return world;
}

describe("seed 004: stored device token vs stale passive token", () => {
  it("every kind resolves the stale passive token from its machine (shell env / browser storage)", () => {
    const world = staleAfterRotation("2026.2.14");
    for (const kind of ["tui", "backend", "node", "cli"]) {
      expect(world.client(kind).state.credentials).toEqual({ passiveToken: "T1" });
    }
    expect(world.client("control-ui").state.credentials).toEqual({ passiveToken: "T1" });
    expect(clientEvents(world, "control-ui", "machine-client")[0]?.data["credential"]).toMatchObject({ from: "localStorage", present: true });
  });

  it("2026.2.14: the long-running kinds flood `device token mismatch` (14 attempts each in 5 minutes, the Control UI page 25 with its 0.8 s ×1.7 up to 15 s backoff); the CLI call fails", () => {
    const world = staleAfterRotation("2026.2.14");
    for (const kind of longRunning) {
      const errors = clientEvents(world, kind, "connect-error");
      expect(count(world, kind, "connect-attempt")).toBe(kind === "control-ui" ? 25 : 14);
      expect(count(world, kind, "hello")).toBe(0);
      expect(new Set(errors.map((e) => e.data["message"]))).toEqual(new Set(["unauthorized: device token mismatch (rotate/reissue device token)"]));
      expect(clientEvents(world, kind, "connect-attempt").every((e) => e.data["tokenSource"] === "passive")).toBe(true);
      expect(world.client(kind).state.lifecycle).toBe("running");
    }
    expect(rpcResults(world, "cli")).toMatchObject([{ method: "status", ok: false, error: { message: "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)" } }]);
  });

  it("2026.2.22 (its dist, its real client): the long-running kinds still send the stale passive token first and never get in", () => {
    const world = staleAfterRotation("2026.2.22");
    for (const kind of longRunning) {
      expect(clientEvents(world, kind, "connect-attempt").map((e) => e.data["tokenSource"])).toContain("passive");
      expect(clientEvents(world, kind, "connect-attempt").map((e) => e.data["tokenSource"])).not.toContain("stored");
      expect(count(world, kind, "hello")).toBe(0);
    }
    expect(rpcResults(world, "cli")[0]).toMatchObject({ method: "status", ok: false });
  });

  for (const profileName of ["2026.2.13", proposedFix]) {
    it(`${profileName}: every kind connects on its first attempt with the stored device token`, () => {
      const world = staleAfterRotation(profileName);
      for (const kind of [...longRunning, "cli"]) {
        expect(clientEvents(world, kind, "connect-attempt").map((e) => e.data["tokenSource"])).toEqual(["stored"]);
        expect(count(world, kind, "hello")).toBe(1);
      }
      expect(rpcResults(world, "cli")).toMatchObject([{ method: "status", ok: true }]);
    });
  }

  // 2026.3.31 (the same client): under the 2026.3 profile's gateway (openclaw@2026.3.13) the local backend skips
  // pairing and the node gets no device token, so they have none to retry with (the story fails there).
  it("2026.3.31: the long-running kinds heal in two attempts (mismatch, then the one device-token retry); the one-shot CLI does not", () => {
    const world = staleAfterRotation("2026.3.31");
    for (const kind of longRunning) {
      expect(clientEvents(world, kind, "connect-attempt").map((e) => e.data["deviceTokenRetry"])).toEqual([false, true]);
      expect(clientEvents(world, kind, "connect-error").map((e) => e.data["detailCode"])).toEqual(["AUTH_TOKEN_MISMATCH"]);
      expect(count(world, kind, "hello")).toBe(1);
    }
    expect(count(world, "cli", "connect-attempt")).toBe(1);
    expect(rpcResults(world, "cli")[0]).toMatchObject({ ok: false });
    expect(rpcResults(world, "cli")[0]?.error?.message).toContain("gateway token mismatch");
  });

  describe("an explicit CLI --token overrides the stored device token", () => {
    function cliWithFlag(world: World, name: string, token: string) {
      world.addMachineClient("gw", { name, user: "cli", spec: { kind: "cli", identity: identity(5), call: { method: "status" }, flags: { token } } });
      world.runFor(5_000);
      return { sources: clientEvents(world, name, "connect-attempt").map((e) => e.data["tokenSource"]), result: rpcResults(world, name)[0] };
    }
    for (const profileName of ["2026.2.14", "2026.2.22", proposedFix, "2026.3"]) {
      it(`${profileName}: --token is what reaches the gateway (a stale one fails, the current one works)`, () => {
        const world = staleAfterRotation(profileName);
        const stale = cliWithFlag(world, "cli-stale-flag", "T1");
        expect(stale.sources).toEqual(["explicit"]);
        expect(stale.result?.ok).toBe(false);
        const current = cliWithFlag(world, "cli-current-flag", "T2");
        expect(current.sources).toEqual(["explicit"]);
        expect(current.result?.ok).toBe(true);
      });
    }
    it("2026.2.13 (before #15722): the stored token wins even over --token", () => {
      const world = staleAfterRotation("2026.2.13");
      const stale = cliWithFlag(world, "cli-stale-flag", "T1");
      expect(stale.sources).toEqual(["stored"]);
      expect(stale.result?.ok).toBe(true);
    });
  });
});

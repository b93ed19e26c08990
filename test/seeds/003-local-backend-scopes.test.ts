// Seed 003 (issue #63344): a backend service on the gateway's own host authenticates with the gateway token
// and no device identity, with gateway.controlUi.allowInsecureAuth=false. Under 2026.4 no client class works:
// openclaw-tui/ui is refused as a Control UI without device identity, gateway-client/backend and cli/cli
// connect but lose every scope (a write fails with missing scope), and minting a device token through
// `openclaw devices rotate … --scope operator.write` is refused for the same reason. Under 2026.9 the backend
// keeps its scopes.
import { describe, expect, it } from "vitest";
import { op } from "../../src/host/index.ts";
import type { MachineClientSpec, World } from "../../src/world/index.ts";
import { addGatewayMachine, clientEvents, count, newWorld, rpcResults, tokenConfig } from "./story.ts";

const wanted = ["operator.write", "operator.read"];
const secureDefault = tokenConfig("T1", { gateway: { controlUi: { allowInsecureAuth: false } } });

function loopbackHost(profileName: string): World {
  const world = newWorld(profileName);
  // The operator's CLI on that host is device-less too (the chicken-and-egg).
  addGatewayMachine(world, { config: secureDefault, cliIdentity: null });
  world.operator("gw", op.gatewayInstall());
  world.runFor((world.profile.gateway.startupUnavailableMs ?? 0) + 1_000);
  return world;
}

function startService(world: World, name: string, spec: MachineClientSpec): void {
  world.addMachineClient("gw", { name, spec });
  world.runFor(3_000);
}

function writeAs(world: World, name: string) {
  world.client(name).call("chat.send", { sessionKey: "main", message: "hello from a local service", idempotencyKey: "svc-1" });
  world.runFor(1_000);
  return rpcResults(world, name).at(-1);
}

const selfRotate = op.devicesRotate({ deviceId: "my-backend", role: "operator", scopes: ["operator.write"], connection: { token: "T1" } });

describe("seed 003: local backend services under allowInsecureAuth=false", () => {
  it("2026.4: openclaw-tui/ui is refused as a Control UI without device identity, and stops retrying", () => {
    const world = loopbackHost("2026.4");
    startService(world, "svc", { kind: "tui", identity: null, scopes: wanted });
    const error = clientEvents(world, "svc", "connect-error")[0];
    expect(error?.data).toMatchObject({ message: "control ui requires device identity (use HTTPS or localhost secure context)", detailCode: "CONTROL_UI_DEVICE_IDENTITY_REQUIRED" });
    expect(clientEvents(world, "svc", "closed")[0]?.data).toMatchObject({ code: 1008, reason: "control ui requires device identity (use HTTPS or localhost secure context)" });
    expect(count(world, "svc", "connect-attempt")).toBe(1);
    expect(world.client("svc").state.lifecycle).toBe("paused");
  });

  for (const kind of ["backend", "cli"] as const) {
    it(`2026.4: ${kind === "backend" ? "gateway-client/backend" : "cli/cli"} connects with the token but its scopes are stripped: a write fails`, () => {
      const world = loopbackHost("2026.4");
      const spec: MachineClientSpec =
        kind === "cli" ? { kind, identity: null, scopes: wanted, call: { method: "chat.send", params: { sessionKey: "main", message: "hi", idempotencyKey: "cli-1" } } } : { kind, identity: null, scopes: wanted };
      startService(world, "svc", spec);
      expect(count(world, "svc", "hello")).toBe(1);
      const result = kind === "cli" ? rpcResults(world, "svc").at(-1) : writeAs(world, "svc");
      // 2026.4.14 answers a missing scope INVALID_REQUEST (read in its dist; 2026.9 says FORBIDDEN).
      expect(result).toMatchObject({ method: "chat.send", ok: false, error: { code: "INVALID_REQUEST", message: "missing scope: operator.write" } });
    });
  }

  it("2026.4: self-rotation `devices rotate … --scope operator.write` is refused: the device-less CLI lost its scopes too", () => {
    const world = loopbackHost("2026.4");
    const rotate = world.operator("gw", selfRotate);
    expect(rotate.line).toBe("openclaw devices rotate --device my-backend --role operator --scope operator.write --token T1");
    expect(rotate.rpc).toMatchObject({ ok: false, error: { code: "INVALID_REQUEST", message: "missing scope: operator.pairing" } });
  });

  it("2026.9: the loopback backend keeps its requested scopes and can write; the CLI's rotate now reaches the device check", () => {
    const world = loopbackHost("2026.9");
    startService(world, "svc", { kind: "backend", identity: null, scopes: wanted });
    expect(clientEvents(world, "svc", "hello")[0]?.data).toMatchObject({ authMethod: "token", scopes: wanted });
    expect(writeAs(world, "svc")).toMatchObject({ method: "chat.send", ok: true });
    // No paired device called "my-backend" exists: the error the issue reporter saw.
    expect(world.operator("gw", selfRotate).rpc).toMatchObject({ ok: false, error: { message: "device token rotation denied" } });
  });

  // Only the S-Mar test suite's rule kept them (the 2026.3 profile before it followed the release, issue 11):
  // openclaw@2026.3.13 already clears a device-less backend's scopes (recorded: 3.13 seed-5 fixture c0092).
  it("2026.3 (openclaw@2026.3.13) already strips the device-less backend's scopes: its write is refused", () => {
    const world = loopbackHost("2026.3");
    startService(world, "svc", { kind: "backend", identity: null, scopes: wanted });
    expect(writeAs(world, "svc")).toMatchObject({ ok: false, error: { message: "missing scope: operator.write" } });
  });
});

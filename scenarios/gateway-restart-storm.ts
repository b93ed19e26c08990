// Forty long-running clients on the gateway host — TUIs, Control UI tabs, node hosts, backends — plus a few
// one-shot CLI calls, all connected, when the operator restarts the gateway. They all lose the session
// (1012) and come back at the same instant (the client's backoff has no jitter): a reconnect storm from one
// address. 2026.9 answers UNAVAILABLE while it starts and refuses more than 32 unauthenticated sockets per
// address with 503. Everyone must be back within a minute (converges), retry within bounds
// (retries-bounded, reconnect-loop-stops), and no challenge nonce may be accepted twice (nonce-single-use).
import { host } from "../src/index.ts";
const { op } = host;
type Machine = host.Machine;
import type { MachineClientSpec, Scenario, World } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import {
  addGatewayMachine,
  checkConnected,
  clientEvents,
  identity,
  installGateway,
  runFor,
  startOnGatewayHost,
  tokenConfig,
  tuiIdentityFields,
  withControlUiToken,
} from "./support.ts";

const perKind = 10;
const kinds = ["tui", "control-ui", "node", "backend"] as const;
const oneShots = 5;
const identityBase = 40;
const convergeWithinMs = 60_000;

function spec(world: World, kind: (typeof kinds)[number], n: number): MachineClientSpec {
  const id = identity(identityBase + kinds.indexOf(kind) * perKind + n);
  switch (kind) {
    case "tui":
      return { kind, identity: id, ...tuiIdentityFields(world.profile) };
    case "control-ui":
      return { kind, identity: id, browser: `browser-${n}`, tabId: "tab-1" };
    case "node":
    case "backend":
      return { kind, identity: id };
  }
}

/** Every Control UI tab (one browser profile each) has T1 pasted. */
function pasteTokens(machine: Machine, perTab: boolean): Machine {
  let out = machine;
  for (let n = 0; n < perKind; n++) out = withControlUiToken(out, { browser: `browser-${n}`, tabId: "tab-1", token: "T1", perTab });
  return out;
}

const longRunning = kinds.flatMap((k) => Array.from({ length: perKind }, (_, n) => `${k}-${n}`));

function startAll(world: World): void {
  for (const kind of kinds) {
    for (let n = 0; n < perKind; n++) {
      startOnGatewayHost(world, `${kind}-${n}`, `${kind}-${n}`, spec(world, kind, n));
    }
  }
}

function cliCalls(world: World, round: string): string[] {
  const names: string[] = [];
  for (let n = 0; n < oneShots; n++) {
    const name = `cli-${round}-${n}`;
    const id = identity(identityBase + kinds.length * perKind + n);
    world.addMachineClient("gw", { name, user: `cli-${n}`, spec: { kind: "cli", identity: id, call: { method: "health" } } });
    names.push(name);
  }
  return names;
}

export const gatewayRestartStorm: Scenario = {
  name: "gateway-restart-storm",
  description: "40 clients of every kind reconnect at once after a gateway restart: all back within a minute, bounded retries, no nonce reuse",
  expectDefault: "pass",
  expect: { "2026.2.13": "pass", "2026.2.14": "pass", "2026.2.22": "pass", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients: longRunning, convergeWithinMs }) }),
  run(ctx) {
    const { world } = ctx;
    const perTab = world.profile.client.controlUiTokenPerTab;
    addGatewayMachine(world, {
      config: tokenConfig("T1"),
      machine: (m) => pasteTokens(m, perTab),
    });
    installGateway(world);
    startAll(world);
    const before = cliCalls(world, "before");
    runFor(world, 10_000);
    checkConnected(ctx, [...longRunning, ...before], "connecting before the restart");
    world.operator("gw", op.gatewayRestart());
    markConverge(ctx, "the gateway restarted under 40 connected clients");
    const during = cliCalls(world, "during");
    runFor(world, convergeWithinMs);
    const after = cliCalls(world, "after");
    runFor(world, 10_000);
    for (const name of after) {
      const result = clientEvents(world, name, "rpc-result").at(-1)?.data;
      ctx.check(result?.["ok"] === true, "cli-after-storm", `${name}: health after the storm failed: ${JSON.stringify(result?.["error"] ?? "no answer")}`);
    }
    ctx.note("one-shot CLI calls during the restart", { failed: during.filter((n) => clientEvents(world, n, "rpc-result").at(-1)?.data["ok"] !== true).length });
  },
};

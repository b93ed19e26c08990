// Node pairing at connect and the node.pair.* RPCs (src/gateway/node-pairing.ts, node-methods.ts), with flip tests
// for the two switches: nodePairingOnConnect and nodePairingLimiter.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRunSpec, runScenario, specScenario, World, type Attempt, type Outcome, type Profile } from "../../src/index.ts";
import type { GatewaySwitches } from "../../src/profiles/index.ts";
import { emptyPairingStore, type PairingStore } from "../../src/gateway/index.ts";
import { identityFromSeed } from "../../src/crypto/index.ts";
import { port, profile, seedHex, token } from "./harness.ts";

const nodeSeed = seedHex(0x4e);

/** The node host's device already paired for role node (a device approved earlier), not node-paired. */
function nodeDevicePaired(): PairingStore {
  const id = identityFromSeed(Uint8Array.from(Buffer.from(nodeSeed, "hex")));
  const store = emptyPairingStore();
  store.paired[id.deviceId] = {
    deviceId: id.deviceId, publicKey: id.publicKeyBase64Url, role: "node", roles: ["node"], scopes: [], approvedScopes: [],
    platform: "linux", tokens: { node: { token: "dt-node", role: "node", scopes: [], createdAtMs: 0 } }, createdAtMs: 0, approvedAtMs: 0,
  };
  return store;
}

/** A device-signed connect with the shared token: client id/mode, role, scopes and the device's seed. */
function signedAttempt(name: string, o: { client: [string, string]; role: string; scopes: string[]; seed: string; commands?: string[]; afterHello?: Attempt["afterHello"] }): Attempt {
  return {
    name,
    connect: {
      params: {
        minProtocol: 3,
        maxProtocol: 4,
        client: { id: o.client[0], version: "1", platform: "linux", mode: o.client[1] },
        role: o.role,
        scopes: o.scopes,
        ...(o.commands ? { commands: o.commands } : {}),
        auth: { token: "{{gatewayToken}}" },
      },
    },
    device: { identitySeed: o.seed, payloadVersion: "v3" },
    afterHello: o.afterHello ?? [],
  };
}

const nodeAttempt = (name: string, commands: string[], afterHello: Attempt["afterHello"] = []) =>
  signedAttempt(name, { client: ["node-host", "node"], role: "node", scopes: [], seed: nodeSeed, commands, afterHello });

/** A paired (silently, from loopback) operator device with admin and pairing scopes. */
const operatorAttempt = (name: string, afterHello: Attempt["afterHello"]) =>
  signedAttempt(name, { client: ["cli", "cli"], role: "operator", scopes: ["operator.admin", "operator.pairing"], seed: seedHex(0x0a), afterHello });

class Rig {
  readonly world: World;
  /** The commands each node session was admitted with (gateway log `node.session`), in order. */
  readonly sessions: string[][] = [];
  constructor(readonly p: Profile, store?: PairingStore) {
    this.world = new World({ seed: 3n, profile: p });
    this.world.addHost({ name: "gw", kind: "lan", alsoOn: ["remote"] });
    this.world.addHost({ name: "far", kind: "remote" });
    this.world.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token } }, ...(store ? { store } : {}) });
    this.world.runFor(p.gateway.startupUnavailableMs ?? 0);
    this.world.trace.subscribe((e) => {
      if (e.data["event"] === "node.session") this.sessions.push(e.data["commands"] as string[]);
    });
  }
  run(attempt: Attempt, from: "local" | "remote" = "local"): Outcome {
    const remote = from === "remote";
    const h = this.world.attempt({ fromHost: remote ? "far" : "gw", url: `ws://${remote ? "gw" : "127.0.0.1"}:${port}`, port, gatewayToken: token, identities: {}, attempt });
    this.world.runUntil(() => h.outcome !== undefined, 60_000);
    if (!h.outcome) throw new Error(`attempt ${attempt.name} did not finish`);
    return h.outcome;
  }
  get nodes() {
    return this.world.gateway("gateway").state.nodes;
  }
}

const withSwitch = (base: string, gateway: Partial<GatewaySwitches>) => profile(base, { gateway });

describe("node pairing at connect", () => {
  it("2026.3 (none): a node connect files no request and node.pair.list stays empty", () => {
    const rig = new Rig(profile("2026.3"));
    expect(rig.run(nodeAttempt("n", ["system.run"])).response?.ok).toBe(true);
    expect(rig.nodes.pending.size).toBe(0);
    expect(rig.sessions).toEqual([]);
    const list = rig.run(operatorAttempt("op", [{ method: "node.pair.list" }])).rpc![0]!;
    expect([list.ok, list.payloadKeys]).toEqual([true, ["paired", "pending"]]);
  });

  it("nodePairingOnConnect: an unpaired node offers its declared commands (2026.4) or none (2026.9) until approved", () => {
    const commandsUnder = (mode: GatewaySwitches["nodePairingOnConnect"]) => {
      const rig = new Rig(withSwitch("2026.9", { nodePairingOnConnect: mode }));
      const o = rig.run(nodeAttempt("n", ["system.run", "canvas.snapshot"]));
      expect(o.response?.ok).toBe(true);
      expect(rig.nodes.pending.size).toBe(1);
      return rig.sessions;
    };
    expect(commandsUnder("pending-keeps-declared")).toEqual([["system.run", "canvas.snapshot"]]);
    expect(commandsUnder("pending-withholds")).toEqual([[]]);
  });

  it("an operator with pairing scope sees node.pair.requested once; approve pairs the node and a reconnect offers the commands", () => {
    const rig = new Rig(profile("2026.9"));
    rig.run(operatorAttempt("op0", []));
    rig.run(nodeAttempt("n1", ["system.run"]));
    const requestId = [...rig.nodes.pending.keys()][0]!;
    // The same command list again refreshes the request instead of filing a new one.
    rig.run(nodeAttempt("n2", ["system.run"]));
    expect([...rig.nodes.pending.keys()]).toEqual([requestId]);
    const op = rig.run(operatorAttempt("op", [{ method: "node.pair.list" }, { method: "node.pair.approve", params: { requestId } }, { method: "node.pair.approve", params: { requestId } }, { method: "node.list" }]));
    const [list, approve, again, nodes] = op.rpc!;
    expect(list!.ok).toBe(true);
    expect([approve!.ok, approve!.payloadKeys]).toEqual([true, ["node", "requestId"]]);
    expect(op.events).toContain("node.pair.resolved");
    expect([again!.ok, again!.error?.message]).toEqual([false, "unknown requestId"]);
    expect(nodes!.payloadKeys).toEqual(["nodes", "ts"]);
    expect([...rig.nodes.paired.values()].map((n) => n.commands)).toEqual([["system.run"]]);
    rig.run(nodeAttempt("n3", ["system.run"]));
    // A new command is an upgrade: a new request; 2026.9 offers only the approved ones meanwhile.
    rig.run(nodeAttempt("n4", ["system.run", "camera.snap"]));
    expect(rig.sessions).toEqual([[], [], ["system.run"], ["system.run"]]);
    expect([...rig.nodes.pending.values()].map((r) => r.commands)).toEqual([["system.run", "camera.snap"]]);
  });

  it("reject removes the request and broadcasts node.pair.resolved to pairing operators", () => {
    const rig = new Rig(profile("2026.4"));
    rig.run(nodeAttempt("n1", ["system.run"]));
    const requestId = [...rig.nodes.pending.keys()][0]!;
    const op = rig.run(operatorAttempt("op", [{ method: "node.pair.reject", params: { requestId } }]));
    expect(op.rpc?.[0]).toMatchObject({ ok: true, payloadKeys: ["nodeId", "requestId"] });
    expect(op.events).toContain("node.pair.resolved");
    expect(rig.nodes.pending.size).toBe(0);
  });
});

describe("nodePairingLimiter", () => {
  // A node host on the LAN reconnecting while its request waits: each first-time request is charged.
  const reconnects = (limiter: boolean) => {
    const rig = new Rig(withSwitch("2026.9", { nodePairingLimiter: limiter }), nodeDevicePaired());
    return Array.from({ length: 12 }, (_, i) => rig.run(nodeAttempt(`n${i}`, ["system.run"]), "remote"));
  };

  it("on: the 11th reconnect of an unpaired node from one LAN address is refused rate_limited", () => {
    const outcomes = reconnects(true);
    expect(outcomes.slice(0, 10).every((o) => o.response?.ok === true)).toBe(true);
    expect(outcomes[10]!.response?.ok).toBe(false);
    expect((outcomes[10]!.response?.error?.details as { code?: string } | undefined)?.code).toBe("AUTH_RATE_LIMITED");
  });

  it("off: every reconnect is admitted", () => {
    expect(reconnects(false).every((o) => o.response?.ok === true)).toBe(true);
  });

  it("loopback is exempt by default, and a node-paired node's reconnects are never charged", () => {
    const local = new Rig(profile("2026.9"), nodeDevicePaired());
    expect(Array.from({ length: 12 }, (_, i) => local.run(nodeAttempt(`l${i}`, ["system.run"]))).every((o) => o.response?.ok === true)).toBe(true);
    const rig = new Rig(profile("2026.9"), nodeDevicePaired());
    rig.run(nodeAttempt("first", ["system.run"]), "remote");
    const requestId = [...rig.nodes.pending.keys()][0]!;
    expect(rig.run(operatorAttempt("op", [{ method: "node.pair.approve", params: { requestId } }])).rpc?.[0]?.ok).toBe(true);
    const remote = Array.from({ length: 12 }, (_, i) => rig.run(nodeAttempt(`r${i}`, ["system.run"]), "remote"));
    expect(remote.every((o) => o.response?.ok === true)).toBe(true);
  });
});

describe("node pairing in the step language (scenarios/files/node-pairing.yaml)", () => {
  const root = join(import.meta.dirname, "..", "..");
  const text = readFileSync(join(root, "scenarios", "files", "node-pairing.yaml"), "utf8");
  const spec = () => {
    const parsed = parseRunSpec(text, "node-pairing.yaml");
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.spec;
  };
  const runUnder = (p: Profile) => runScenario(specScenario(spec()), { seed: 1n, profile: p });

  it("passes under 2026.3, 2026.4 and 2026.9, and `openclaw nodes pending/approve` are what the operator ran", async () => {
    for (const name of ["2026.3", "2026.4", "2026.9"]) expect((await runUnder(profile(name))).verdict, name).toBe("pass");
    const result = await runUnder(profile("2026.9"));
    const commands = result.events.filter((e) => e.actor === "operator").map((e) => String(e.data["command"] ?? ""));
    expect(commands.some((c) => c.startsWith("openclaw nodes pending"))).toBe(true);
    expect(commands.some((c) => c.startsWith("openclaw nodes approve "))).toBe(true);
  });

  it("fails under 2026.9 with nodePairingOnConnect flipped (the file tells the releases apart)", async () => {
    const flipped = withSwitch("2026.9", { nodePairingOnConnect: "pending-keeps-declared" });
    const result = await runUnder(flipped);
    expect(result.verdict).toBe("fail");
    expect(result.findings.map((f) => f.message).join("\n")).toContain("node session offers [system.run, canvas.snapshot], expected []");
  });

  it("input mistakes are problems of the file: commands on a non-node client, nodes approve without a request id", () => {
    const bad = text
      .replace("kind: node, from: lan", "kind: backend, from: lan")
      .replace("  - operator: { action: approve-node, identity: nodebox }", "  - openclaw: { machine: gateway-host, command: { kind: nodes-approve } }");
    const parsed = parseRunSpec(bad, "bad.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain("only a node host declares commands");
    expect(parsed.message).toContain("nodes-approve needs requestId");
  });
});

describe("device tokens within the approval, and a node session's device token (read in 2026.3.13 and 2026.9.6)", () => {
  const deviceSeed = seedHex(0x5a);
  const connectAs = (name: string, client: { id: string; mode: string }, role: string, scopes: string[]) =>
    signedAttempt(name, { client: [client.id, client.mode], role, scopes, seed: deviceSeed });
  const operatorOnce = connectAs("op", { id: "cli", mode: "cli" }, "operator", ["operator.read"]);
  // A local backend skips self-pairing, so asking for role node it is not approved for.
  const backendAsNode = connectAs("as-node", { id: "gateway-client", mode: "backend" }, "node", []);

  it("deviceTokenWithinApproval: a role the device is not approved for gets no token (2026.9) or one (off)", () => {
    const issued = (on: boolean) => {
      const rig = new Rig(withSwitch("2026.9", { deviceTokenWithinApproval: on, nodeRequiresDeviceToken: false }));
      rig.run(operatorOnce);
      const o = rig.run(backendAsNode);
      return [o.response?.ok, o.response?.helloOk?.auth !== undefined && "deviceToken" in (o.response.helloOk.auth as object)];
    };
    expect(issued(true)).toEqual([true, false]);
    expect(issued(false)).toEqual([true, true]);
  });

  it("nodeRequiresDeviceToken: without a device token the node session is refused NOT_PAIRED", () => {
    const answer = (on: boolean) => {
      const rig = new Rig(withSwitch("2026.9", { nodeRequiresDeviceToken: on }));
      rig.run(operatorOnce);
      const o = rig.run(backendAsNode);
      return [o.response?.ok, o.response?.error?.code, o.response?.error?.message];
    };
    expect(answer(true)).toEqual([false, "NOT_PAIRED", "authenticated node pairing identity unavailable"]);
    expect(answer(false)[0]).toBe(true);
  });

  it("a pending request left by a non-silent connect keeps a later silent-eligible connect waiting", () => {
    const rig = new Rig(profile("2026.9"));
    const withOrigin: Attempt = { ...connectAs("origin", { id: "gateway-client", mode: "backend" }, "operator", []), headers: { origin: "http://127.0.0.1:18789" } };
    expect(rig.run(withOrigin).response?.error?.message).toBe("pairing required: device is not approved yet");
    const local = rig.run(connectAs("local", { id: "test", mode: "test" }, "operator", ["operator.read"]));
    expect([local.response?.ok, local.response?.error?.message]).toEqual([false, "pairing required: device is not approved yet"]);
    // Without the earlier request the same connect pairs silently.
    const fresh = new Rig(profile("2026.9"));
    expect(fresh.run(connectAs("local", { id: "test", mode: "test" }, "operator", ["operator.read"])).response?.ok).toBe(true);
  });

  // Seed-7 fixture, c0016 and c0018: a local test client asking role node with operator.admin, then operator.read.
  const nodeWithAdmin = connectAs("node-admin", { id: "test", mode: "test" }, "node", ["operator.admin"]);
  const readOnly = connectAs("read", { id: "test", mode: "test" }, "operator", ["operator.read"]);
  const adminOperator = connectAs("admin", { id: "test", mode: "test" }, "operator", ["operator.admin"]);
  const nodeHost = connectAs("node", { id: "node-host", mode: "node" }, "node", []);

  it("approvalScopeChecks: a silent pairing whose scope no requested role covers stays pending (on) or is approved (off)", () => {
    const answer = (on: boolean) => {
      const o = new Rig(withSwitch("2026.9", { approvalScopeChecks: on })).run(nodeWithAdmin);
      return [o.response?.ok, o.response?.error?.message];
    };
    expect(answer(true)).toEqual([false, "pairing required: device is not approved yet"]);
    // Off, the pairing is approved but no node token is issued for operator scopes, so the node session is refused.
    expect(answer(false)).toEqual([false, "authenticated node pairing identity unavailable"]);
  });

  it("approvalScopeChecks: a pending request carrying operator.admin is not approved by a connect asking read only", () => {
    const answers = (on: boolean) => {
      const rig = new Rig(withSwitch("2026.9", { approvalScopeChecks: on }));
      rig.run(nodeWithAdmin);
      return rig.run(readOnly).response?.ok;
    };
    expect(answers(true)).toBe(false);
    expect(answers(false)).toBe(true);
  });

  it("a pending request keeps every role asked: approving it pairs the device for role node too (2026.9.6)", () => {
    const rig = new Rig(profile("2026.9"));
    rig.run(nodeWithAdmin);
    expect(rig.run(readOnly).response?.ok).toBe(false);
    expect(rig.run(adminOperator).response?.ok).toBe(true);
    const node = rig.run(nodeHost);
    expect([node.response?.ok, (node.response?.helloOk?.auth as { role?: string } | undefined)?.role]).toEqual([true, "node"]);
  });

  it("localClientRule: a local backend behind a foreign Host skips self-pairing as a loopback peer (2026.9.6, seed-1 fixture c0537)", () => {
    const backend: Attempt = { ...connectAs("backend", { id: "gateway-client", mode: "backend" }, "operator", ["operator.admin"]), headers: { host: "gateway.example" } };
    const answer = (rule: "loopback-peer" | "is-local") => {
      const rig = new Rig(withSwitch("2026.9", { localClientRule: rule }));
      const o = rig.run(backend);
      return [o.response?.ok, Object.keys(rig.world.gateway("gateway").state.store.pending).length];
    };
    expect(answer("loopback-peer")).toEqual([true, 0]);
    expect(answer("is-local")).toEqual([false, 1]);
  });

  it("approvalScopeChecks: device.pair.approve refuses a request whose scope no requested role covers", () => {
    const approve = (on: boolean) => {
      const rig = new Rig(withSwitch("2026.9", { approvalScopeChecks: on }));
      const waiting: Attempt = { ...nodeWithAdmin, headers: { origin: "http://127.0.0.1:18789" } };
      rig.run(waiting);
      const requestId = Object.values(rig.world.gateway("gateway").state.store.pending)[0]?.requestId;
      const o = rig.run(operatorAttempt("approve", [{ method: "device.pair.approve", params: { requestId } }]));
      return o.rpc?.[0];
    };
    expect(approve(true)).toMatchObject({ ok: false });
    expect(approve(false)).toMatchObject({ ok: true });
  });
});

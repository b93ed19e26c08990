// Operator steps in files go through the gateway's RPCs as `openclaw devices …` does: a revoke or rotation of
// a paired device's token closes its live session exactly under the releases that do so, and the invariant
// reports the releases that keep it open. Approving a pending request by {{lastRequestId}} works.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseScenario, findProfile, parseCaseFile, profiles, runScenario, type CaseFile, type RunResult } from "../../src/index.ts";

const root = join(import.meta.dirname, "..", "..");

function load(name: string): CaseFile {
  const parsed = parseCaseFile(readFileSync(join(root, "scenarios", "files", name), "utf8"), name);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.file;
}

function closedBy4001(result: RunResult, client: string): boolean {
  return result.events.some((e) => e.actor === client && e.kind === "client" && e.data["event"] === "closed" && e.data["code"] === 4001);
}

describe("operator steps are real RPCs", () => {
  for (const [file, method, switchOf] of [
    ["revoke-live-session.yaml", "device.token.revoke", "revokeClosesSessions"],
    ["rotate-live-session.yaml", "device.token.rotate", "rotateClosesSessions"],
  ] as const) {
    it.each(profiles.map((p) => p.name))(`${file}: closes the live session only where the release does (%s)`, async (name) => {
      const profile = findProfile(name)!;
      const result = await runScenario(caseScenario(load(file)), { seed: 7n, profile });
      const rpc = result.events.find((e) => e.kind === "client" && e.data["event"] === "rpc-result" && e.data["method"] === method);
      expect(rpc?.data["ok"]).toBe(true);
      const closes = profile.gateway[switchOf];
      expect(closedBy4001(result, "laptop-svc")).toBe(closes);
      expect(result.verdict).toBe(closes ? "pass" : "fail");
      expect(result.verdict).toBe(result.expected);
      if (!closes) expect(result.findings.map((f) => f.invariant)).toEqual(["revoked-token-refused"]);
    });
  }

  it("a pending request is approved over RPC by {{lastRequestId}} and the device then connects", async () => {
    const file: CaseFile = {
      name: "approve-by-request-id",
      gateway: { auth: { mode: "token", token: "t" } },
      identities: ["laptop"],
      steps: [
        { connect: { name: "ask", from: "lan", connect: { params: { minProtocol: 3, maxProtocol: 3, client: { id: "cli", version: "1", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.read"], auth: { token: "{{gatewayToken}}" } } }, device: { identity: "laptop" } } as never, expect: { ok: false, messageContains: "pairing required" } },
        { operator: { action: "approve-pending", requestId: "{{lastRequestId}}" } },
        { expectPairing: { identity: "laptop", paired: true, pending: 0 } },
      ],
    };
    const result = await runScenario(caseScenario(file), { seed: 1n, profile: findProfile("2026.3")! });
    expect(result.findings).toEqual([]);
    const approve = result.events.find((e) => e.kind === "client" && e.data["event"] === "rpc-result" && e.data["method"] === "device.pair.approve");
    expect(approve?.data["ok"]).toBe(true);
  });

  it("an approve naming an unknown request id is a finding that prints the gateway's answer", async () => {
    const file: CaseFile = {
      name: "approve-unknown",
      gateway: { auth: { mode: "token", token: "t" } },
      steps: [{ operator: { action: "approve-pending", requestId: "no-such-request" } }],
    };
    const result = await runScenario(caseScenario(file), { seed: 1n, profile: findProfile("2026.3")! });
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringMatching(/openclaw devices approve no-such-request: .+/)]);
  });
});

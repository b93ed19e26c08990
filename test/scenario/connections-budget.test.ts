// The network's connection count is a run budget like steps and virtual time: clients holding more connections
// at once than it allows end the run with a liveness finding naming the budget (it used to be an assertion, i.e.
// a crash). It counts connections held at once: closed ones are forgotten, so redialling alone does not reach it.
import { describe, expect, it } from "vitest";
import { findProfile, parseRunSpec, runScenario, specScenario } from "../../src/index.ts";

function spec(connectionsMax?: number, clients = 1) {
  const text = JSON.stringify({
    name: "redial",
    gateway: { auth: { mode: "token", token: "right" } },
    ...(connectionsMax !== undefined ? { budgets: { connectionsMax } } : {}),
    // The gateway crashes and stays down; the backends redial with their backoff for ten virtual minutes.
    steps: [
      ...Array.from({ length: clients }, (_, i) => ({ client: { name: `svc${i}`, kind: "backend", passiveToken: "{{gatewayToken}}" } })),
      { wait: 3_000 },
      { fault: { crashGateway: true } },
      { wait: 600_000 },
    ],
  });
  const parsed = parseRunSpec(text, "redial.json");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}

describe("connection budget", () => {
  it("holding more than budgets.connectionsMax connections at once is a liveness finding, not a crash", async () => {
    const r = await runScenario(specScenario(spec(3, 4)), { seed: 1n, profile: findProfile("2026.9")! });
    expect(r.outcome).toMatchObject({ kind: "budget-exceeded", budget: "connections" });
    expect(r.findings.map((f) => [f.kind, f.invariant])).toContainEqual(["liveness", "budget"]);
    expect(r.findings.find((f) => f.invariant === "budget")!.message).toMatch(/connection-count budget/);
    expect(r.findings.some((f) => f.kind === "crash")).toBe(false);
  });

  it("one client redialling more than budgets.connectionsMax times ends normally (closed connections are forgotten)", async () => {
    for (const budget of [3, undefined]) {
      const r = await runScenario(specScenario(spec(budget)), { seed: 1n, profile: findProfile("2026.9")! });
      expect(r.outcome.kind).not.toBe("budget-exceeded");
      expect(r.stats.connects).toBeGreaterThan(3);
    }
  });
});

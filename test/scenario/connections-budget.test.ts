// The network's connection count is a run budget like steps and virtual time: a client that dials past it ends
// the run with a liveness finding naming the budget (it used to be an assertion, i.e. a crash).
import { describe, expect, it } from "vitest";
import { findProfile, parseRunSpec, runScenario, specScenario } from "../../src/index.ts";

function spec(connectionsMax?: number) {
  const text = JSON.stringify({
    name: "redial",
    gateway: { auth: { mode: "token", token: "right" } },
    ...(connectionsMax !== undefined ? { budgets: { connectionsMax } } : {}),
    // The gateway crashes and stays down; the backend redials with its backoff for ten virtual minutes.
    steps: [{ client: { name: "svc", kind: "backend", passiveToken: "{{gatewayToken}}" } }, { wait: 3_000 }, { fault: { crashGateway: true } }, { wait: 600_000 }],
  });
  const parsed = parseRunSpec(text, "redial.json");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}

describe("connection budget", () => {
  it("dialling past budgets.connectionsMax is a liveness finding, not a crash", async () => {
    const r = await runScenario(specScenario(spec(3)), { seed: 1n, profile: findProfile("2026.9")! });
    expect(r.outcome).toMatchObject({ kind: "budget-exceeded", budget: "connections" });
    expect(r.findings.map((f) => [f.kind, f.invariant])).toContainEqual(["liveness", "budget"]);
    expect(r.findings.find((f) => f.invariant === "budget")!.message).toMatch(/connection-count budget/);
    expect(r.findings.some((f) => f.kind === "crash")).toBe(false);
  });

  it("within the default budget the same run dials more than 3 times and ends normally", async () => {
    const r = await runScenario(specScenario(spec()), { seed: 1n, profile: findProfile("2026.9")! });
    expect(r.outcome.kind).not.toBe("budget-exceeded");
    expect(r.stats.connects).toBeGreaterThan(3);
  });
});

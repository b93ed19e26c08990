// The step language's core: one schema (the published file equals the in-code one), every problem of a file at
// once as one line, `{ step: i }` markers in the trace, `when` variants per profile, the registry's printers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  findProfile,
  parseRunSpec,
  printStep,
  runScenario,
  runSpecSchema,
  specScenario,
  stepKindNames,
  type RunSpec,
  type Step,
} from "../../src/index.ts";

const root = join(import.meta.dirname, "..", "..");

describe("the RunSpec schema", () => {
  it("schema/scenario.schema.json is the in-code schema (run `pnpm schema` after changing a step kind)", () => {
    const published = JSON.parse(readFileSync(join(root, "schema", "scenario.schema.json"), "utf8"));
    expect(published).toEqual(JSON.parse(JSON.stringify(runSpecSchema)));
  });

  it("lists every registered step kind", () => {
    const items = (runSpecSchema["properties"] as Record<string, { items: { properties: Record<string, unknown> } }>)["steps"]!.items;
    for (const kind of stepKindNames) expect(Object.keys(items.properties)).toContain(kind);
  });
});

describe("input problems: all at once, one line", () => {
  it("reports every static problem of a file in one line", () => {
    const text = JSON.stringify({
      name: "many",
      identities: ["a", "a"],
      verdicts: { "2099.1": "pass" },
      invariants: ["no-such"],
      steps: [
        { client: { name: "c", kind: "cli", identity: "ghost" } },
        { client: { name: "c", kind: "cli", clockOffsetMs: 5 } },
        { expectClient: { name: "nobody", connected: true } },
        { operator: { action: "revoke-device-token" } },
      ],
    });
    const parsed = parseRunSpec(text, "many.json");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(/^many\.json: 8 problems: at \/identities\/1: identity 'a' is declared twice; /);
    expect(parsed.message).not.toContain("\n");
    for (const part of [
      "at /verdicts/2099.1: unknown profile '2099.1'",
      "at /invariants/0: unknown invariant 'no-such'",
      "at /steps/0/client/identity: unknown identity 'ghost'",
      "at /steps/1/client/name: a client named 'c' was already started",
      "at /steps/1/client/clockOffsetMs: a per-client clock on the shared gateway host",
      "at /steps/2/expectClient/name: no client named 'nobody' was started before",
      "at /steps/3/operator: revoke-device-token needs identity",
    ]) expect(parsed.message).toContain(part);
  });

  it("reports every schema problem at once", () => {
    const parsed = parseRunSpec('{"name":"x","seed":-1,"steps":[{"wait":-1},{"bogus":1}]}', "x.json");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual(["at /seed: must be >= 0", "at /steps/0/wait: must be >= 0", "at /steps/1: must NOT have additional properties 'bogus'"]);
  });

  it("an extra key of another kind names its owner", () => {
    const parsed = parseRunSpec('{"name":"x","steps":[{"wait":1,"expect":{"ok":true}}]}', "x.json");
    expect(parsed.ok ? "" : parsed.message).toBe("x.json: at /steps/0/expect: expect belongs to a connect step");
  });
});

const base: RunSpec = { name: "markers", gateway: { auth: { mode: "token", token: "t" } }, steps: [] };

describe("the interpreter", () => {
  it("records { step: i } before each step it runs, and skips steps whose `when` excludes the profile", async () => {
    const spec: RunSpec = {
      ...base,
      steps: [
        { wait: 10 },
        { wait: 20, when: { profiles: ["2026.9"] } },
        { wait: 30, when: { switch: "gateway.revokeClosesSessions", equals: false } },
      ],
    };
    const markers = async (profile: string) =>
      (await runScenario(specScenario(spec), { seed: 1n, profile: findProfile(profile)! })).events.filter((e) => e.kind === "step").map((e) => e.data["step"]);
    expect(await markers("2026.3")).toEqual([0, 2]);
    expect(await markers("2026.9")).toEqual([0, 1]);
  });

  it("the same spec and seed give the same hash; a different step list another", async () => {
    const run = (steps: Step[]) => runScenario(specScenario({ ...base, steps }), { seed: 3n, profile: findProfile("2026.3")! });
    const a = await run([{ wait: 10 }]);
    const b = await run([{ wait: 10 }]);
    const c = await run([{ wait: 11 }]);
    expect(a.traceHash).toBe(b.traceHash);
    expect(c.traceHash).not.toBe(a.traceHash);
  });
});

describe("printing", () => {
  it.each<[Step, RegExp]>([
    [{ wait: 5 }, /^wait 5 ms$/],
    [{ operator: { action: "revoke-device-token", identity: "laptop" } }, /^operator revoke-device-token laptop$/],
    [{ client: { name: "svc", kind: "backend", from: "lan" } }, /^start backend client svc on lan$/],
    [{ fault: { heal: true } }, /^fault \{"heal":true\}$/],
    [{ credentials: { client: "svc", passiveToken: "x" } }, /^credentials of svc: passiveToken changed$/],
    [{ expectClient: { name: "svc", connected: true } }, /^expect client svc \{"connected":true\}$/],
    [{ expectPairing: { identity: "laptop", paired: true } }, /^expect pairing of laptop \{"paired":true\}$/],
    [{ connect: { name: "a", from: "lan" }, expect: { ok: true } }, /^connect a from lan expecting \{"ok":true\}$/],
    [{ wait: 5, when: { profiles: ["2026.9"] } }, /^wait 5 ms \(when \{"profiles":\["2026.9"\]\}\)$/],
  ])("%j prints as one line", (step, line) => {
    expect(printStep(step)).toMatch(line);
  });
});

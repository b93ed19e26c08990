// Whether a declared bug reproduced, and what changed between a buggy and a fixed run: the CLI's last line
// says reproduced / not reproduced, --check-verdict makes the exit code follow it, --virtual-ms-max bounds a
// scenario file, a failing report carries the first divergence from the nearest passing run, and `diff`
// names the first divergent event of token-priority-regression under 2026.2.14 vs 2026.2.13.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffRuns, findProfile, renderDiffMarkdown, runScenario } from "../../src/index.ts";
import { findScenario } from "../../scenarios/index.ts";

const root = join(import.meta.dirname, "..", "..");
const file = join("scenarios", "files", "token-priority-regression.yaml");

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "sim", "main.ts"), ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("reproduction verdicts on the CLI", () => {
  it("says REPRODUCED under the buggy release, exits 0 with --check-verdict, and reports what changed", () => {
    const dir = mkdtempSync(join(tmpdir(), "clawsim-repro-"));
    const r = sim("run", file, "--profile", "2026.2.14", "--check-verdict", "--report", dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^seed 424242 · token-priority-file · profile 2026.2.14/);
    expect(lines.filter((l) => l.startsWith("seed 424242"))).toHaveLength(1);
    expect(r.stdout).toMatch(/^REPRODUCED under 2026.2.14: declared to fail, and it failed \(retries-bounded/m);
    const report = readFileSync(join(dir, "report.md"), "utf8");
    expect(report.split("\n")[0]).toMatch(/^## Reproduced: `retries-bounded` under `2026.2.14` — client backend-svc made/);
    expect(report).toContain("### What changed from the passing run under 2026.2.13");
    expect(report).toMatch(/\| A \| `#\d+ /);
  }, 120_000);

  it("exits 1 with --check-verdict when the declared verdict does not hold, and honours --virtual-ms-max for files", () => {
    const missed = sim("run", file, "--profile", "2026.2.14", "--check-verdict", "--virtual-ms-max", "1000");
    expect(missed.stdout).toMatch(/virtual-time budget/);
    expect(missed.stdout).toMatch(/^NOT REPRODUCED under 2026.2.14: declared to fail, but the run only exceeded its budget/m);
    expect(missed.code).toBe(1);
    const fixed = sim("run", file, "--profile", "2026.3", "--check-verdict", "--virtual-ms-max", "1000");
    expect(fixed.stdout).toMatch(/UNEXPECTED FAILURE under 2026.3: declared to pass, but it failed \(budget\)/);
    expect(fixed.code).toBe(1);
  }, 120_000);
});

describe("what changed between a buggy and a fixed run", () => {
  it("names the first divergent event of token-priority-regression, 2026.2.14 vs 2026.2.13", async () => {
    const scenario = findScenario("token-priority-regression")!;
    const buggy = await runScenario(scenario, { seed: 424242n, profile: findProfile("2026.2.14")! });
    const fixed = await runScenario(scenario, { seed: 424242n, profile: findProfile("2026.2.13")! });
    const diff = diffRuns(buggy, fixed);
    expect(diff.identical).toBe(false);
    expect(diff.a.event?.lane).toBe(diff.b.event?.lane);
    expect(diff.a.event?.what).toMatch(/^connect-attempt .*tokenSource=passive/);
    expect(diff.b.event?.what).toMatch(/^connect-attempt .*tokenSource=stored/);
    expect(buggy.events.slice(0, diff.commonPrefix).map((e) => e.kind)).toEqual(fixed.events.slice(0, diff.commonPrefix).map((e) => e.kind));
    expect(renderDiffMarkdown(diff)).toContain(`the runs part at event #${diff.commonPrefix}`);
    expect(diffRuns(buggy, buggy).identical).toBe(true);
  }, 120_000);
});

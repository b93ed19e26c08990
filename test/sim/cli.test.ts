// The CLI's contract: one-line errors with exit 2 on bad input, exit 1 on a finding, exit 0 on a pass.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "sim", "main.ts"), ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("pnpm sim", () => {
  it.each([
    [["no-such-scenario"], /unknown scenario 'no-such-scenario'/],
    [["cli-connect", "--seed", "abc"], /malformed seed 'abc'/],
    [["cli-connect", "--seed", "-3"], /--seed needs a value \(a value may not start with '-'\)/],
    [["cli-connect", "--profile", "1999.1"], /unknown profile '1999.1'/],
    [["cli-connect", "--frobnicate"], /unknown flag --frobnicate/],
    [["cli-connect", "--seed"], /--seed needs a value/],
    [["cli-connect", "extra"], /unexpected argument 'extra'/],
  ])("rejects %j with one line and exit 2", (args, message) => {
    const r = sim(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("lists scenarios and profiles, name first", () => {
    const list = sim("--list");
    expect(list.code).toBe(0);
    expect(list.stdout.split("\n")[0]).toMatch(/^cli-connect\s+\S/);
    const profiles = sim("--profiles");
    expect(profiles.stdout.split("\n").map((l) => l.split(" ")[0])).toEqual(expect.arrayContaining(["2026.2.13", "2026.2.14", "2026.3", "2026.4", "2026.9"]));
  });

  it("prints the seed first, exits 0 on a pass and prints the hash last", () => {
    const r = sim("cli-connect", "--trace-hash");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^seed 424242 /);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports a budget overrun as a liveness finding with exit 1, without hanging", () => {
    const r = sim("cli-connect", "--steps-max", "5");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/liveness \[budget\] run exceeded its step budget/);
    expect(r.stdout).toMatch(/replay: pnpm sim cli-connect --seed 424242 --profile 2026.3 --steps-max 5/);
  });
});

// The compiled entry `pnpm sim` runs after install (dist/, built by package.json's build:sim): built here with
// that same command into a scratch folder inside the repo (so its external packages resolve), it runs a
// scenario, and a chaos sweep on two worker threads loads the compiled worker beside it and gives the same
// summary as one worker. (Before the worker was bundled, `--workers 2` from the bundle died looking for a
// worker file that only exists beside the sources.) The real client's module hook, a file beside the sources,
// is found from the bundle too.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realAvailable } from "../real-client/harness.ts";

const root = join(import.meta.dirname, "..", "..");
// A direct child of the root, like dist/: the bundle finds package.json one level up.
const outDir = join(root, `.bundle-test-${process.pid}`);

function build(): void {
  const script = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts["build:sim"] as string;
  expect(script).toContain("--outdir=dist");
  const args = script.replace(/^esbuild\s+/, "").replace("--outdir=dist", `--outdir=${outDir}`).split(/\s+/);
  const r = spawnSync(join(root, "node_modules", ".bin", "esbuild"), args, { cwd: root, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
}

function sim(...args: string[]) {
  return spawnSync(process.execPath, [join(outDir, "main.mjs"), ...args], { cwd: root, encoding: "utf8" });
}

describe("the compiled entry", () => {
  beforeAll(() => {
    mkdirSync(outDir, { recursive: true });
    build();
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("runs a scenario", { timeout: 60_000 }, () => {
    const r = sim("cli-connect", "--profile", "2026.9", "--trace-hash");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("runs chaos on two worker threads with the same summary as one", { timeout: 120_000 }, () => {
    const one = join(outDir, "one.json");
    const two = join(outDir, "two.json");
    const common = ["chaos", "--runs", "6", "--seed", "11", "--profile", "2026.9", "--json"];
    const r1 = sim(...common, "--workers", "1", "--out", one);
    expect(r1.status, r1.stderr).toBe(0);
    const r2 = sim(...common, "--workers", "2", "--out", two);
    expect(r2.status, r2.stderr).toBe(0);
    expect(r2.stderr).not.toContain("internal error");
    const s1 = JSON.parse(readFileSync(one, "utf8"));
    expect(s1.rows).toHaveLength(6);
    expect(readFileSync(two, "utf8")).toBe(readFileSync(one, "utf8"));
  });

  it.skipIf(!realAvailable)("runs the real client (its module hook stays beside the sources)", { timeout: 120_000 }, () => {
    const r = sim("gate", "--client", "real", "--no-color");
    expect(r.stderr).not.toContain("internal error");
    expect(r.stdout).toMatch(/gate --client real: \d+ stories \(0 differ\), \d+ scenario files \(0 differ or unstable\)/);
    expect(r.status, r.stdout.slice(-2000)).toBe(0);
  });
});

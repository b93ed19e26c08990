// `pnpm sim conformance` on bad input: one line on stderr and exit 2, before any gateway is started. Also what
// --against accepts, and the profile chosen per release. The live run is opt-in: CONFORMANCE_LIVE=1.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheDirFor, parseAgainst, profileFor, usableInstall } from "../../sim/conformance/index.ts";

const root = join(import.meta.dirname, "..", "..");
function sim(args: string[], env: NodeJS.ProcessEnv = process.env, timeout = 60_000) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "sim", "main.ts"), ...args], { cwd: root, encoding: "utf8", env, timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("pnpm sim conformance: bad input", () => {
  it.each([
    [["conformance"], /conformance needs --against openclaw@<version>/],
    [["conformance", "--against", "openclaw"], /--against must be openclaw@<semver>.*got 'openclaw'/],
    [["conformance", "--against", "openclaw@latest"], /--against must be openclaw@<semver>/],
    [["conformance", "--against", "left-pad@1.3.0"], /--against must be openclaw@<semver>/],
    [["conformance", "--against", "openclaw@2026.9"], /--against must be openclaw@<semver>/],
    [["conformance", "--against", "openclaw@2026.9.6", "--attempts", "0"], /--attempts must be a decimal integer from 1 to/],
    [["conformance", "--against", "openclaw@2026.9.6", "--attempts", "1000000"], /--attempts must be at most 100000/],
    [["conformance", "--against", "openclaw@2026.9.6", "--seed", "x"], /malformed seed 'x'/],
    [["conformance", "--against", "openclaw@2026.9.6", "--profile", "1999.1"], /unknown profile '1999.1'/],
    [["conformance", "extra", "--against", "openclaw@2026.9.6"], /unexpected argument 'extra'/],
  ])("rejects %j with one line and exit 2", (args, message) => {
    const r = sim(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("says in one line, exit 2, when the release cannot be installed", () => {
    const cache = mkdtempSync(join(tmpdir(), "clawsim-conformance-"));
    try {
      // No npm on PATH and no oracle install: the install fails at once, without touching the network.
      const r = sim(["conformance", "--against", "openclaw@2026.9.6", "--attempts", "5"], { ...process.env, PATH: "/nonexistent", CLAWSIM_CACHE_DIR: cache, OPENCLAW_ORACLE_DIR: join(cache, "none") });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^clawsim: cannot install openclaw@2026\.9\.6: /);
      expect(r.stdout.split("\n")[0]).toMatch(/^seed 424242 {2}profile 2026\.9 /);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe("release and profile resolution", () => {
  it("accepts openclaw@<semver> only", () => {
    expect(parseAgainst("openclaw@2026.9.6")).toEqual({ ok: true, version: "2026.9.6" });
    expect(parseAgainst("openclaw@2026.10.1-beta.2")).toEqual({ ok: true, version: "2026.10.1-beta.2" });
    expect(parseAgainst("openclaw@^2026.9.6").ok).toBe(false);
    expect(parseAgainst(undefined).ok).toBe(false);
  });

  it("picks the exact or major.minor profile and says when it falls back", () => {
    expect(profileFor("2026.9.6").profile.name).toBe("2026.9");
    expect(profileFor("2026.2.14").profile.name).toBe("2026.2.14");
    expect(profileFor("2026.3.2")).toMatchObject({ note: "matches 2026.3.2" });
    expect(profileFor("2026.3.7")).toMatchObject({ note: "matches 2026.3.x" });
    expect(profileFor("2027.1.0").note).toMatch(/no profile for 2027\.1\.0: comparing with the newest profile/);
    expect(profileFor("2026.9.6", "2026.4").profile.name).toBe("2026.4");
  });

  it("looks for installs in the cache folder and accepts only a matching version with Node 24", () => {
    expect(cacheDirFor("2026.9.6", { CLAWSIM_CACHE_DIR: "/tmp/c" })).toBe("/tmp/c/openclaw-2026.9.6");
    expect(usableInstall(join(tmpdir(), "clawsim-no-such-install"), "2026.9.6")).toBeUndefined();
  });
});

const live = process.env["CONFORMANCE_LIVE"] === "1";
describe.skipIf(!live)("live conformance run (CONFORMANCE_LIVE=1, needs the install, ~1 min)", () => {
  it("runs generated attempts against the real gateway and prints the table and totals", () => {
    const r = sim(["conformance", "--against", "openclaw@2026.9.6", "--attempts", "60", "--seed", "3"], process.env, 600_000);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/gateway ready on 127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/attempts 60 \(\+ \d+ reset probes\)/);
    expect(r.stdout).toMatch(/wall time \d+\.\d s/);
    if (r.code === 1) expect(r.stdout).toMatch(/^\| group \| count \| field \| real \| model \| shrunk attempt \|$/m);
  }, 600_000);
});

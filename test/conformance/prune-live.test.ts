// sim/conformance/prune-live.ts (the live silent-pairing prune check) on bad input: one line on stderr and exit 2,
// before any gateway is started. The live run itself needs a release and a minute of wall time: not in the tests.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

describe("prune-live: bad input", () => {
  it.each([
    [[], /^usage: /],
    [["2026.9.6"], /^usage: /],
    [["openclaw@2026.9.6", "61000"], /is not a release like 2026\.9\.6/],
    [["2026.9.6", "61s"], /pause '61s' is not a whole number of ms/],
    [["2026.9.6", "700000"], /pause '700000' is not a whole number of ms from 0 to 600000/],
    [["2026.9.6", "61000", "extra"], /^usage: /],
  ])("rejects %j with one line and exit 2", (args, message) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "sim", "conformance", "prune-live.ts"), ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

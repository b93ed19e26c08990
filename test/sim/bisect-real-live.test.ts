// `bisect --real` against a real gateway (opt-in: CONFORMANCE_LIVE=1; needs openclaw@2026.9.6 installed or
// installable, ~1–2 min on a loaded machine): the skew scenario's plan under profile 2026.9 on openclaw 2026.9.6,
// whose 2 min window refuses a signature 5 min old after the device paired with a fresh one.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { findProfile, parseCaseFile } from "../../src/index.ts";
import { runOnRelease } from "../../sim/bisect-real/command.ts";
import { realPlan } from "../../sim/bisect-real/plan.ts";
import { releaseRowFor } from "../../sim/bisect-real/releases.ts";

const root = join(import.meta.dirname, "..", "..");
const live = process.env["CONFORMANCE_LIVE"] === "1";

describe.skipIf(!live)("bisect --real on a live gateway (CONFORMANCE_LIVE=1)", () => {
  it("signed-at-skew fails on openclaw 2026.9.6 at the 5-minute-old signature only", async () => {
    const path = join(root, "scenarios/files/signed-at-skew.yaml");
    const parsed = parseCaseFile(readFileSync(path, "utf8"), path);
    if (!parsed.ok) throw new Error(parsed.message);
    const plan = realPlan(parsed.file, findProfile("2026.9")!);
    const lines: string[] = [];
    const outcome = await runOnRelease(releaseRowFor("2026.9"), plan, (line) => lines.push(line));
    expect(outcome.kind, lines.join("\n")).toBe("ran");
    if (outcome.kind !== "ran") return;
    expect(outcome.log[0]).toMatch(/step 0 \(signed-now\): hello-ok/);
    expect(outcome.verdict).toBe("fail");
    expect(outcome.failures.map((f) => f.message).join("\n")).toMatch(/step 1 \(signed-5-min-ago\): ok is false, expected true \(.*expired/);
  }, 300_000);
});

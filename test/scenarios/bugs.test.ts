// The corpus of real bugs (scenarios/bugs/): every file fails under the release(s) that had the bug, for the
// bug's own reason (the invariants named here, and a finding that mentions `about`), and passes with no finding
// under the release(s) that fixed it. The table is the README's table (scenarios/bugs/README.md) as data.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseScenario, findProfile, parseCaseFile, runScenario, type CaseFile, type RunResult } from "../../src/index.ts";

const seed = 424242n;
const dir = join(import.meta.dirname, "..", "..", "scenarios", "bugs");
const fileLinesMax = 40;

interface BugCase {
  readonly file: string;
  /** Issue/PR numbers (or CVE) the file is written from; its description must cite the first. */
  readonly cites: string;
  readonly buggy: readonly string[];
  readonly fixed: readonly string[];
  /** The invariants whose findings make the buggy run fail (exactly these). */
  readonly invariants: readonly string[];
  /** A finding under the buggy profile mentions this. */
  readonly about: string;
}

export const bugCases: readonly BugCase[] = [
  { file: "rotate-keeps-session-57646.yaml", cites: "#57646", buggy: ["2026.3"], fixed: ["2026.3.31", "2026.4", "2026.9"], invariants: ["revoked-token-refused"], about: "after device.token.rotate" },
  { file: "revoke-keeps-session-55952.yaml", cites: "#55952", buggy: ["2026.3"], fixed: ["2026.3.31", "2026.4", "2026.9"], invariants: ["revoked-token-refused"], about: "after device.token.revoke" },
  { file: "shared-secret-rotation-60387.yaml", cites: "#60387", buggy: ["2026.3", "2026.3.31"], fixed: ["2026.4", "2026.9"], invariants: ["shared-secret-sessions-closed"], about: "after the shared secret was rotated" },
  { file: "insecure-auth-remote-32034.yaml", cites: "CVE-2026-32034", buggy: ["2026.2.13", "2026.2.14", "2026.2.17"], fixed: ["2026.2.22", "2026.3"], invariants: ["cve-2026-32034"], about: "without a device identity" },
  { file: "tui-token-storm-28148.yaml", cites: "#28148", buggy: ["2026.2.22"], fixed: ["2026.3", "2026.9"], invariants: ["retries-bounded"], about: "after AUTH_TOKEN_MISMATCH" },
  { file: "deviceless-cli-scopes-63344.yaml", cites: "#63344", buggy: ["2026.4", "2026.6"], fixed: ["2026.7", "2026.9"], invariants: ["case-expect"], about: "rpc 0 status ok=false" },
  { file: "node-token-mismatch-17185.yaml", cites: "#17185", buggy: ["2026.2.14", "2026.2.17", "2026.2.22"], fixed: ["2026.3"], invariants: ["retries-bounded"], about: "connect attempts in 60 s after AUTH_" },
  { file: "agent-tools-mismatch-18936.yaml", cites: "#18936", buggy: ["2026.2.14", "2026.2.17", "2026.2.22"], fixed: ["2026.3"], invariants: ["retries-bounded"], about: "agent-tools made 5 connect attempts" },
  { file: "local-scope-upgrade-stall-124589.yaml", cites: "#124589", buggy: ["2026.3.31", "2026.4", "2026.7"], fixed: ["2026.9"], invariants: ["case-expect"], about: "(cli-needs-write): ok is false" },
  { file: "pending-request-churn-98145.yaml", cites: "#98145", buggy: ["2026.3.31", "2026.4", "2026.6"], fixed: ["2026.7", "2026.9"], invariants: ["case-expect"], about: "details.requestId is not the previous pairing answer's" },
  { file: "explicit-token-no-fallback-42507.yaml", cites: "#42507", buggy: ["2026.2.22"], fixed: ["2026.3", "2026.9"], invariants: ["case-expect", "retries-bounded"], about: "connected is false, expected true" },
  { file: "clock-skew-signature-116679.yaml", cites: "#116679", buggy: ["2026.2.22", "2026.3.31", "2026.4", "2026.7"], fixed: ["2026.9"], invariants: ["case-expect"], about: "(client laptop-svc): connected is false" },
  { file: "tui-onboard-scope-upgrade-22616.yaml", cites: "#22616", buggy: ["2026.2.14"], fixed: ["2026.2.17", "2026.2.22", "2026.3"], invariants: ["case-expect", "retries-bounded"], about: "after PAIRING_REQUIRED" },
  { file: "subagent-scope-upgrade-23661.yaml", cites: "#23661", buggy: ["2026.2.14"], fixed: ["2026.2.17", "2026.2.22", "2026.3"], invariants: ["case-expect", "retries-bounded"], about: "after PAIRING_REQUIRED" },
  { file: "exec-approvals-pairing-59882.yaml", cites: "#59882", buggy: ["2026.4", "2026.7"], fixed: ["2026.9"], invariants: ["case-expect"], about: "contains \"pairing required\"" },
  { file: "silent-scope-escalation-54694.yaml", cites: "#54694", buggy: ["2026.2.17", "2026.2.22", "2026.3"], fixed: ["2026.3.31", "2026.4", "2026.7", "2026.9"], invariants: ["case-expect"], about: "(asks-admin): ok is true, expected false" },
  { file: "stale-pending-request-50695.yaml", cites: "#50695", buggy: ["2026.2.22"], fixed: ["2026.3", "2026.4"], invariants: ["case-expect"], about: "lack operator.admin" },
  { file: "docker-published-port-61779.yaml", cites: "#61779", buggy: ["2026.2.22", "2026.3.31"], fixed: ["2026.4", "2026.5", "2026.9"], invariants: ["case-expect"], about: "(client app): connected is false" },
];

function load(file: string): { text: string; parsed: CaseFile } {
  const text = readFileSync(join(dir, file), "utf8");
  const parsed = parseCaseFile(text, file);
  if (!parsed.ok) throw new Error(parsed.message);
  return { text, parsed: parsed.file };
}

async function run(file: CaseFile, profile: string): Promise<RunResult> {
  const p = findProfile(profile);
  if (!p) throw new Error(`no profile ${profile}`);
  return runScenario(caseScenario(file), { seed, profile: p });
}

const invariantsOf = (r: RunResult) => [...new Set(r.findings.map((f) => f.invariant))].sort();

describe("scenarios/bugs", () => {
  it("the table lists every file of the folder and no other", () => {
    const files = readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
    expect(bugCases.map((c) => c.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(15);
  });
});

describe.each(bugCases)("$file", (c) => {
  const { text, parsed } = load(c.file);

  it(`is at most ${fileLinesMax} lines, cites ${c.cites} and declares its verdicts`, () => {
    expect(text.trimEnd().split("\n").length).toBeLessThanOrEqual(fileLinesMax);
    expect(parsed.description ?? "").toContain(c.cites);
    const declared = (p: string) => parsed.verdicts?.[p] ?? parsed.verdicts?.["default"] ?? "pass";
    for (const p of c.buggy) expect(declared(p), `declared verdict under ${p}`).toBe("fail");
    for (const p of c.fixed) expect(declared(p), `declared verdict under ${p}`).toBe("pass");
  });

  for (const buggy of c.buggy) {
    it(`under ${buggy} fails on ${c.invariants.join(" + ")}`, async () => {
      const result = await run(parsed, buggy);
      expect(result.verdict).toBe("fail");
      expect(invariantsOf(result)).toEqual([...c.invariants].sort());
      expect(result.findings.map((f) => f.message).join("\n")).toContain(c.about);
    });
  }

  for (const fixed of c.fixed) {
    it(`under ${fixed} has no finding`, async () => {
      const result = await run(parsed, fixed);
      expect(result.findings).toEqual([]);
      expect(result.verdict).toBe("pass");
    });
  }
});

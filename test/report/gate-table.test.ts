// The gate table: one aligned row per run, unexpected verdicts flagged (and counted), colour only on request.
import { describe, expect, it } from "vitest";
import { gateUnexpectedCount, renderGateTable, stripAnsi, type GateRow } from "../../src/report/index.ts";

const hash = "7647c589270196786110efe7d2ae253a26356195ee98a55bf65abb8f8625cabc";
const rows: GateRow[] = [
  { scenario: "cli-connect", profile: "2026.3", expected: "pass", actual: "pass", findings: 0, traceHash: hash },
  { scenario: "token-drift", profile: "2026.2.14", expected: "fail", actual: "pass", findings: 0, traceHash: "0".repeat(64) },
  { scenario: "pairing", profile: "2026.3", expected: undefined, actual: "fail", findings: 2, traceHash: "f".repeat(64) },
];

describe("renderGateTable", () => {
  const plain = renderGateTable(rows, { color: false });
  const lines = plain.trimEnd().split("\n");

  it("prints a header, a rule, one aligned row per run and a count", () => {
    expect(lines[0]).toBe("scenario     profile    expected  actual  findings  trace hash    check");
    expect(lines[2]).toBe("cli-connect  2026.3     pass      pass    0         7647c5892701  ok");
    expect(lines[3]).toBe("token-drift  2026.2.14  fail      pass    0         000000000000  UNEXPECTED");
    expect(lines[4]).toBe("pairing      2026.3     -         fail    2         ffffffffffff  no expectation");
    expect(lines[5]).toBe("3 run(s), 1 unexpected verdict(s)");
  });

  it("has no escapes without colour, and colours only the unexpected row red", () => {
    expect(plain).not.toMatch(/\u001b\[/);
    const coloured = renderGateTable(rows, { color: true });
    expect(stripAnsi(coloured)).toBe(plain);
    const colouredLines = coloured.split("\n");
    expect(colouredLines[3]).toContain("\u001b[31m");
    expect(colouredLines[2]).not.toContain("\u001b[31m");
  });

  it("counts unexpected verdicts", () => {
    expect(gateUnexpectedCount(rows)).toBe(1);
    expect(gateUnexpectedCount([rows[0]!, rows[2]!])).toBe(0);
    expect(renderGateTable([rows[0]!], { color: false })).toContain("1 run(s), 0 unexpected verdict(s)");
  });
});

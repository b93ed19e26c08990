// Console output: a compact timeline of notable events, the verdict line and the findings; colour only when
// asked for, and the plain text identical to the coloured text with the escapes removed.
import { describe, expect, it } from "vitest";
import { renderConsole, renderJsonSummary, renderProgress, stripAnsi, timelineLinesMax } from "../../src/report/index.ts";
import { longResult, sampleResult } from "./fixture.ts";

const ansi = /\u001b\[/;

describe("renderConsole", () => {
  const result = sampleResult();
  const plain = renderConsole(result, { color: false });
  const coloured = renderConsole(result, { color: true });

  it("prints no ANSI escapes when colour is off, and the same text with colour on", () => {
    expect(plain).not.toMatch(ansi);
    expect(coloured).toMatch(ansi);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it("starts with the seed, then one line per notable event: time, actor, what", () => {
    const lines = plain.split("\n");
    expect(lines[0]).toBe("seed 424242 · pairing-then-partition · profile 2026.3 · clawsim 0.1.0 · library");
    expect(plain).toContain("  00:01.003  gateway   pairing.required connId=c1 deviceId=34750f98…(cli) reason=not-paired requestId=req-7");
    expect(plain).toContain("  00:01.004  cli       gateway → cli error NOT_PAIRED/PAIRING_REQUIRED [c1]");
    expect(plain).toContain("  00:02.000  operator  $ openclaw devices approve req-7");
    expect(plain).toContain("  00:02.500  laptop    laptop → gateway HTTP upgrade dropped (fault) [c2]");
  });

  it("leaves out setup noise, sends, ticks and timers", () => {
    expect(plain).not.toContain("net.host");
    expect(plain).not.toContain(" sent [");
    expect(plain).not.toContain("tick");
    expect(plain).not.toContain("open (server side)");
  });

  it("marks the first offending event and ends with the verdict, the findings and the replay command", () => {
    expect(plain).toContain("✖ 00:13.504  cli       gateway → cli hello-ok (device token issued) [c3]");
    expect(plain).toContain("    ↳ correctness [device-token-single-issuer] hello-ok issued a second device token");
    const lines = plain.trimEnd().split("\n");
    const tail = lines.slice(lines.findIndex((l) => l.startsWith("FAIL  ")));
    expect(tail[0]).toBe("FAIL  pairing-then-partition under 2026.3 (unexpected failure)");
    expect(tail[1]).toBe(
      `    1 finding(s) · 57 steps · 43.505s virtual · quiescent (nothing left to run) · trace ${result.traceHash.slice(0, 16)}`,
    );
    expect(tail[2]).toMatch(/^ {2}1\. correctness \[device-token-single-issuer\] /);
    expect(tail).toContain("     first offending event: #47 00:13.504 cli: gateway → cli hello-ok (device token issued) [c3]");
    expect(tail.at(-2)).toBe("replay: pnpm sim pairing-then-partition --seed 424242 --profile 2026.3");
    expect(tail.at(-1)).toBe("UNEXPECTED FAILURE under 2026.3: declared to pass, but it failed (device-token-single-issuer)");
  });

  it("colours the verdict red when the run failed and green when it passed", () => {
    expect(coloured).toContain("\u001b[31mFAIL\u001b[0m");
    const passed = renderConsole(sampleResult({ verdict: "pass", findings: [] }), { color: true });
    expect(passed).toContain("\u001b[32mPASS\u001b[0m");
  });

  it("wraps every line to the width, losing no word", () => {
    const narrow = renderConsole(result, { color: false, width: 60 });
    for (const line of narrow.trimEnd().split("\n")) expect(Array.from(line).length).toBeLessThanOrEqual(60);
    const words = (text: string) => text.split(/\s+/).filter((w) => w !== "" && !w.endsWith("…"));
    const wide = renderConsole(result, { color: false, width: 400 });
    expect(words(narrow).join(" ")).toBe(words(wide).join(" "));
    const narrowColoured = renderConsole(result, { color: true, width: 60 });
    expect(stripAnsi(narrowColoured)).toBe(narrow);
  });

  it(`caps a long timeline at ${timelineLinesMax} lines around the first offending event`, () => {
    const long = renderConsole(longResult(120, 90), { color: false });
    const timeline = long.split("\n").filter((l) => /^[ ✖] +\d\d:\d\d\.\d{3}  /.test(l));
    expect(timeline).toHaveLength(timelineLinesMax);
    expect(long).toMatch(/ {2}… \d+ earlier line\(s\) left out/);
    expect(long).toContain("↳ liveness [retries-bounded] connection 90 was one too many");
  });
});

describe("renderProgress", () => {
  it("draws a bar with percent and counts", () => {
    expect(renderProgress({ done: 42, total: 100, label: "seeds" })).toBe("[##########..............]  42%  42/100 seeds");
    expect(renderProgress({ done: 0, total: 0 })).toBe("[........................]   0%  0/0");
    expect(renderProgress({ done: 7, total: 5 })).toBe("[########################] 100%  5/5");
  });
});

describe("renderJsonSummary", () => {
  it("is one JSON line without the events, with the trace hash and whether the verdict was expected", () => {
    const result = sampleResult();
    const text = renderJsonSummary(result);
    expect(text).not.toContain("\n");
    const summary = JSON.parse(text) as Record<string, unknown>;
    expect(summary["events"]).toBeUndefined();
    expect(summary).toMatchObject({ scenario: "pairing-then-partition", seed: "424242", verdict: "fail", expected: "pass", asExpected: false, traceHash: result.traceHash, eventCount: result.events.length });
    expect(summary["findings"]).toEqual(result.findings);
    expect(JSON.parse(renderJsonSummary(sampleResult({ expected: undefined })))["asExpected"]).toBeNull();
  });
});

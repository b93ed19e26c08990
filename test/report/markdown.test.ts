// The Markdown report: what a maintainer pastes into an issue must carry the run's identity, the finding with
// its first offending event, a Mermaid diagram GitHub can render, and the exact replay commands.
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderMermaid, buildTraceView, diagramMessagesMax } from "../../src/report/index.ts";
import { hostile, longResult, sampleResult } from "./fixture.ts";

function mermaidBlock(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  expect(match, "a ```mermaid block").not.toBeNull();
  return match![1]!;
}

/** Lines that draw something (not the header, participants or "left out" notes). */
function drawnLines(diagram: string): string[] {
  return diagram
    .split("\n")
    .slice(1)
    .filter((l) => !/^(participant|box |end$)/.test(l.trim()) && !l.includes("left out") && !l.includes("still open when the run ended"));
}

describe("renderMarkdown", () => {
  const result = sampleResult();
  const markdown = renderMarkdown(result);

  it("opens with a title that says what happened, then whether the declared verdict held", () => {
    expect(markdown.split("\n")[0]).toMatch(
      /^## Fails \(declared to pass\): `device-token-single-issuer` under `2026.3` — hello-ok issued a second device token for device 34750f98 while &lt;img/,
    );
    expect(markdown).toContain("**UNEXPECTED FAILURE under 2026.3: declared to pass, but it failed (device-token-single-issuer)**");
    expect(markdown).not.toMatch(/\(expected (fail|pass)/);
  });

  it("titles a reproduced bug, a missed reproduction and a clean pass in the reader's words", () => {
    const reproduced = renderMarkdown(sampleResult({ expected: "fail" }));
    expect(reproduced.split("\n")[0]).toMatch(/^## Reproduced: `device-token-single-issuer` under `2026.3` — hello-ok issued/);
    expect(reproduced).toContain("**REPRODUCED under 2026.3: declared to fail, and it failed");
    const missed = renderMarkdown(sampleResult({ expected: "fail", verdict: "pass", findings: [] }));
    expect(missed.split("\n")[0]).toBe("## Not reproduced: `pairing-then-partition` under `2026.3` — declared to fail, but every invariant held");
    const long = renderMarkdown(sampleResult({ expected: "fail", findings: [{ ...sampleResult().findings[0]!, message: "word ".repeat(60) }] }));
    expect(long.split("\n")[0]).toMatch(/ word…$/);
  });

  it("has a summary table with seed, profile, version, duration, steps and the trace hash", () => {
    expect(markdown).toContain("| seed | `424242` |");
    expect(markdown).toContain("| profile | `2026.3` |");
    expect(markdown).toContain("| clawsim version | `0.1.0` |");
    expect(markdown).toContain("| virtual duration | 43.505s (43505 ms) |");
    expect(markdown).toContain("| steps | 57 |");
    expect(markdown).toContain(`| trace hash | \`${result.traceHash}\` |`);
  });

  it("says what was simulated and which actors took part", () => {
    expect(markdown).toContain("### What was simulated\n\na CLI on a laptop pairs with the gateway");
    expect(markdown).toContain("**Actors:** `world`, `gateway-host`, `cli`, `gateway`, `operator`, `net`, `laptop`");
  });

  it("lists the finding with kind, invariant, message and its first offending event on one line", () => {
    expect(markdown).toContain("1. **correctness** — invariant `device-token-single-issuer`: hello-ok issued a second device token");
    expect(markdown).toContain("   - first offending event: `#47 00:13.504 cli: gateway → cli hello-ok (device token issued) [c3]`");
  });

  it("gives the exact replay command and the trace-file replay in fenced blocks", () => {
    expect(markdown).toContain("```sh\npnpm sim pairing-then-partition --seed 424242 --profile 2026.3\n```");
    expect(markdown).toContain("```sh\npnpm sim replay trace.json\n```");
  });

  it("draws the connect exchange, the refusal code with details.code, the close, pairing, operator and fault", () => {
    const diagram = mermaidBlock(markdown);
    expect(diagram.startsWith("sequenceDiagram\n")).toBe(true);
    expect(diagram).toContain("  box rgba(127,127,127,0.08) host laptop\n    participant p1 as cli\n    participant p2 as laptop\n  end");
    expect(diagram).toContain("participant p3 as gateway");
    expect(diagram).toMatch(/p1->>p3: connect \(operator, client cli, token\+device, scopes<br\/>operator\.read\) \(c1\)/);
    expect(diagram).toContain("p3->>p1: error NOT_PAIRED/PAIRING_REQUIRED (c1)");
    expect(diagram).toContain("p3->>p1: hello-ok (device token issued) (c3)");
    expect(diagram).toMatch(/p3->>p1: close 1008 /);
    expect(diagram).toContain("Note over p3: pairing.required connId=c1 deviceId=34750f98…(cli)");
    expect(diagram).toContain("Note over p4: $ openclaw devices approve req-7");
    expect(diagram).toContain("Note over p0,p2: fault partition(laptop,gateway-host) on");
    expect(diagram).toContain("Note over p1: FINDING correctness device-token-single-issuer: hello-ok issued<br/>a second");
    expect(diagram.trimEnd().split("\n").at(-1)).toBe("  Note over p1,p3: still open when the run ended: session c3");
    expect(diagram).not.toContain("tick");
  });

  it("keeps frame text Mermaid-safe and markup out of the prose", () => {
    const diagram = mermaidBlock(markdown);
    for (const line of diagram.split("\n").slice(1)) {
      const text = line.includes(": ") ? line.slice(line.indexOf(": ") + 2) : "";
      // Every # and ; belongs to an entity code; no raw quotes or angle brackets.
      expect(text.replace(/<br\/>/g, " ").replace(/#(\d+|quot|lt|gt);/g, "")).not.toMatch(/[#;"<>]/);
    }
    expect(diagram).toContain("#lt;img src=x onerror=#quot;alert(1)#quot;#gt; #35;1#59;");
    expect(markdown).not.toContain(hostile);
    expect(markdown).toContain("&lt;img src=x onerror=\"alert(1)\"&gt;");
  });

  it("says so when there are no findings", () => {
    const clean = renderMarkdown(sampleResult({ findings: [], verdict: "pass" }));
    expect(clean.split("\n")[0]).toBe("## Passes as declared: `pairing-then-partition` under `2026.3` — every invariant held");
    expect(clean).toContain("### Findings (0)\n\nNone:");
    expect(mermaidBlock(clean)).not.toContain("FINDING");
  });
});

describe("the Mermaid diagram of a long run", () => {
  const result = longResult(120, 90);
  const diagram = renderMermaid(buildTraceView(result));

  it(`is capped at ${diagramMessagesMax} lines with notes saying how many were left out`, () => {
    expect(drawnLines(diagram.text)).toHaveLength(diagramMessagesMax);
    expect(diagram.shown).toBe(diagramMessagesMax);
    expect(diagram.leftOut).toBeGreaterThan(300);
    expect(diagram.text).toMatch(/Note over p\d+,p\d+: … \d+ earlier line\(s\) left out/);
    expect(diagram.text).toMatch(/Note over p\d+,p\d+: … \d+ later line\(s\) left out/);
  });

  it("shows the window around the first offending event", () => {
    expect(diagram.text).toContain("FINDING liveness retries-bounded: connection 90 was one too many");
    expect(diagram.text).toContain("hello-ok (c90)");
    expect(diagram.text).not.toContain("(c1)");
    expect(renderMarkdown(result)).toMatch(/_60 of \d+ lines shown \(window around the first offending event\)/);
  });

  it("starts at the beginning when there is no finding", () => {
    const plain = renderMermaid(buildTraceView({ ...result, findings: [] }));
    expect(plain.text).toContain("open c1");
    expect(plain.text).not.toContain("earlier line(s) left out");
  });
});

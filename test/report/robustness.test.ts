// Reporters never throw on odd traces: unknown kinds, missing or mistyped fields, frame text that is not JSON,
// findings pointing outside the trace. And whatever the trace says, the HTML stays inert (no tag from trace
// text gets through) and the Markdown's Mermaid text keeps no raw statement breaks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TraceEvent, TraceKind } from "../../src/kernel/index.ts";
import { renderConsole, renderHtml, renderJsonSummary, renderMarkdown, renderTraceJson, parseTraceJson, stripAnsi } from "../../src/report/index.ts";
import { sampleResult } from "./fixture.ts";

const kinds = ["run.start", "conn.open", "conn.accept", "conn.refused", "frame.send", "frame.deliver", "frame.drop", "frame.duplicate", "frame.hold", "frame.release", "close", "timer.fire", "fault", "operator", "host", "client", "gateway", "check", "verdict", "note", "mystery.kind"];
const nasty = fc.constantFrom("<script>alert(1)</script>", "c1", "c2", "gateway", "a;b#c", '"q"', "</script><svg onload=alert(1)>", "", "x|y`z", "\u2028");
const value = fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.dictionary(nasty, nasty, { maxKeys: 3 }));
const frameText = fc.oneof(
  nasty,
  fc.constant('{"type":"res","id":"connect-1","ok":false,"error":{"code":"NOT_PAIRED","details":{"code":"<b>"}}}'),
  fc.constant('{"type":"req","id":"connect-1","method":"connect","params":{"auth":null,"scopes":[1,"a"]}}'),
  fc.constant('{"type":"event","event":"tick"}'),
  fc.constant("[1,2]"),
);
const data = fc.record(
  {
    connId: fc.constantFrom("c1", "c2", "c3"),
    dir: fc.constantFrom("c2s", "s2c", "sideways"),
    n: fc.integer({ min: 0, max: 4 }),
    packet: fc.constantFrom("frame", "close", "fin", "upgrade", "upgrade-response", "weird"),
    text: frameText,
    from: nasty,
    to: nasty,
    event: nasty,
    command: nasty,
    code: fc.oneof(fc.integer(), nasty),
    reason: nasty,
    action: fc.constantFrom("add", "remove", "other"),
    ruleId: fc.integer({ min: 0, max: 2 }),
    rule: nasty,
    side: fc.constantFrom("client", "server", "middle"),
    extra: value,
  },
  { requiredKeys: [] },
);
const event = fc.record({ atMs: fc.integer({ min: 0, max: 100_000 }), actor: nasty, kind: fc.constantFrom(...kinds), data });

function toEvents(raw: { atMs: number; actor: string; kind: string; data: Record<string, unknown> }[]): TraceEvent[] {
  const sorted = [...raw].sort((a, b) => a.atMs - b.atMs);
  return sorted.map((e, i) => ({ i, atMs: e.atMs, actor: e.actor, kind: e.kind as TraceKind, data: e.data }));
}

describe("reporters on arbitrary traces", () => {
  it("never throw, keep HTML inert and plain console output free of escapes", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.array(nasty, { maxLength: 4 }), fc.integer({ min: -5, max: 60 }), (raw, actors, findingAt) => {
        const events = toEvents(raw);
        const result = sampleResult({
          events,
          actors,
          findings: [{ kind: "crash", invariant: "<i>x</i>", message: "</script>", firstEventIndex: findingAt }],
        });
        const html = renderHtml(result);
        expect(html.match(/<script/g)).toHaveLength(2);
        expect(html).not.toMatch(/<(svg|img|b|i) on/i);
        expect(html).not.toContain("<script>alert");
        const embedded = /<script type="application\/json" id="trace-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
        expect(embedded).not.toMatch(/[<>\u2028\u2029]/);
        expect((JSON.parse(embedded) as { events: unknown[] }).events.length).toBeLessThanOrEqual(events.length);
        const markdown = renderMarkdown(result);
        const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? "";
        for (const line of mermaid.split("\n").slice(1)) {
          const text = line.includes(": ") ? line.slice(line.indexOf(": ") + 2) : line.replace(/^ *participant p\d+ as /, "");
          expect(text.replace(/<br\/>/g, " ").replace(/#(\d+|quot|lt|gt);/g, "")).not.toMatch(/[#;"<>\n]/);
        }
        const plain = renderConsole(result, { color: false, width: 80 });
        expect(plain).not.toMatch(/\u001b\[/);
        expect(stripAnsi(renderConsole(result, { color: true, width: 80 }))).toBe(plain);
        JSON.parse(renderJsonSummary(result));
        const unknownKind = events.some((e) => !kinds.slice(0, -1).includes(e.kind));
        const parsed = parseTraceJson(renderTraceJson(result));
        expect(parsed.ok).toBe(false); // the fixture's hash is not these events' hash
        if (!parsed.ok && unknownKind) expect(parsed.message).toMatch(/unknown kind|traceHash/);
      }),
      { numRuns: 150, seed: 20260301 },
    );
  });
});

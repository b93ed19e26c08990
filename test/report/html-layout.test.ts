// HTML timeline geometry without a browser: empty lanes take no room, and an arrow's label sits above its line.
import { describe, expect, it } from "vitest";
import { buildTraceView } from "../../src/report/index.ts";
import { layoutTimeline } from "../../src/report/html-layout.ts";
import { labelBaseline } from "../../src/report/html-svg.ts";
import { sampleResult } from "./fixture.ts";

describe("HTML layout", () => {
  it("hides a lane with nothing drawn on it", () => {
    const base = sampleResult();
    const withIdle = { ...base, actors: [...base.actors, "idle-client"] };
    expect(buildTraceView(withIdle).lanes).toContain("idle-client");
    expect(layoutTimeline(buildTraceView(withIdle)).lanes.map((l) => l.name)).not.toContain("idle-client");
  });

  it("lifts a label above the highest point of a sloped arrow under it", () => {
    const down = { x1: 100, y1: 100, x2: 400, y2: 200 };
    const baseline = labelBaseline(down, 20);
    expect(baseline).toBeLessThan(100 + (100 * (250 - 70 - 100)) / 300);
    const flat = { x1: 100, y1: 50, x2: 400, y2: 50 };
    expect(labelBaseline(flat, 10)).toBeLessThan(50);
  });
});

// The live progress line: done/total, rate and ETA on a TTY; nothing at all when not live (pipes, CI).
import { describe, expect, it } from "vitest";
import { progressLine, progressRedrawMs } from "../../sim/progress.ts";
import { renderProgress } from "../../src/index.ts";

function fakeStream() {
  const chunks: string[] = [];
  const stream = { isTTY: true, columns: 120, write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, chunks };
}

describe("progress line", () => {
  it("shows done/total, the rate and the ETA, redrawn in place and cleared at the end", () => {
    const { stream, chunks } = fakeStream();
    let now = 0;
    const line = progressLine({ total: 10, stream, live: true, nowMs: () => now });
    now = 2000;
    line.update(4, "scenario x");
    now = 2000 + progressRedrawMs / 2;
    line.update(5);
    line.finish();
    expect(chunks).toHaveLength(2);
    expect(chunks[0]).toMatch(/^\r\[#+\.+\]  40%  4\/10  2\.0\/s  ETA 0:03 scenario x\x1b\[K$/);
    expect(chunks[1]).toBe("\r\x1b[K");
  });

  it("writes nothing when not live", () => {
    const { stream, chunks } = fakeStream();
    const line = progressLine({ total: 3, stream, live: false });
    line.update(1);
    line.finish();
    expect(chunks).toEqual([]);
  });

  it("formats long ETAs with hours", () => {
    expect(renderProgress({ done: 1, total: 100, ratePerS: 0.01, etaMs: 9_900_000 })).toMatch(/0\.0\/s  ETA 2:45:00$/);
  });
});

import { describe, expect, it } from "vitest";
import { nonceSingleUse } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

const device = "d".repeat(64);

describe("nonce-single-use", () => {
  it("flags a second session accepting a nonce another hello already accepted (replay)", () => {
    const t = new TraceBuilder();
    t.at(1000).open("c1");
    t.challenge("c1", "nonce-aaaa-1111");
    t.connect("c1", { device: { id: device, nonce: "nonce-aaaa-1111" } });
    t.hello("c1", { deviceId: device });
    t.at(2000).open("c2");
    t.challenge("c2", "nonce-bbbb-2222");
    t.connect("c2", { device: { id: device, nonce: "nonce-aaaa-1111" } });
    const replay = t.hello("c2", { deviceId: device });
    const findings = t.run(nonceSingleUse());
    expect(findings).toEqual([
      {
        kind: "correctness",
        invariant: "nonce-single-use",
        message: "challenge nonce nonce-aa… (issued on c1) was accepted twice: the session on c2 (device dddddddd…) reused the nonce already accepted on c1 at 1 s",
        firstEventIndex: replay.i,
        atMs: 2000,
        actor: "gateway",
      },
    ]);
  });

  it("holds when each hello uses its own connection's fresh nonce, and ignores device-less sessions", () => {
    const t = new TraceBuilder();
    for (const [conn, nonce] of [["c1", "n-1"], ["c2", "n-2"]] as const) {
      t.open(conn);
      t.challenge(conn, nonce);
      t.connect(conn, { device: { id: device, nonce } });
      t.hello(conn, { deviceId: device });
    }
    t.open("c3");
    t.challenge("c3", "n-3");
    t.connect("c3", { auth: { token: "shared" } });
    t.hello("c3", { deviceId: null });
    expect(t.run(nonceSingleUse())).toEqual([]);
  });
});

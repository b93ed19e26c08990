import { describe, expect, it } from "vitest";
import { retriesBounded } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

/** A client failing with `code` and retrying with doubling backoff: attempts at 1, 3, 7, 15, 31 s. */
function loop(t: TraceBuilder, client: string, code: string | null, attempts: number, message?: string): number[] {
  t.at(0).client(client, "connect-attempt");
  t.connectError(client, code, message);
  const indexes: number[] = [];
  let atMs = 0;
  for (let n = 0; n < attempts; n++) {
    atMs += 1000 * 2 ** n;
    indexes.push(t.at(atMs).client(client, "connect-attempt").i);
    t.connectError(client, code, message);
  }
  return indexes;
}

describe("retries-bounded", () => {
  it("flags the fourth attempt within 60 s after a device token mismatch", () => {
    const t = new TraceBuilder();
    const attempts = loop(t, "tui", "AUTH_DEVICE_TOKEN_MISMATCH", 5);
    const findings = t.run(retriesBounded());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: "correctness",
      invariant: "retries-bounded",
      message: "client tui made 5 connect attempts in 60 s after AUTH_DEVICE_TOKEN_MISMATCH (limit 3)",
      firstEventIndex: attempts[3],
      atMs: 15_000,
      actor: "tui",
    });
  });

  it("does not count the retries a gateway asked for with close 1013 (starting), only the client's own", () => {
    const afterCloses = (code: number, reason: string): TraceBuilder => {
      const t = new TraceBuilder();
      t.at(0).client("node", "connect-attempt");
      t.connectError("node", "AUTH_TOKEN_MISMATCH");
      for (const atMs of [250, 750, 1250]) {
        t.at(atMs).client("node", "connect-attempt");
        t.at(atMs + 1).client("node", "closed", { code, reason });
      }
      t.at(1750).client("node", "connect-attempt");
      return t;
    };
    expect(afterCloses(1013, "gateway starting").run(retriesBounded())).toEqual([]);
    // The same attempts after closes the client cannot be told to retry (1008) are the client's.
    expect(afterCloses(1008, "unauthorized").run(retriesBounded())).toHaveLength(1);
  });

  it("holds when the credentials change after three attempts", () => {
    const t = new TraceBuilder();
    loop(t, "tui", "AUTH_DEVICE_TOKEN_MISMATCH", 3);
    t.at(8000).client("tui", "credentials-changed", { fields: ["passiveToken"] });
    t.at(9000).client("tui", "connect-attempt");
    t.at(9001).client("tui", "hello");
    expect(t.run(retriesBounded())).toEqual([]);
  });

  it("holds for failures an operator need not fix (a reset connection)", () => {
    const t = new TraceBuilder();
    loop(t, "tui", null, 6, "socket hang up");
    expect(t.run(retriesBounded())).toEqual([]);
  });

  it("reads the code from the message when the gateway sends no detail codes (S-Feb)", () => {
    const t = new TraceBuilder();
    const attempts = loop(t, "tui2", null, 4, "unauthorized: device token mismatch (rotate/reissue device token)");
    const [finding] = t.run(retriesBounded());
    expect(finding?.message).toBe("client tui2 made 4 connect attempts in 60 s after AUTH_DEVICE_TOKEN_MISMATCH (limit 3)");
    expect(finding?.firstEventIndex).toBe(attempts[3]);
    const strict = new TraceBuilder();
    loop(strict, "tui2", null, 4, "unauthorized: device token mismatch (rotate/reissue device token)");
    expect(strict.run(retriesBounded({ inferCodeFromMessage: false }))).toEqual([]);
  });

  it("counts only attempts inside the window, and takes attemptsMax and windowMs from its options", () => {
    const t = new TraceBuilder();
    const attempts = loop(t, "tui", "PAIRING_REQUIRED", 5); // 1, 3, 7, 15, 31 s
    expect(t.run(retriesBounded({ windowMs: 10_000 }))).toEqual([]);
    const tight = new TraceBuilder();
    loop(tight, "tui", "PAIRING_REQUIRED", 5);
    const [finding] = tight.run(retriesBounded({ attemptsMax: 1, windowMs: 10_000 }));
    expect(finding?.message).toBe("client tui made 3 connect attempts in 10 s after PAIRING_REQUIRED (limit 1)");
    expect(finding?.firstEventIndex).toBe(attempts[1]);
  });

  it("an operator action ends the episode for every client", () => {
    const t = new TraceBuilder();
    t.at(0).connectError("tui", "PAIRING_REQUIRED");
    t.at(1000).client("tui", "connect-attempt");
    t.at(2000).operator("approve-pending", { deviceId: "d1" });
    for (const ms of [3000, 4000, 5000]) t.at(ms).client("tui", "connect-attempt");
    expect(t.run(retriesBounded())).toEqual([]);
  });
});

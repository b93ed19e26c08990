import { describe, expect, it } from "vitest";
import { signedOverOwnChallenge } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

const device = "e".repeat(64);

describe("signed-over-own-challenge", () => {
  it("flags a session whose device signature covers another connection's challenge", () => {
    const t = new TraceBuilder();
    t.at(1000).open("c1");
    t.challenge("c1", "aaaa1111-c1-nonce");
    t.open("c2", { local: false });
    t.challenge("c2", "bbbb2222-c2-nonce");
    t.connect("c2", { device: { id: device, nonce: "aaaa1111-c1-nonce" } });
    const hello = t.hello("c2", { deviceId: device, isLocal: false });
    const findings = t.run(signedOverOwnChallenge());
    expect(findings).toEqual([
      {
        kind: "correctness",
        invariant: "signed-over-own-challenge",
        message: "the session on c2 (device eeeeeeee…) was opened with a device signature over nonce aaaa1111… (issued on c1), but its own challenge was bbbb2222…",
        firstEventIndex: hello.i,
        atMs: 1000,
        actor: "gateway",
      },
    ]);
  });

  it("flags a nonce-less device connect from a non-local connection", () => {
    const t = new TraceBuilder();
    t.open("c1", { local: false });
    t.challenge("c1", "n-1");
    t.connect("c1", { device: { id: device, nonce: null } });
    const hello = t.hello("c1", { deviceId: device, isLocal: false });
    const [finding] = t.run(signedOverOwnChallenge());
    expect(finding?.message).toBe("the session on c1 (device eeeeeeee…) was opened for a device connect without a nonce from a non-local connection");
    expect(finding?.firstEventIndex).toBe(hello.i);
  });

  it("holds for a session signed over its own challenge, and for a local nonce-less connect (S-Mar)", () => {
    const t = new TraceBuilder();
    t.open("c1", { local: false });
    t.challenge("c1", "n-1");
    t.connect("c1", { device: { id: device, nonce: "n-1" } });
    t.hello("c1", { deviceId: device, isLocal: false });
    t.open("c2");
    t.challenge("c2", "n-2");
    t.connect("c2", { device: { id: device, nonce: null } });
    t.hello("c2", { deviceId: device, isLocal: true });
    expect(t.run(signedOverOwnChallenge())).toEqual([]);
  });

  it("with allowMissingNonceWhenLocal: false (S-Late) a local nonce-less connect is flagged too", () => {
    const t = new TraceBuilder();
    t.open("c1");
    t.challenge("c1", "n-1");
    t.connect("c1", { device: { id: device, nonce: null } });
    t.hello("c1", { deviceId: device, isLocal: true });
    const findings = t.run(signedOverOwnChallenge({ allowMissingNonceWhenLocal: false }));
    expect(findings.map((f) => f.invariant)).toEqual(["signed-over-own-challenge"]);
  });
});

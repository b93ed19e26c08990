// Malformed frames and connect params sent to the simulated gateway never crash the harness: every input gets
// one of the real gateway's answers (spec §4.1, §4.7), under every profile.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prng, profiles } from "../../src/index.ts";
import { createGatewayState, gatewayStep, type GatewayOutput } from "../../src/gateway/index.ts";
import { gatewayRuntimeConfig } from "../../src/world/index.ts";

const knownCloses = new Set([1000, 1002, 1008, 1009, 1013]);

function freshConn(profileIndex: number) {
  const profile = profiles[profileIndex]!;
  const state = createGatewayState({ switches: profile.gateway, config: gatewayRuntimeConfig({ auth: { mode: "token", token: "secret" } }), startedAtMs: 0 });
  const ctx = { nowMs: 1_000, prng: new Prng(1n, "fuzz") };
  gatewayStep(state, { kind: "start" }, ctx);
  state.ready = true;
  gatewayStep(state, { kind: "upgrade", connId: "c1", request: { remoteAddress: "127.0.0.1", headers: { host: "127.0.0.1:18789" } } }, ctx);
  return { state, ctx, profile };
}

/** Checks one answer: responses are well-formed res frames, closes use a real close code and a ≤ 120-byte reason. */
function checkAnswer(outputs: GatewayOutput[]): void {
  for (const o of outputs) {
    if (o.kind === "send") {
      const frame = JSON.parse(o.text) as Record<string, unknown>;
      expect(["res", "event"]).toContain(frame["type"]);
      if (frame["type"] === "res" && frame["ok"] === false) {
        const error = frame["error"] as Record<string, unknown>;
        expect(typeof error["code"]).toBe("string");
        expect(String(error["message"]).length).toBeGreaterThan(0);
      }
    }
    if (o.kind === "close") {
      expect(knownCloses.has(o.code)).toBe(true);
      expect(Buffer.byteLength(o.reason, "utf8")).toBeLessThanOrEqual(120);
    }
  }
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const connectish = fc.record(
  {
    type: fc.oneof(fc.constant("req"), fc.string()),
    id: fc.oneof(fc.string(), fc.integer(), fc.constant("c-1")),
    method: fc.oneof(fc.constant("connect"), fc.string()),
    params: fc.oneof(
      jsonValue,
      fc.record(
        {
          minProtocol: fc.oneof(fc.integer({ min: -1, max: 6 }), jsonValue),
          maxProtocol: fc.oneof(fc.integer({ min: -1, max: 6 }), jsonValue),
          client: fc.oneof(jsonValue, fc.record({ id: fc.constantFrom("cli", "test", "openclaw-control-ui", "bad"), version: fc.string(), platform: fc.string(), mode: fc.constantFrom("cli", "test", "webchat", "zzz") }, { requiredKeys: [] })),
          role: fc.oneof(fc.constantFrom("operator", "node", "root"), jsonValue),
          scopes: fc.oneof(fc.array(fc.string()), jsonValue),
          auth: fc.oneof(jsonValue, fc.record({ token: fc.oneof(fc.constant("secret"), fc.string()), deviceToken: fc.string(), password: fc.string() }, { requiredKeys: [] })),
          device: fc.oneof(jsonValue, fc.record({ id: jsonValue, publicKey: fc.string(), signature: fc.string(), signedAt: jsonValue, nonce: fc.string() }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe("malformed input to the gateway", () => {
  it("arbitrary text frames before hello never throw and get a real answer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: profiles.length - 1 }), fc.oneof(fc.string(), fc.string({ unit: "binary" }), jsonValue.map((v) => JSON.stringify(v))), (p, text) => {
        const { state, ctx } = freshConn(p);
        checkAnswer(gatewayStep(state, { kind: "frame", connId: "c1", text }, ctx));
      }),
      { numRuns: 400 },
    );
  });

  it("connect-shaped frames with broken params never throw and get a real answer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: profiles.length - 1 }), connectish, (p, frame) => {
        const { state, ctx } = freshConn(p);
        const outputs = gatewayStep(state, { kind: "frame", connId: "c1", text: JSON.stringify(frame) }, ctx);
        checkAnswer(outputs);
        // The handshake either succeeds or ends in a close: never a silent half state.
        const helloOk = outputs.some((o) => o.kind === "send" && o.text.includes('"hello-ok"'));
        expect(helloOk || outputs.some((o) => o.kind === "close") || outputs.some((o) => o.kind === "timer-set")).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it("garbage after hello is answered with an error frame, never a crash", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), jsonValue.map((v) => JSON.stringify(v)), connectish.map((f) => JSON.stringify({ ...f, method: "device.pair.approve" }))), (text) => {
        const { state, ctx } = freshConn(3);
        const hello = gatewayStep(state, { kind: "frame", connId: "c1", text: JSON.stringify({ type: "req", id: "c", method: "connect", params: { minProtocol: 3, maxProtocol: 3, client: { id: "cli", version: "1", platform: "linux", mode: "cli" }, auth: { token: "secret" } } }) }, ctx);
        expect(hello.some((o) => o.kind === "send" && o.text.includes('"hello-ok"'))).toBe(true);
        checkAnswer(gatewayStep(state, { kind: "frame", connId: "c1", text }, ctx));
      }),
      { numRuns: 300 },
    );
  });
});

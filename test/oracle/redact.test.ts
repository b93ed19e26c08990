import { describe, expect, it } from "vitest";

import { Redactor } from "../../sim/oracle/index.ts";

const ID_A = "047f6214-b8b7-4753-8334-d47081f3aa01";
const ID_B = "9a1b2c3d-0000-4000-8000-00000000000b";

describe("Redactor", () => {
  it("numbers secrets and UUIDs by first appearance so equal values stay equal", () => {
    const redactor = new Redactor(4242, new Map([["the-gateway-token", "<gatewayToken>"]]));
    const out = redactor.redact({
      auth: { deviceToken: "tok-1", recoveryScope: "rs-1", issuedAtMs: 17 },
      again: { deviceToken: "tok-1" },
      other: { deviceToken: "tok-2" },
      details: { requestId: ID_A, other: ID_B, same: ID_A.toUpperCase() },
      message: "bad token the-gateway-token at ws://127.0.0.1:4242/",
      payload: { nonce: "abc", ts: 99, count: 3 },
    });
    expect(out).toEqual({
      auth: { deviceToken: "<secret-2>", recoveryScope: "<secret-3>", issuedAtMs: "<ts>" },
      again: { deviceToken: "<secret-2>" },
      other: { deviceToken: "<secret-4>" },
      details: { requestId: "<uuid-1>", other: "<uuid-2>", same: "<uuid-1>" },
      message: "bad token <gatewayToken> at ws://127.0.0.1:<port>/",
      payload: { nonce: "<nonce>", ts: "<ts>", count: 3 },
    });
  });

  it("maps a UUID cut short at the end of a close reason to the full UUID's label", () => {
    const redactor = new Redactor(1);
    expect(redactor.redact([ID_A, `pairing required (requestId: ${ID_A.slice(0, 31)}`, "x 12345678-ab"])).toEqual([
      "<uuid-1>",
      "pairing required (requestId: <uuid-1…>",
      "x <uuid-prefix…>",
    ]);
  });

  it("uses fixed labels registered later for secrets found inside free text", () => {
    const redactor = new Redactor(1);
    redactor.label("dev-token-long-value", "<deviceToken:alice>");
    expect(redactor.redact({ deviceToken: "dev-token-long-value", note: "used dev-token-long-value" })).toEqual({
      deviceToken: "<deviceToken:alice>",
      note: "used <deviceToken:alice>",
    });
  });
});

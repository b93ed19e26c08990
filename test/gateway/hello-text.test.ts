// The hello-ok answer is written with its constant feature lists serialised once; the text must stay exactly
// what JSON.stringify of the whole response gives (the frame text is in every trace).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gatewayEvents, gatewayMethods } from "../../src/gateway/index.ts";
import { helloOkResponseText, type HelloOkPayload } from "../../src/gateway/hello.ts";

const json = fc.jsonValue({ maxDepth: 2 });

describe("hello-ok response text", () => {
  it("equals JSON.stringify of the response object, with and without auth", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer(),
        fc.string(),
        fc.string(),
        fc.dictionary(fc.string(), json),
        fc.dictionary(fc.string(), json),
        fc.option(fc.dictionary(fc.string(), json), { nil: undefined }),
        (id, protocol, version, connId, snapshot, policy, auth) => {
          const payload: HelloOkPayload = { protocol, server: { version, connId }, snapshot, policy, ...(auth ? { auth } : {}) };
          const reference = {
            type: "res",
            id,
            ok: true,
            payload: { type: "hello-ok", protocol, server: { version, connId }, features: { methods: gatewayMethods, events: gatewayEvents }, snapshot, policy, ...(auth ? { auth } : {}) },
          };
          expect(helloOkResponseText(id, payload)).toBe(JSON.stringify(reference));
        },
      ),
    );
  });

  it("the feature lists it serialises once cannot change", () => {
    expect(Object.isFrozen(gatewayMethods) && Object.isFrozen(gatewayEvents)).toBe(true);
  });
});

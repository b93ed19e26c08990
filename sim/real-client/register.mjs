// Registers ws-hook.mjs once per process (import it, or run `node --import ./sim/real-client/register.mjs`).
// Must run before the real client package is first imported; load.ts does both in that order.
import { register } from "node:module";

const registeredKey = Symbol.for("clawsim.real-client.ws-hook-registered");

if (!globalThis[registeredKey]) {
  if (typeof register !== "function") {
    throw new Error(`clawsim: module.register is missing (Node ${process.versions.node}); the real-client hook needs Node >= 20.6`);
  }
  register(new URL("./ws-hook.mjs", import.meta.url), {
    data: { fakeWsUrl: new URL("./fake-ws.mjs", import.meta.url).href },
  });
  globalThis[registeredKey] = true;
}

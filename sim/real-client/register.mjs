// Registers ws-hook.mjs (fake ws, fake fs for old releases, fake node:sqlite) once per process (import it, or run `node --import ./sim/real-client/register.mjs`).
// Must run before the real client package is first imported; load.ts does both in that order.
import { register } from "node:module";

const registeredKey = Symbol.for("clawsim.real-client.ws-hook-registered");

// This file also runs bundled into dist/main.mjs; the hook and the fake stay files beside the sources.
const here = !import.meta.url.endsWith("/sim/real-client/register.mjs") ? new URL("../sim/real-client/", import.meta.url) : new URL("./", import.meta.url);

if (!globalThis[registeredKey]) {
  if (typeof register !== "function") {
    throw new Error(`clawsim: module.register is missing (Node ${process.versions.node}); the real-client hook needs Node >= 20.6`);
  }
  register(new URL("ws-hook.mjs", here), {
    data: { fakeWsUrl: new URL("fake-ws.mjs", here).href, fakeFsUrl: new URL("fake-fs.mjs", here).href, fakeModuleUrl: new URL("fake-module.mjs", here).href, fakeSqliteUrl: new URL("fake-sqlite.mjs", here).href },
  });
  globalThis[registeredKey] = true;
}

// Node module-customisation hook (module.register, Node >= 20.6): sends the `ws` import of the real OpenClaw
// client package to clawsim's fake `ws` module (fake-ws.mjs), so its sockets run over the simulated network.
// Every other importer of `ws` (vitest, tsx, our own tests) still gets the real package. Not the fake itself.

/** The fake module's URL, handed in by register.mjs through `initialize`. */
let fakeWsUrl;
/** Importers whose URL contains this are the client package (any copy of it, wherever npm put it). */
let packageMarker = "/node_modules/@openclaw/gateway-client/";

export function initialize(data) {
  fakeWsUrl = data?.fakeWsUrl;
  if (typeof data?.packageMarker === "string") packageMarker = data.packageMarker;
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context?.parentURL;
  if (specifier === "ws" && typeof fakeWsUrl === "string" && typeof parent === "string" && parent.includes(packageMarker)) {
    return { url: fakeWsUrl, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

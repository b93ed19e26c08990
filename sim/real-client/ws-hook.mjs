// Node module-customisation hook (module.register, Node >= 20.6) for the real OpenClaw client:
// - the `ws` import of the client package (`@openclaw/gateway-client`) or of an `openclaw` release's dist goes
//   to clawsim's fake `ws` module (fake-ws.mjs), so its sockets run over the simulated network;
// - `node:fs` imported by an `openclaw` release's dist goes to fake-fs.mjs, which serves the device-auth file
//   (`…/identity/device-auth.json`) from the simulated host and passes every other path to the real `node:fs`
//   (releases before the client package read and write that file themselves, with no hostDeps);
// - `node:module` imported by an `openclaw` release's dist goes to fake-module.mjs (adds the Node 22
//   `enableCompileCache` that 2026.3 releases import at start-up, when this Node lacks it);
// - an `openclaw` release's `dist/entry.js` (imported by the client chunk of some releases for its path helpers)
//   loads without its `src/entry.ts` region, the CLI start-up that would re-spawn or run the CLI with this
//   process's arguments. Nothing is copied anywhere: the source is read from the install at load time;
// - `node:sqlite` loaded by an `openclaw` release's dist goes to fake-sqlite.mjs: an ESM import through the
//   resolve hook, and (2026.8.x) its createRequire'd `require("node:sqlite")` / `process.getBuiltinModule`
//   probe by rewriting those calls in the chunk's source at load time (sqlite-redirect.mjs), so the release never
//   reaches a real database file;
// - an `openclaw` release's `ws` shim module (2026.9.x loads ws through createRequire, out of an ESM hook's
//   reach) is served as a stand-in that re-exports the fake `ws` under the shim's own export names (ws-shim.mjs).
// Every other importer (vitest, tsx, our own code) gets the real modules. Not the fakes themselves.

import { sqliteLoadRewrite } from "./sqlite-redirect.mjs";
import { wsShimExportClause, wsShimStandIn } from "./ws-shim.mjs";

/** The fake modules' URLs, handed in by register.mjs through `initialize`. */
let fakeWsUrl;
let fakeFsUrl;
let fakeModuleUrl;
let fakeSqliteUrl;
/** Importers whose URL contains one of these are a real client (any copy of it, wherever npm put it). */
let packageMarkers = ["/node_modules/@openclaw/gateway-client/", "/node_modules/openclaw/dist/"];
const releaseMarker = "/node_modules/openclaw/dist/";
const entryRegionStart = "//#region src/entry.ts";

export function initialize(data) {
  fakeWsUrl = data?.fakeWsUrl;
  fakeFsUrl = data?.fakeFsUrl;
  fakeModuleUrl = data?.fakeModuleUrl;
  fakeSqliteUrl = data?.fakeSqliteUrl;
  if (typeof data?.packageMarker === "string") packageMarkers = [data.packageMarker];
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context?.parentURL;
  if (typeof parent === "string") {
    if (specifier === "ws" && typeof fakeWsUrl === "string" && packageMarkers.some((m) => parent.includes(m))) {
      return { url: fakeWsUrl, shortCircuit: true };
    }
    if ((specifier === "node:fs" || specifier === "fs") && typeof fakeFsUrl === "string" && parent.includes(releaseMarker)) {
      return { url: fakeFsUrl, shortCircuit: true };
    }
    if (specifier === "node:sqlite" && typeof fakeSqliteUrl === "string" && parent.includes(releaseMarker)) {
      return { url: fakeSqliteUrl, shortCircuit: true };
    }
    if ((specifier === "node:module" || specifier === "module") && typeof fakeModuleUrl === "string" && parent.includes(releaseMarker)) {
      return { url: fakeModuleUrl, shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.includes(releaseMarker) && url.endsWith("/dist/entry.js")) {
    const loaded = await nextLoad(url, { ...context, format: "module" });
    const source = typeof loaded.source === "string" ? loaded.source : Buffer.from(loaded.source).toString("utf8");
    const start = source.indexOf(entryRegionStart);
    if (start < 0) return loaded;
    const end = source.indexOf("//#endregion", start);
    if (end < 0) return loaded;
    return { format: "module", source: `${source.slice(0, start)}${source.slice(end)}`, shortCircuit: true };
  }
  if (url.includes(releaseMarker) && /\.m?js$/.test(url)) {
    const loaded = await nextLoad(url, context);
    if (loaded.format !== "module" || loaded.source == null) return loaded;
    const source = typeof loaded.source === "string" ? loaded.source : Buffer.from(loaded.source).toString("utf8");
    const clause = url.endsWith(".mjs") && typeof fakeWsUrl === "string" ? wsShimExportClause(source) : undefined;
    if (clause !== undefined) return { format: "module", source: wsShimStandIn(clause, fakeWsUrl), shortCircuit: true };
    const rewrite = typeof fakeSqliteUrl === "string" ? sqliteLoadRewrite(source, fakeSqliteUrl) : { kind: "none" };
    if (rewrite.kind !== "rewrite") return loaded;
    return { format: "module", source: rewrite.source, shortCircuit: true };
  }
  return nextLoad(url, context);
}

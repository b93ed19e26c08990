// The `node:module` an `openclaw` release's dist sees inside clawsim (ws-hook.mjs points its imports here): the
// real module, plus `enableCompileCache` where this Node has none (it came with Node 22.1; releases from 2026.3
// call it at start-up to speed up their own loading, which does not matter inside a simulation).
import realModule from "node:module";

export * from "node:module";

export const enableCompileCache = typeof realModule.enableCompileCache === "function" ? realModule.enableCompileCache : () => ({ status: 0, message: "clawsim: compile cache not available on this Node" });
export const getCompileCacheDir = typeof realModule.getCompileCacheDir === "function" ? realModule.getCompileCacheDir : () => undefined;

export default { ...realModule, enableCompileCache, getCompileCacheDir };

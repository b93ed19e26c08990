// Recognises how a chunk of an `openclaw` release's dist loads `node:sqlite` (2026.8.x: a createRequire'd
// `require("node:sqlite")` in its node-sqlite chunk and `process.getBuiltinModule?.("node:sqlite")` in its
// runtime-version probe, both out of an ESM resolve hook's reach) and rewrites exactly those calls to clawsim's
// fake (fake-sqlite.mjs), imported at the top of the chunk. Shared by the hook (ws-hook.mjs, which serves the
// rewritten source) and the loader's check (releases.ts, which refuses a release whose client would still reach
// the real node:sqlite). Nothing of the release is copied: its source is read and edited at load time only.

/** The call forms rewritten (each is a whole expression evaluating to the node:sqlite module). */
const loadCalls = [/\brequire\(\s*"node:sqlite"\s*\)/g, /\bprocess\.getBuiltinModule(?:\?\.)?\(\s*"node:sqlite"\s*\)/g];
/** Any other call with node:sqlite as its only argument (the module exists under that scheme only). */
const anyLoadCall = /\(\s*["'`]node:sqlite["'`]\s*\)/;
/** A static or dynamic ESM import of it, which the resolve hook redirects instead. */
const esmImport = /\bfrom\s*["']node:sqlite["']|\bimport\(\s*["']node:sqlite["']\s*\)/g;

const fakeName = "__clawsimFakeNodeSqlite";

/**
 * What to do with a chunk's source: "none" (it loads no node:sqlite, or only through ESM imports the resolve hook
 * redirects), { kind: "rewrite", source } (the loads rewritten to the fake), or { kind: "unrecognised", call }
 * (it loads node:sqlite in a way this does not rewrite: the release must be refused).
 */
export function sqliteLoadRewrite(source, fakeSqliteUrl) {
  if (!source.includes("node:sqlite")) return { kind: "none" };
  let rewritten = source;
  let count = 0;
  for (const call of loadCalls) {
    rewritten = rewritten.replace(call, () => {
      count++;
      return fakeName;
    });
  }
  const left = anyLoadCall.exec(rewritten.replace(esmImport, ""));
  if (left) return { kind: "unrecognised", call: left[0] };
  if (count === 0) return { kind: "none" };
  return { kind: "rewrite", source: `import ${fakeName} from ${JSON.stringify(fakeSqliteUrl)};\n${rewritten}` };
}

// Recognises the `ws` shim module of an `openclaw` release's dist (2026.9.x: the gateway client's websocket.ts,
// which loads `ws/lib/websocket.js` and friends through createRequire, where an ESM hook cannot reach) and
// gives the ESM module that stands in for it: the same exports, taken from clawsim's fake `ws`. Shared by the
// hook (ws-hook.mjs, which serves the stand-in) and the loader's check (releases.ts, which then lets the
// release's client run instead of refusing it). Nothing of the release is copied: only its export clause is read.

/** The three names the shim exports and the fake `ws` module provides. */
const wsNames = new Set(["WebSocket", "WebSocketServer", "createWebSocketStream"]);

/**
 * The export clause of a ws shim (`export { WebSocketServer as n, … }`), or undefined when `source` is not one:
 * it must resolve the ws package root through a createRequire'd require, load only ws's own lib files, and
 * export nothing but the three ws names.
 */
export function wsShimExportClause(source) {
  if (source.length > 4_000 || !source.includes('require.resolve("ws/package.json")')) return undefined;
  // Every plain require( loads a file of ws's own lib (the argument up to its first ")").
  const requires = [...source.matchAll(/\brequire\(([^)]*)\)/g)].map((m) => m[1]);
  if (requires.length === 0 || requires.some((arg) => !/^path\.join\(wsPackageRoot, "lib\/[a-z-]+\.js"$/.test(arg))) return undefined;
  const clauses = [...source.matchAll(/export\s*\{([^}]*)\}/g)];
  if (clauses.length !== 1) return undefined;
  const entries = clauses[0][1].split(",").map((e) => e.trim()).filter((e) => e.length > 0);
  if (entries.length === 0) return undefined;
  for (const entry of entries) {
    const local = /^([A-Za-z_$][\w$]*)(?:\s+as\s+[A-Za-z_$][\w$]*)?$/.exec(entry)?.[1];
    if (local === undefined || !wsNames.has(local)) return undefined;
  }
  return `export { ${entries.join(", ")} };`;
}

/** The stand-in module's source: the fake ws's classes under the shim's export clause. */
export function wsShimStandIn(clause, fakeWsUrl) {
  return `import { WebSocket, WebSocketServer, createWebSocketStream } from ${JSON.stringify(fakeWsUrl)};\n${clause}\n`;
}

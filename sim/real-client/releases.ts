// Which real OpenClaw client `--client real@<version>` means, and the profile it is compared under: the one
// place that maps a release to its profile. 2026.9.1 is the separate client package (install.ts, load.ts); every
// other release is the GatewayClient inside that `openclaw` release's dist, found by its class and export in an
// install under the cache (`$CLAWSIM_CACHE_DIR/openclaw-<version>`, as `pnpm sim conformance` leaves it).
// Nothing is installed here and nothing of the release is copied. Not the loader: load.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { findProfile } from "../../src/index.ts";
import { gatewayClientVersion } from "./install.ts";
import { sqliteLoadRewrite } from "./sqlite-redirect.mjs";
import { wsShimExportClause } from "./ws-shim.mjs";

/** Release → profile, first match wins. The Feb profiles are per release where the tree has one. */
const releaseProfileTable: readonly { readonly releases: RegExp; readonly profiles: readonly string[] }[] = [
  // 2026.2.12 has its own profile (read in its dist and recorded); its client predates the 2026.2.14
  // token-priority regression (stored ?? opts.token, as the 2026.2.13 profile's); under 2026.2.14 it differed on
  // seed 004 and 5 files.
  { releases: /^2026\.2\.12$/, profiles: ["2026.2.12", "2026.2.13"] },
  { releases: /^2026\.2\.17$/, profiles: ["2026.2.17", "2026.2.14"] },
  { releases: /^2026\.2\.22$/, profiles: ["2026.2.22"] },
  { releases: /^2026\.3\.31$/, profiles: ["2026.3.31", "2026.3"] },
  { releases: /^2026\.3\.2$/, profiles: ["2026.3.2", "2026.3"] },
  { releases: /^2026\.3\.\d+$/, profiles: ["2026.3"] },
  { releases: /^2026\.4\.22$/, profiles: ["2026.4.22", "2026.4"] },
  { releases: /^2026\.4\.\d+$/, profiles: ["2026.4"] },
  // 2026.5–2026.7: their own profile where the tree has one, else the nearest later one.
  { releases: /^2026\.5\.\d+$/, profiles: ["2026.5", "2026.6", "2026.7", "2026.8"] },
  { releases: /^2026\.6\.\d+$/, profiles: ["2026.6", "2026.7", "2026.8"] },
  { releases: /^2026\.7\.\d+$/, profiles: ["2026.7", "2026.8"] },
  { releases: /^2026\.8\.\d+$/, profiles: ["2026.8"] },
  { releases: /^2026\.9\.\d+$/, profiles: ["2026.9"] },
];

/** The releases whose client clawsim knows how to compare (each has a profile above). */
export const knownClientReleases = ["2026.2.12", "2026.2.17", "2026.2.22", "2026.3.2", "2026.3.13", "2026.3.31", "2026.4.14", "2026.4.22", "2026.5.28", "2026.6.11", "2026.7.1", "2026.8.2", "2026.9.1", "2026.9.6"] as const;

/** The profile name a release's client is compared under, or undefined for a release with none. */
export function profileNameForRelease(version: string): string | undefined {
  const row = releaseProfileTable.find((r) => r.releases.test(version));
  return row?.profiles.find((name) => findProfile(name) !== undefined);
}

export type ClientRelease =
  | { readonly kind: "package"; readonly version: string; readonly profile: string }
  | { readonly kind: "openclaw"; readonly version: string; readonly profile: string };

export type ClientReleaseParse = { readonly ok: true; readonly release: ClientRelease } | { readonly ok: false; readonly message: string };

/** `real` or `real@<version>` (the `--client` value) → which client and profile; anything else → one line. */
export function parseRealClient(text: string): ClientReleaseParse {
  if (text === "real") return { ok: true, release: { kind: "package", version: gatewayClientVersion, profile: profileNameForRelease(gatewayClientVersion)! } };
  const match = /^real@(\d{4}\.\d{1,2}\.\d{1,2})$/.exec(text);
  const version = match?.[1];
  const profile = version === undefined ? undefined : profileNameForRelease(version);
  if (version === undefined || profile === undefined) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
    return { ok: false, message: `--client must be 'sim', 'real' or 'real@<release>' with a release clawsim has a profile for (${knownClientReleases.join(", ")}), got '${shown.replace(/[^\x20-\x7e]/g, "?")}'` };
  }
  if (version === gatewayClientVersion) return { ok: true, release: { kind: "package", version, profile } };
  return { ok: true, release: { kind: "openclaw", version, profile } };
}

/** `$CLAWSIM_CACHE_DIR/openclaw-<version>/node_modules/openclaw`, or the same under `~/.cache/clawsim`. */
export function openclawPackageDir(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const cacheRoot = env["CLAWSIM_CACHE_DIR"]?.trim() || join(homedir(), ".cache", "clawsim");
  return join(cacheRoot, `openclaw-${version}`, "node_modules", "openclaw");
}

export type LocatedClient =
  | {
      readonly kind: "found";
      /** Absolute path of the dist chunk that defines and exports GatewayClient. */
      readonly file: string;
      /** The name the chunk exports it under (bundlers shorten it: `t`, `u`, …). */
      readonly exportName: string;
      /** The class reaches its host through hostDeps (it mentions beforeConnect), or node:fs and node:crypto. */
      readonly hostAccess: "hostDeps" | "node-fs";
      /** The class has an onReconnectPaused callback (else clawsim infers the pause). */
      readonly reportsPause: boolean;
    }
  | { readonly kind: "unavailable"; readonly reason: string };

const classDefinition = /\bvar GatewayClient = class\b|\bclass GatewayClient\b/;
const exportClause = /export\s*\{[^}]*\bGatewayClient as ([A-Za-z_$][\w$]*)/;

/**
 * The dist chunk of an installed `openclaw` release that defines GatewayClient and exports it: the smallest such
 * top-level chunk (the same class is bundled into several large chunks too; the small `client-*` chunk is the
 * one the CLI's gateway calls import).
 */
export function locateGatewayClient(packageDir: string, version: string): LocatedClient {
  const manifest = join(packageDir, "package.json");
  if (!existsSync(manifest)) return { kind: "unavailable", reason: `openclaw@${version} is not installed at ${packageDir} (pnpm sim conformance --against openclaw@${version} installs it)` };
  const found = (JSON.parse(readFileSync(manifest, "utf8")) as { version?: unknown }).version;
  if (found !== version) return { kind: "unavailable", reason: `${packageDir} holds openclaw@${String(found)}, not ${version}` };
  const dist = join(packageDir, "dist");
  const chunks = readdirSync(dist)
    .filter((f) => /\.m?js$/.test(f))
    .map((f) => ({ file: join(dist, f), size: statSync(join(dist, f)).size }))
    .sort((a, b) => a.size - b.size || a.file.localeCompare(b.file));
  for (const { file } of chunks) {
    const source = readFileSync(file, "utf8");
    if (!source.includes("GatewayClient") || !classDefinition.test(source)) continue;
    const exportName = exportClause.exec(source)?.[1];
    if (exportName === undefined) continue;
    const requiresWs = requiresWsModule(file, source);
    if (requiresWs !== undefined) {
      return {
        kind: "unavailable",
        reason: `${file.slice(file.lastIndexOf("/dist/") + 1)} gets its WebSocket through require() in ${requiresWs}, which the module hook cannot redirect (it would open real sockets); its client is the @openclaw/gateway-client package: use --client real`,
      };
    }
    const sqliteLoad = unredirectableSqliteLoad(file);
    if (sqliteLoad !== undefined) {
      return {
        kind: "unavailable",
        reason: `${sqliteLoad.chunk}, which its client imports, loads node:sqlite through ${sqliteLoad.call}, which the module hook does not recognise (it would open a real database): not run`,
      };
    }
    return { kind: "found", file, exportName, hostAccess: source.includes("beforeConnect") ? "hostDeps" : "node-fs", reportsPause: source.includes("onReconnectPaused") };
  }
  return { kind: "unavailable", reason: `no chunk of ${dist} defines and exports GatewayClient` };
}

/** Chunks followed from the client chunk before the node:sqlite check gives up (8.2's client reaches ~150). */
export const clientImportChunksMax = 5_000;

/**
 * A chunk the client chunk imports (statically or dynamically, at any depth) that loads `node:sqlite` in a way
 * the hook does not rewrite to the fake (sqlite-redirect.mjs), with that call; undefined when every load is
 * redirected. 2026.8.x keeps device tokens in its SQLite state database: inside clawsim that store is replaced by
 * hostDeps, and any database it would still open is the fake's (fake-sqlite.mjs), never a real file.
 */
function unredirectableSqliteLoad(file: string): { chunk: string; call: string } | undefined {
  const dir = file.slice(0, file.lastIndexOf("/"));
  const seen = new Set<string>([file.slice(dir.length + 1)]);
  const pending = [...seen];
  while (pending.length > 0) {
    const name = pending.pop()!;
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, "utf8");
    const rewrite = sqliteLoadRewrite(text, "file:///clawsim-fake-sqlite.mjs");
    if (rewrite.kind === "unrecognised") return { chunk: name, call: rewrite.call };
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"\.\/([^"]+)"/g)) {
      if (seen.has(match[1]!)) continue;
      if (seen.size >= clientImportChunksMax) return { chunk: name, call: `more than ${clientImportChunksMax} imported chunks (not all checked)` };
      seen.add(match[1]!);
      pending.push(match[1]!);
    }
  }
  return undefined;
}

/** A CommonJS load of `ws` (require / require.resolve) in the chunk or a chunk it imports directly. */
const wsRequire = /require(?:\.resolve)?\(\s*["']ws(?:\/[^"']*)?["']\s*\)/;

/**
 * Where the client chunk (or one of the chunks it imports) loads `ws` with require(): the hook sees ESM imports
 * only, so such a client would reach the real network. The chunk's name, or undefined when all are imports.
 */
function requiresWsModule(file: string, source: string): string | undefined {
  const dir = file.slice(0, file.lastIndexOf("/"));
  if (wsRequire.test(source) && wsShimExportClause(source) === undefined) return file.slice(dir.length + 1);
  for (const match of source.matchAll(/from\s+"\.\/([^"]+)"/g)) {
    const imported = join(dir, match[1]!);
    if (!existsSync(imported)) continue;
    const text = readFileSync(imported, "utf8");
    // The ws shim of 2026.9.x is served by the hook as a stand-in over the fake ws (ws-shim.mjs).
    if (wsRequire.test(text) && wsShimExportClause(text) === undefined) return match[1];
  }
  return undefined;
}

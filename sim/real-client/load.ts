// Loads the real OpenClaw client for use inside a simulated world: installs it into the cache (install.ts),
// registers the `ws` redirect hook (register.mjs), then imports the package, in that order, once per process.
// The result is handed to `world.addRealClient({ module, … })`. Not the world side: see src/world/real-client-*.ts.
import { pathToFileURL } from "node:url";
import type { RealGatewayClientModule } from "../../src/world/index.ts";
import { ensureGatewayClient, gatewayClientPackage, gatewayClientVersion } from "./install.ts";
import { locateGatewayClient, openclawPackageDir, type ClientRelease } from "./releases.ts";

export type LoadResult =
  | {
      readonly kind: "loaded";
      readonly module: RealGatewayClientModule;
      readonly entry: string;
      readonly version: string;
      /** What was loaded, for tables: `@openclaw/gateway-client@2026.9.1`, `openclaw@2026.4.14 (dist/client-….js)`. */
      readonly label: string;
    }
  | { readonly kind: "unavailable"; readonly reason: string };

let loading: Promise<LoadResult> | undefined;

/** Installs (when missing), hooks and imports `@openclaw/gateway-client@2026.9.1`; cached for the process. */
export function loadRealGatewayClient(options: { dir?: string; log?: (line: string) => void } = {}): Promise<LoadResult> {
  loading ??= load(options);
  return loading;
}

async function load(options: { dir?: string; log?: (line: string) => void }): Promise<LoadResult> {
  const installed = ensureGatewayClient(options);
  if (installed.kind === "unavailable") return { kind: "unavailable", reason: installed.reason };
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 6)) {
    return { kind: "unavailable", reason: `Node ${process.versions.node} has no module.register; the ws hook needs Node >= 20.6` };
  }
  await import("./register.mjs");
  const module = (await import(pathToFileURL(installed.entry).href)) as Partial<RealGatewayClientModule>;
  if (typeof module.GatewayClient !== "function") {
    return { kind: "unavailable", reason: `${gatewayClientPackage}@${gatewayClientVersion} at ${installed.entry} exports no GatewayClient` };
  }
  return { kind: "loaded", module: module as RealGatewayClientModule, entry: installed.entry, version: installed.version, label: `${gatewayClientPackage}@${installed.version}` };
}

const releases = new Map<string, Promise<LoadResult>>();

/** The client of a release: the package for 2026.9.1, else the GatewayClient inside that openclaw release's dist. */
export function loadRealClient(release: ClientRelease): Promise<LoadResult> {
  if (release.kind === "package") return loadRealGatewayClient();
  let found = releases.get(release.version);
  if (!found) {
    found = loadFromRelease(release.version);
    releases.set(release.version, found);
  }
  return found;
}

async function loadFromRelease(version: string): Promise<LoadResult> {
  const located = locateGatewayClient(openclawPackageDir(version), version);
  if (located.kind === "unavailable") return located;
  await import("./register.mjs");
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(located.file).href)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "unavailable", reason: `importing ${located.file} failed: ${message.split("\n")[0]}${newerNodeHint(message, process.versions.node, version)}` };
  }
  const GatewayClient = module[located.exportName];
  if (typeof GatewayClient !== "function") return { kind: "unavailable", reason: `${located.file} exports no GatewayClient as ${located.exportName}` };
  const file = located.file.slice(located.file.lastIndexOf("/dist/") + 1);
  return {
    kind: "loaded",
    module: { GatewayClient: GatewayClient as RealGatewayClientModule["GatewayClient"], hostAccess: located.hostAccess, reportsPause: located.reportsPause },
    entry: located.file,
    version,
    label: `openclaw@${version} (${file}, ${located.hostAccess === "node-fs" ? "no hostDeps: device-auth file through node:fs" : "hostDeps"})`,
  };
}

/**
 * What to do when a release's client fails to import on this Node because its bundled undici needs Node 22's
 * `markAsUncloneable` (2026.5 and later), or because it runs an in-memory SQLite database at import, which the
 * fake node:sqlite hands to this Node's own and Node 20 has none (2026.8.x): run clawsim on a Node 24. "" for any
 * other failure.
 */
export function newerNodeHint(message: string, nodeVersion: string, release: string): string {
  if (!/markAsUncloneable|needs this Node's node:sqlite/.test(message) || Number(nodeVersion.split(".")[0]) >= 22) return "";
  return ` (this release needs Node >= 22: run clawsim on a Node 24, e.g. the one \`pnpm sim conformance\` installs beside a release: ~/.cache/clawsim/openclaw-<version>/node_modules/node/bin/node sim/launch.mjs gate --client real@${release})`;
}

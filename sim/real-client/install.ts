// Installs the real OpenClaw client package (`@openclaw/gateway-client`, one pinned release) into a cache
// folder outside the repository and says where its entry module is. The package's code never enters the
// repository: it is fetched with npm on first use and reused after. Not the loader: see load.ts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const gatewayClientPackage = "@openclaw/gateway-client";
export const gatewayClientVersion = "2026.9.1";
/** npm gets this long to fetch and unpack the package (it is ~200 kB with four small dependencies). */
export const installTimeoutMs = 180_000;
/** One registry request may take this long before npm gives up on it. */
export const fetchTimeoutMs = 30_000;

export type InstallResult =
  | {
      readonly kind: "installed";
      /** The folder npm installed into (`<dir>/node_modules/...`). */
      readonly dir: string;
      /** The package's own folder. */
      readonly packageDir: string;
      /** Absolute path of the ESM entry (`dist/index.mjs`). */
      readonly entry: string;
      readonly version: string;
      /** True when this call ran npm. */
      readonly fetched: boolean;
    }
  | { readonly kind: "unavailable"; readonly dir: string; readonly reason: string };

/** `$CLAWSIM_CACHE_DIR/gateway-client-<version>`, or `~/.cache/clawsim/gateway-client-<version>`. */
export function installDirDefault(env: NodeJS.ProcessEnv = process.env): string {
  const cacheRoot = env["CLAWSIM_CACHE_DIR"]?.trim() || join(homedir(), ".cache", "clawsim");
  return join(cacheRoot, `gateway-client-${gatewayClientVersion}`);
}

function installedVersion(packageDir: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure `@openclaw/gateway-client@2026.9.1` is in `dir` (running `npm i --prefix <dir> … --no-save` when it
 * is missing or another version) and returns its entry. Never throws for a failed install: offline machines
 * get `unavailable` with npm's last words, so callers can skip with a visible message.
 */
export function ensureGatewayClient(options: { dir?: string; log?: (line: string) => void } = {}): InstallResult {
  const dir = options.dir ?? installDirDefault();
  const at = (root: string) => {
    const packageDir = join(root, "node_modules", ...gatewayClientPackage.split("/"));
    return { packageDir, entry: join(packageDir, "dist", "index.mjs") };
  };
  const { packageDir, entry } = at(dir);
  const ready = (root: string) => installedVersion(at(root).packageDir) === gatewayClientVersion && existsSync(at(root).entry);
  if (ready(dir)) return { kind: "installed", dir, packageDir, entry, version: gatewayClientVersion, fetched: false };
  options.log?.(`installing ${gatewayClientPackage}@${gatewayClientVersion} into ${dir}`);
  // npm installs into a staging folder that is then renamed into place, so test workers installing at the
  // same time never see (or write into) a half-installed folder.
  const staging = `${dir}.staging-${process.pid}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const args = ["i", "--prefix", staging, `${gatewayClientPackage}@${gatewayClientVersion}`, "--no-save", "--no-audit", "--no-fund"];
    // Fail fast when the registry cannot be reached (npm's own retry schedule takes over a minute).
    args.push("--fetch-retries=1", "--fetch-retry-mintimeout=1000", "--fetch-retry-maxtimeout=3000", `--fetch-timeout=${fetchTimeoutMs}`);
    execFileSync("npm", args, { stdio: ["ignore", "pipe", "pipe"], timeout: installTimeoutMs, encoding: "utf8" });
    if (!ready(staging)) return { kind: "unavailable", dir, reason: `npm ran but ${at(staging).entry} (version ${gatewayClientVersion}) is not there` };
    if (!ready(dir)) {
      if (existsSync(dir) && !ready(dir)) rmSync(dir, { recursive: true, force: true });
      try {
        renameSync(staging, dir);
      } catch {
        // Another process renamed its copy into place first; theirs is as good as ours.
      }
    }
  } catch (error) {
    const e = error as { stderr?: string; message?: string };
    const last = (e.stderr ?? e.message ?? String(error)).trim().split("\n").slice(-3).join(" | ");
    return { kind: "unavailable", dir, reason: `npm could not install ${gatewayClientPackage}@${gatewayClientVersion}: ${last}` };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (!ready(dir)) return { kind: "unavailable", dir, reason: `${entry} (version ${gatewayClientVersion}) is not there after installing` };
  return { kind: "installed", dir, packageDir, entry, version: gatewayClientVersion, fetched: true };
}

// Finds or installs the real OpenClaw gateway (`openclaw@<version>` from npm) together with the Node 24 it
// needs, in a cache folder outside the repository, for `pnpm sim conformance --against openclaw@<version>`.
// Reuses `$CLAWSIM_CACHE_DIR/openclaw-<version>` (default `~/.cache/clawsim/...`) or the oracle install
// (`$OPENCLAW_ORACLE_DIR`, default /root/oracle) when it holds that version. Does not start the gateway.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

import { DEFAULT_ORACLE_DIR } from "../oracle/real-gateway.ts";

/** npm gets this long for each of its two installs (openclaw is large: ~800 MB unpacked). */
export const installTimeoutMs = 900_000;
const nodeMajorRequired = 24;
const againstPattern = /^openclaw@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

export type AgainstParse = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly message: string };

/** `openclaw@<semver>` → the version; anything else → a one-line message. */
export function parseAgainst(text: string | undefined): AgainstParse {
  if (text === undefined) return { ok: false, message: "conformance needs --against openclaw@<version> (e.g. --against openclaw@2026.9.6)" };
  const match = againstPattern.exec(text.trim());
  if (match === null) return { ok: false, message: `--against must be openclaw@<semver> (e.g. openclaw@2026.9.6), got '${text}'` };
  return { ok: true, version: match[1]! };
}

export type OpenclawInstall =
  | { readonly kind: "installed"; readonly dir: string; readonly node: string; readonly version: string; readonly fetched: boolean }
  | { readonly kind: "unavailable"; readonly reason: string };

/** `$CLAWSIM_CACHE_DIR/openclaw-<version>`, or `~/.cache/clawsim/openclaw-<version>`. */
export function cacheDirFor(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const cacheRoot = env["CLAWSIM_CACHE_DIR"]?.trim() || join(homedir(), ".cache", "clawsim");
  return join(cacheRoot, `openclaw-${version}`);
}

function packageVersion(dir: string, name: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

function nodeBinary(dir: string): string | undefined {
  return [join(dir, "node_modules/node/bin/node"), join(dir, "node_modules/.bin/node")].find((p) => existsSync(p));
}

function nodeMajor(node: string): number | undefined {
  try {
    const text = execFileSync(node, ["--version"], { encoding: "utf8", timeout: 20_000 }).trim();
    const major = Number(/^v(\d+)\./.exec(text)?.[1]);
    return Number.isInteger(major) ? major : undefined;
  } catch {
    return undefined;
  }
}

/** The install in `dir` when it holds openclaw@version, its entry, and a working Node 24. */
export function usableInstall(dir: string, version: string): { dir: string; node: string } | undefined {
  if (packageVersion(dir, "openclaw") !== version) return undefined;
  if (!existsSync(join(dir, "node_modules/openclaw/openclaw.mjs"))) return undefined;
  const node = nodeBinary(dir);
  if (node === undefined || nodeMajor(node) !== nodeMajorRequired) return undefined;
  return { dir, node };
}

function npm(args: readonly string[], env: NodeJS.ProcessEnv): void {
  const quiet = ["--no-audit", "--no-fund", "--fetch-retries=1", "--fetch-retry-mintimeout=1000", "--fetch-retry-maxtimeout=3000"];
  execFileSync("npm", [...args, ...quiet], { stdio: ["ignore", "pipe", "pipe"], timeout: installTimeoutMs, encoding: "utf8", env });
}

/**
 * Older releases (e.g. 2026.2.12–2026.3.x) reach the WhatsApp channel's `libsignal` through
 * `@whiskeysockets/baileys`, and npm fetches it from GitHub, which this workplace cannot reach. It is not on the
 * gateway's auth path, so an npm `overrides` entry points it at this local stub: every function throws if
 * called; the named exports exist because baileys imports `libsignal/src/curve.js` and `src/crypto.js` by name
 * when the CLI starts (2026.2.12 exits at start-up without them).
 */
export function writeLibsignalStub(cacheRoot: string): string {
  const dir = join(cacheRoot, "stubs", "libsignal");
  mkdirSync(join(dir, "src"), { recursive: true });
  const thrower = 'function stub() { throw new Error("libsignal stub (clawsim): the WhatsApp channel is not available here"); }';
  const exportsOf = (names: readonly string[]) => `${thrower}\n${names.map((n) => `exports.${n} = stub;`).join("\n")}\n`;
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "libsignal", version: "0.0.0-clawsim-stub", main: "index.js" })}\n`);
  writeFileSync(join(dir, "index.js"), exportsOf(["SessionBuilder", "SessionCipher", "SessionRecord", "ProtocolAddress", "keyhelper", "curve", "crypto"]));
  writeFileSync(join(dir, "src", "curve.js"), exportsOf(["generateKeyPair", "createKeyPair", "calculateAgreement", "calculateSignature", "verifySignature"]));
  writeFileSync(join(dir, "src", "crypto.js"), exportsOf(["encrypt", "decrypt", "calculateMAC", "verifyMAC", "hash", "deriveSecrets"]));
  return dir;
}

/** Installs node@24, then openclaw@version with that Node first on PATH (openclaw's preinstall refuses Node 20). */
function installInto(staging: string, version: string): void {
  mkdirSync(staging, { recursive: true });
  const stub = `file:${writeLibsignalStub(join(staging, ".."))}`;
  const manifest = { name: "clawsim-openclaw-cache", private: true, overrides: { libsignal: stub, "@whiskeysockets/libsignal-node": stub } };
  writeFileSync(join(staging, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  npm(["i", "--prefix", staging, `node@${nodeMajorRequired}`], process.env);
  const node = nodeBinary(staging);
  if (node === undefined) throw new Error(`npm installed node@${nodeMajorRequired} but no node binary is under ${staging}/node_modules`);
  const path = `${join(node, "..")}:${process.env["PATH"] ?? "/usr/bin:/bin"}`;
  npm(["i", "--prefix", staging, `openclaw@${version}`], { ...process.env, PATH: path });
}

/**
 * Returns an install of openclaw@version with Node 24: the cache folder or the oracle folder when either has it,
 * else a fresh npm install into the cache folder (staged, then renamed into place). Never throws: a failed
 * install is `unavailable` with npm's last words.
 */
export function ensureOpenclaw(version: string, options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): OpenclawInstall {
  const env = options.env ?? process.env;
  const dir = cacheDirFor(version, env);
  const oracleDir = env["OPENCLAW_ORACLE_DIR"]?.trim() || DEFAULT_ORACLE_DIR;
  for (const candidate of [dir, oracleDir]) {
    const found = usableInstall(candidate, version);
    if (found !== undefined) return { kind: "installed", ...found, version, fetched: false };
  }
  options.log?.(`installing node@${nodeMajorRequired} and openclaw@${version} into ${dir} (several minutes)`);
  const staging = `${dir}.staging-${process.pid}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    installInto(staging, version);
    if (usableInstall(staging, version) === undefined) return { kind: "unavailable", reason: `npm ran but ${staging} holds no openclaw@${version} with Node ${nodeMajorRequired}` };
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } catch (error) {
    const e = error as { stderr?: string; message?: string };
    const last = (e.stderr ?? e.message ?? String(error)).trim().split("\n").filter((l) => !/npm warn/i.test(l)).slice(-2).join(" | ");
    return { kind: "unavailable", reason: `npm could not install openclaw@${version}: ${last || "no output"}` };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const found = usableInstall(dir, version);
  if (found === undefined) return { kind: "unavailable", reason: `${dir} holds no openclaw@${version} with Node ${nodeMajorRequired} after installing` };
  return { kind: "installed", ...found, version, fetched: true };
}

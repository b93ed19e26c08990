// Starts and stops a real OpenClaw gateway (the npm release, run on its own Node 24) on a free loopback port
// with a scratch HOME/state/config/TMPDIR, waits until a connect gets hello-ok rather than UNAVAILABLE, and on
// stop ends the whole process tree and deletes the scratch folder (also on SIGINT/SIGTERM of this process).
// restart ends the process tree and starts a new process on the same port, config and state folder.
// The install lives outside the repository (default /root/oracle, override with OPENCLAW_ORACLE_DIR).

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect as netConnect } from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import type { Attempt, Outcome } from "./attempt.ts";
import { OracleDriver } from "./driver.ts";
import { descendantsOf, isAlive, signalAll } from "./process-tree.ts";

export const DEFAULT_ORACLE_DIR = "/root/oracle";
// A loaded machine can take long to open the port (trusted-proxy starts took 31–46 s, others up to 165 s);
// CLAWSIM_LISTEN_WAIT_MS changes the bound (default 180 s).
const LISTEN_WAIT_MS_MAX = listenWaitMs(process.env.CLAWSIM_LISTEN_WAIT_MS);
const READY_WAIT_MS_MAX = 120_000;
const READY_PROBE_PAUSE_MS = 250;
const STOP_GRACE_MS = 15_000;
const POLL_MS = 100;

function listenWaitMs(text: string | undefined): number {
  const n = text === undefined ? NaN : Number(text);
  return Number.isInteger(n) && n > 0 ? n : 180_000;
}

export interface RealGatewayOptions {
  /** Folder holding node_modules/openclaw and node_modules/node (default $OPENCLAW_ORACLE_DIR or /root/oracle). */
  readonly installDir?: string;
  /** Shared gateway token (default: 32 random bytes, base64url). */
  readonly token?: string;
  /** Extra config merged into `{ gateway: { mode: "local" }, logging: { file } }` and written before start. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Extra environment variables for the gateway process. */
  readonly env?: Readonly<Record<string, string>>;
  /** Keep the scratch folder after stop (for debugging). */
  readonly keepScratch?: boolean;
  /** Label used in the scratch folder name. */
  readonly label?: string;
  /** Auth arguments instead of `--auth token --token <token>` (e.g. [] when the config file sets gateway.auth). */
  readonly authArgs?: readonly string[];
  /** The readiness probe instead of READY_PROBE (e.g. with trusted-proxy headers). */
  readonly readyProbe?: Attempt;
  /** Also write the chosen port into the config as `gateway.port` (2026.2.12's `gateway run` ignores `--port`). */
  readonly portInConfig?: boolean;
  /** How long to wait for the port to listen (default LISTEN_WAIT_MS_MAX; a loaded machine needs more). */
  readonly listenWaitMs?: number;
}

export interface StartupObservation {
  /** ms from spawn until the port accepted TCP connections. */
  readonly listenMs: number;
  /** ms from spawn until the first hello-ok. */
  readonly readyMs: number;
  /** Ready probes answered UNAVAILABLE before the first hello-ok. */
  readonly unavailableCount: number;
  /** The first UNAVAILABLE outcome, raw. */
  readonly firstUnavailable: Outcome | null;
}

export interface RealGateway {
  readonly port: number;
  readonly token: string;
  readonly scratchDir: string;
  readonly configPath: string;
  /** The current process (a restart starts a new one). */
  readonly pid: number;
  readonly startup: StartupObservation;
  readonly config: Readonly<Record<string, unknown>>;
  /** Last `lines` lines of the gateway's stdout/stderr. */
  outputTail(lines: number): string;
  /** SIGTERM to the process tree (SIGKILL after a grace period), then a new process with the same port, config
   *  and state folder, ready when a probe gets hello-ok. Throws GatewayStartError (and stops) if it does not come
   *  back. */
  restart(): Promise<StartupObservation>;
  stop(): Promise<void>;
}

export class GatewayStartError extends Error {
  constructor(
    message: string,
    readonly outputTail: string,
  ) {
    super(message);
  }
}

interface LiveGateway {
  /** The current process; a restart replaces it. */
  child: ChildProcess;
  pids: Set<number>;
  readonly scratchDir: string;
  readonly keep: boolean;
}

const live = new Set<LiveGateway>();
let signalHandlersInstalled = false;

function installSignalHandlers(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  const killAllNow = (): void => {
    for (const entry of live) {
      if (entry.child.pid !== undefined) for (const pid of descendantsOf(entry.child.pid)) entry.pids.add(pid);
      signalAll(entry.pids, "SIGKILL");
      if (!entry.keep) rmSync(entry.scratchDir, { recursive: true, force: true });
    }
    live.clear();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      killAllNow();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
  process.on("exit", killAllNow);
}

export function resolveInstall(installDir?: string): { dir: string; node: string; entry: string } {
  const dir = installDir ?? process.env.OPENCLAW_ORACLE_DIR ?? DEFAULT_ORACLE_DIR;
  const node = [join(dir, "node_modules/node/bin/node"), join(dir, "node_modules/.bin/node")].find((p) => existsSync(p));
  const entry = join(dir, "node_modules/openclaw/openclaw.mjs");
  if (node === undefined || !existsSync(entry)) throw new GatewayStartError(`no OpenClaw install with Node 24 under ${dir}`, "");
  return { dir, node, entry };
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deepMerge(base: Record<string, unknown>, extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const prior = out[key];
    const bothObjects = [prior, value].every((v) => v !== null && typeof v === "object" && !Array.isArray(v));
    out[key] = bothObjects ? deepMerge(prior as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

export const READY_PROBE: Attempt = {
  name: "ready-probe",
  probe: "device-less cli operator with the right token (readiness + delay reset)",
  connect: {
    params: {
      minProtocol: 4,
      maxProtocol: 4,
      client: { id: "cli", version: "oracle", platform: "linux", mode: "cli" },
      role: "operator",
      scopes: ["operator.read"],
      auth: { token: "{{gatewayToken}}" },
    },
  },
};

async function waitUntilReady(
  port: number,
  token: string,
  child: ChildProcess,
  spawnedAt: number,
  probe: Attempt = READY_PROBE,
  listenWaitMs: number = LISTEN_WAIT_MS_MAX,
): Promise<StartupObservation> {
  const listenDeadline = spawnedAt + listenWaitMs;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway exited early (${child.exitCode ?? child.signalCode})`);
    if (performance.now() > listenDeadline) throw new Error("gateway did not listen in time");
    await sleep(POLL_MS);
  }
  const listenMs = Math.round(performance.now() - spawnedAt);
  const driver = new OracleDriver({ port, gatewayToken: token, identities: {} });
  let unavailableCount = 0;
  let firstUnavailable: Outcome | null = null;
  const readyDeadline = performance.now() + READY_WAIT_MS_MAX;
  for (;;) {
    const outcome = await driver.run(probe);
    if (outcome.response?.ok === true) break;
    if (outcome.response?.error?.code === "UNAVAILABLE") {
      unavailableCount += 1;
      firstUnavailable ??= outcome;
    }
    if (child.exitCode !== null || performance.now() > readyDeadline) throw new Error("gateway never answered hello-ok");
    await sleep(READY_PROBE_PAUSE_MS);
  }
  return { listenMs, readyMs: Math.round(performance.now() - spawnedAt), unavailableCount, firstUnavailable };
}

function scratchFolders(root: string): { home: string; state: string; tmp: string; configPath: string; logFile: string; outFile: string } {
  const folders = { home: join(root, "home"), state: join(root, "state"), tmp: join(root, "tmp") };
  for (const dir of Object.values(folders)) mkdirSync(dir, { recursive: true });
  return { ...folders, configPath: join(folders.state, "openclaw.json"), logFile: join(root, "gateway-log.jsonl"), outFile: join(root, "stdout.log") };
}

export async function startRealGateway(options: RealGatewayOptions = {}): Promise<RealGateway> {
  installSignalHandlers();
  const install = resolveInstall(options.installDir);
  const scratchDir = mkdtempSync(join(install.dir, `run-${options.label ?? "gw"}-`));
  const paths = scratchFolders(scratchDir);
  const port = await freePort();
  const token = options.token ?? randomBytes(32).toString("base64url");
  const base = { gateway: { mode: "local", ...(options.portInConfig ? { port } : {}) }, logging: { file: paths.logFile } };
  const config = deepMerge(base, options.config ?? {});
  writeFileSync(paths.configPath, `${JSON.stringify(config, null, 2)}\n`);
  const args = [install.entry, "gateway", "run", "--port", String(port), "--bind", "loopback", ...(options.authArgs ?? ["--auth", "token", "--token", token]), "--allow-unconfigured"];
  const env: Record<string, string> = {
    PATH: `${join(install.node, "..")}:/usr/local/bin:/usr/bin:/bin`,
    HOME: paths.home,
    OPENCLAW_STATE_DIR: paths.state,
    OPENCLAW_CONFIG_PATH: paths.configPath,
    TMPDIR: paths.tmp,
    OPENCLAW_DISABLE_BONJOUR: "1",
    OPENCLAW_NO_RESPAWN: "1",
    OPENCLAW_SKIP_CHANNELS: "1",
    // Releases from 2026.4.22 npm-install their bundled plugins' runtime dependencies at start (synchronously):
    // npm needs this machine's CA bundle where TLS goes through an intercepting proxy (without it the install
    // retries for minutes and the gateway never listens), and one npm cache per install saves the download on
    // every later start.
    ...(process.env["NODE_EXTRA_CA_CERTS"] ? { NODE_EXTRA_CA_CERTS: process.env["NODE_EXTRA_CA_CERTS"] } : {}),
    npm_config_cache: join(install.dir, ".npm-cache"),
    ...(options.env ?? {}),
  };
  const spawnGateway = (): ChildProcess => {
    const outFd = openSync(paths.outFile, "a");
    const child = spawn(install.node, args, { cwd: install.dir, env, detached: true, stdio: ["ignore", outFd, outFd] });
    closeSync(outFd);
    return child;
  };
  let spawnedAt = performance.now();
  const first = spawnGateway();
  const entry: LiveGateway = { child: first, pids: new Set<number>(first.pid === undefined ? [] : [first.pid]), scratchDir, keep: options.keepScratch === true };
  live.add(entry);
  const outputTail = (lines: number): string => {
    try {
      return readFileSync(paths.outFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  };
  const endProcesses = async (): Promise<void> => {
    if (entry.child.pid !== undefined) for (const pid of descendantsOf(entry.child.pid)) entry.pids.add(pid);
    signalAll(entry.pids, "SIGTERM");
    const deadline = performance.now() + STOP_GRACE_MS;
    while ([...entry.pids].some(isAlive) && performance.now() < deadline) await sleep(POLL_MS);
    signalAll([...entry.pids].filter(isAlive), "SIGKILL");
    entry.pids.clear();
  };
  const stop = async (): Promise<void> => {
    if (!live.has(entry)) return;
    await endProcesses();
    live.delete(entry);
    if (!entry.keep) rmSync(scratchDir, { recursive: true, force: true });
  };
  const ready = async (what: string): Promise<StartupObservation> => {
    try {
      const observed = await waitUntilReady(port, token, entry.child, spawnedAt, options.readyProbe, options.listenWaitMs);
      if (entry.child.pid !== undefined) for (const pid of descendantsOf(entry.child.pid)) entry.pids.add(pid);
      return observed;
    } catch (error) {
      const tail = outputTail(40);
      await stop();
      throw new GatewayStartError(`real gateway failed to ${what}: ${(error as Error).message}`, tail);
    }
  };
  const restart = async (): Promise<StartupObservation> => {
    if (!live.has(entry)) throw new Error("restart of a gateway already stopped");
    await endProcesses();
    spawnedAt = performance.now();
    entry.child = spawnGateway();
    if (entry.child.pid !== undefined) entry.pids.add(entry.child.pid);
    return ready("restart");
  };
  const startup = await ready("start");
  return {
    port,
    token,
    scratchDir,
    configPath: paths.configPath,
    get pid() {
      return entry.child.pid ?? -1;
    },
    startup,
    config,
    outputTail,
    restart,
    stop,
  };
}

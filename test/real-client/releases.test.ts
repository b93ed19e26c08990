// The real client of each OpenClaw release inside the world (`pnpm sim gate --client real@<release>`): which
// profile each release maps to, and per installed release the comparison with the simulated client under that
// profile, its known differences pinned (a change on either side fails here), and same seed = same trace hash.
// A release that is not installed under the cache skips with a visible message, as test/real-client does.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { caseScenario, findProfile, parseCaseFile, runScenario, type Profile } from "../../src/index.ts";
import { compareClients, type CompareResult } from "../../sim/real-client/compare.ts";
import { loadRealClient, newerNodeHint, type LoadResult } from "../../sim/real-client/load.ts";
import { wsShimExportClause, wsShimStandIn } from "../../sim/real-client/ws-shim.mjs";
import { locateGatewayClient, parseRealClient, profileNameForRelease, type ClientRelease } from "../../sim/real-client/releases.ts";
import { createSimulatedSqliteState } from "../../sim/real-client/fake-sqlite.mjs";
import { bindDeviceAuthFile } from "../../src/world/real-client-fs.ts";
import { sqliteRefusalCount } from "../../src/world/real-client-sqlite.ts";
import { findStory, runStory, stories, type StoryVerdict } from "../../sim/real-client/stories.ts";

function release(version: string): ClientRelease {
  const parsed = parseRealClient(`real@${version}`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.release;
}

describe("--client real@<release>: which client, which profile", () => {
  it("maps each release to its profile in one table", () => {
    expect(["2026.2.12", "2026.2.17", "2026.2.22", "2026.3.2", "2026.3.13", "2026.3.31", "2026.4.14", "2026.8.2", "2026.9.1", "2026.9.6"].map(profileNameForRelease)).toEqual([
      "2026.2.12",
      "2026.2.17",
      "2026.2.22",
      "2026.3.2",
      "2026.3",
      "2026.3.31",
      "2026.4",
      "2026.8",
      "2026.9",
      "2026.9",
    ]);
  });

  it("a 2026.5–2026.8 release is compared under its own profile where the tree has one, else the nearest later one", () => {
    const expected = (candidates: string[]) => candidates.find((name) => findProfile(name) !== undefined);
    expect(profileNameForRelease("2026.5.28")).toBe(expected(["2026.5", "2026.6", "2026.7", "2026.8"]));
    expect(profileNameForRelease("2026.6.11")).toBe(expected(["2026.6", "2026.7", "2026.8"]));
    expect(profileNameForRelease("2026.7.1")).toBe(expected(["2026.7", "2026.8"]));
    expect(profileNameForRelease("2026.8.2")).toBe("2026.8");
  });

  it("real and real@2026.9.1 are the client package; other releases are the openclaw dist's client", () => {
    expect(parseRealClient("real")).toEqual({ ok: true, release: { kind: "package", version: "2026.9.1", profile: "2026.9" } });
    expect(parseRealClient("real@2026.9.1")).toEqual({ ok: true, release: { kind: "package", version: "2026.9.1", profile: "2026.9" } });
    expect(parseRealClient("real@2026.4.14")).toEqual({ ok: true, release: { kind: "openclaw", version: "2026.4.14", profile: "2026.4" } });
  });

  it("refuses nonsense and releases with no profile in one line", () => {
    for (const bad of ["real@nonsense", "real@", "real@2025.1.1", "real@2026.4.14x", "realx"]) {
      const parsed = parseRealClient(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).not.toContain("\n");
    }
  });
});

/**
 * Per release: the stories whose verdicts differ between the real client and the simulated one under the
 * release's profile, with the fields. Each is explained in README ("The real client inside the simulation").
 */
const knownDifferences: Readonly<Record<string, Readonly<Record<string, readonly (keyof StoryVerdict)[]>>>> = {
  // The newest release's own client (in the openclaw dist, beside the 2026.9.1 package): runs on Node >= 22.
  "2026.9.6": {},
  // 2026.8.2 keeps device tokens in its SQLite state database; inside clawsim its store is replaced by hostDeps
  // (as every hostDeps release's is) and node:sqlite is the fake (fake-sqlite.mjs). No difference.
  "2026.8.2": {},
  // 2026.5–2026.7 under their own profiles (signedAt from the client's clock, before PR #116679): no difference.
  "2026.7.1": {},
  "2026.6.11": {},
  "2026.5.28": {},
  "2026.4.14": {},
  "2026.4.22": {},
  "2026.3.13": {},
  // 3.31 waits the 10 s pre-auth default for connect.challenge, as 4.14 does: recorded in the 2026.3.31 profile.
  "2026.3.31": {},
  // 3.2's client rejects a refused connect with a plain Error(message): no code or details, so no detail-code
  // pause and no bounded device-token retry, plain backoff. Modelled since 2026-12-04 (client switch
  // connectErrorDetails off): no story differs.
  "2026.3.2": {},
  // The 2.22 gateway sends early detail codes (DEVICE_AUTH_INVALID, AUTH_TOKEN_MISMATCH, …) that its own client
  // does not surface (connectErrorDetails off, like 3.2). Since 2026-12-05 no story differs: the class sends
  // opts.token (whatever its caller resolved) before the stored token (tokenPriority resolved-late; under
  // explicit-stored-passive device-token-mismatch differed in storedToken).
  "2026.2.22": {},
  // Compared under the 2026.2.17 profile. Since 2026-12-05 no story differs: the client's close-handler self-heal
  // clears the stored token even when it was given a token (staleTokenSelfHealWithShared; seed-004 and
  // wrong-token-bogus-stored differed in storedToken), and 750 ms into a socket with no challenge it sends connect
  // without a nonce instead of closing (challengeTimeoutAction; challenge-lost differed in every field).
  "2026.2.17": {},
  // Under its own profile since 2026-12-04 (under 2026.2.13 device-token-mismatch differed in storedToken too);
  // challenge-lost agrees since 2026-12-05 (challengeTimeoutAction connect-without-nonce).
  "2026.2.12": {},
};

/** Releases whose client imports only on Node >= 22 (their bundled undici): skipped, not loaded, on Node 20. */
const needsNode22 = new Set(["2026.5.28", "2026.6.11", "2026.7.1", "2026.8.2", "2026.9.6"]);
const nodeMajor = Number(process.versions.node.split(".")[0]);

for (const [version, known] of Object.entries(knownDifferences)) {
  if (needsNode22.has(version) && nodeMajor < 22) {
    describe.skip(`real client of openclaw@${version} (needs Node >= 22; this is ${process.versions.node})`, () => it("runs on a Node 24", () => {}));
    continue;
  }
  const chosen = release(version);
  const profile: Profile = findProfile(chosen.profile)!;
  const loaded: LoadResult = await loadRealClient(chosen);
  if (loaded.kind === "unavailable") console.warn(`[real-client] SKIPPED openclaw@${version}: ${loaded.reason}`);
  const available = loaded.kind === "loaded";

  describe.skipIf(!available)(`real client of openclaw@${version} vs the simulated client under ${chosen.profile}`, () => {
    let compared: Extract<CompareResult, { kind: "compared" }> | undefined;
    const comparison = async () => {
      if (!compared) {
        const result = await compareClients({ seed: 424242n, profile, release: chosen });
        if (result.kind !== "compared") throw new Error(result.reason);
        compared = result;
      }
      return compared;
    };

    it("differs only where known, story by story", async () => {
      const result = await comparison();
      const found = Object.fromEntries(result.stories.filter((s) => s.differences.length > 0).map((s) => [s.story, s.differences.map((d) => d.field)]));
      expect(found).toEqual(known);
      expect(result.stories.map((s) => s.story)).toEqual(stories.map((s) => s.name));
    }, 120_000);

    // One release with hostDeps-less node:fs access per era is enough for the cross-process check (each spawn
    // pays tsx start-up and the release's import).
    it.skipIf(!["2026.4.14", "2026.2.17"].includes(version))("the same seed gives the same trace hash in a fresh process (tsx sim/real-client/compare.ts --client)", async () => {
      if (loaded.kind !== "loaded") return;
      const here = await runStory(findStory("wrong-token-bogus-stored")!, { seed: 99n, profile, client: { kind: "real", module: loaded.module } });
      const root = join(import.meta.dirname, "..", "..");
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
      const args = [join(root, "node_modules", "tsx", "dist", "cli.mjs"), "sim/real-client/compare.ts", "--json", "--client", `real@${version}`, "--story", "wrong-token-bogus-stored", "--seed", "99"];
      const out = JSON.parse(execFileSync(process.execPath, args, { cwd: root, env, encoding: "utf8", timeout: 120_000 })) as { stories: { real: { traceHash: string } }[] };
      expect(out.stories[0]!.real.traceHash).toBe(here.run.traceHash);
    }, 150_000);

    it("same seed, same trace hash (reconnects and device-auth writes included); another seed, another trace", async () => {
      if (loaded.kind !== "loaded") return;
      const run = (story: string, seed: bigint) => runStory(findStory(story)!, { seed, profile, client: { kind: "real", module: loaded.module } });
      for (const story of ["wrong-token-bogus-stored", "gateway-down", "happy-path"]) {
        const a = await run(story, 7n);
        const b = await run(story, 7n);
        expect(a.run.steps).toBeGreaterThan(3);
        expect(b.run.traceHash).toBe(a.run.traceHash);
      }
      expect((await run("happy-path", 8n)).run.traceHash).not.toBe((await run("happy-path", 7n)).run.traceHash);
    }, 120_000);
  });
}

const r414 = release("2026.4.14");
const loaded414 = await loadRealClient(r414);
describe.skipIf(loaded414.kind !== "loaded")("openclaw@2026.4.14 client: how it reaches the simulated host", () => {
  const run = async (story: string) => {
    if (loaded414.kind !== "loaded") throw new Error("not loaded");
    return runStory(findStory(story)!, { seed: 3n, profile: findProfile("2026.4")!, client: { kind: "real", module: loaded414.module } });
  };

  it("its device token goes to the simulated device-auth file through node:fs (no hostDeps)", async () => {
    const { world, run: r } = await run("happy-path");
    expect(r.verdict.storedToken).toBe(true);
    expect(world.trace.events.some((e) => e.actor === "client" && e.kind === "host" && e.data["event"] === "device-auth.store")).toBe(true);
  });

  it("it has no onReconnectPaused: a close that schedules no reconnect is recorded as an inferred pause", async () => {
    const { world, run: r } = await run("wrong-token-bogus-stored");
    expect(r.verdict).toMatchObject({ paused: true, pausedDetailCode: "AUTH_TOKEN_MISMATCH", attempts: 3 });
    const paused = world.trace.events.find((e) => e.actor === "client" && e.kind === "client" && e.data["event"] === "paused");
    expect(paused?.data["inferred"]).toBe(true);
  });

  it("what it prints to the console stays in the world", async () => {
    const { world } = await run("wrong-token-new-device");
    expect(world.realClients.consoleLines.some((l) => l.includes("gateway connect failed"))).toBe(true);
  });
});

describe("a release whose client cannot run says why", () => {
  it("a release whose bundled undici (2026.5 and later) or in-memory SQLite at import (2026.8.x) needs Node 22 says to run clawsim on a Node 24", () => {
    const failure = "webidl.util.markAsUncloneable is not a function";
    expect(newerNodeHint(failure, "20.20.2", "2026.9.6")).toContain("needs Node >= 22");
    expect(newerNodeHint(failure, "20.20.2", "2026.9.6")).toContain("gate --client real@2026.9.6");
    expect(newerNodeHint(failure, "24.21.0", "2026.9.6")).toBe("");
    expect(newerNodeHint("SQLite support is unavailable", "20.20.2", "2026.8.2")).toBe("");
    // 2026.8.2 runs an in-memory database at import; the fake gives it this Node's engine, which Node 20 lacks.
    const noSqlite = "SQLite support is unavailable or unsafe in this Node runtime. clawsim: fake node:sqlite: an in-memory database needs this Node's node:sqlite (Node >= 22.5), and Node 20.20.2 has none";
    expect(newerNodeHint(noSqlite, "20.20.2", "2026.8.2")).toContain("gate --client real@2026.8.2");
    expect(newerNodeHint(noSqlite, "24.21.0", "2026.8.2")).toBe("");
  });

  it("a release whose client imports a chunk that loads node:sqlite in a way the hook does not rewrite is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "clawsim-release-"));
    mkdirSync(join(dir, "dist"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ version: "2026.8.99" }));
    writeFileSync(join(dir, "dist", "client-x.js"), 'import { s } from "./store-y.js";\nvar GatewayClient = class {};\nexport { GatewayClient as t };\n');
    writeFileSync(join(dir, "dist", "store-y.js"), 'const s = createRequire(import.meta.url)("node:sqlite");\nexport { s };\n');
    const located = locateGatewayClient(dir, "2026.8.99");
    expect(located).toEqual({ kind: "unavailable", reason: expect.stringContaining('store-y.js, which its client imports, loads node:sqlite through ("node:sqlite")') });
    writeFileSync(join(dir, "dist", "store-y.js"), 'const require = createRequire(import.meta.url);\nconst s = require("node:sqlite");\nexport { s };\n');
    expect(locateGatewayClient(dir, "2026.8.99")).toMatchObject({ kind: "found", exportName: "t" });
  });
});

/**
 * 2026.8.2's own device-auth store, called directly through the module hook: node:sqlite is the fake, whose
 * statements stop at the state database's open sequence (its first statement is the cross-process coordinator's
 * exclusive transaction, followed by a few thousand schema checks only an SQL engine answers): a counted clawsim
 * error, and no database file under the state dir. This is why the world replaces that store by hostDeps.
 */
const r82 = nodeMajor >= 22 ? release("2026.8.2") : undefined;
const loaded82 = r82 ? await loadRealClient(r82) : undefined;
describe.skipIf(loaded82?.kind !== "loaded")("openclaw@2026.8.2's own SQLite device-auth store inside clawsim", () => {
  it("inside the world, its device token goes to the simulated device-auth file through hostDeps, not that store", async () => {
    if (loaded82?.kind !== "loaded") return;
    expect(loaded82.module.hostAccess).toBe("hostDeps");
    const before = sqliteRefusalCount();
    const { world, run } = await runStory(findStory("happy-path")!, { seed: 3n, profile: findProfile("2026.8")!, client: { kind: "real", module: loaded82.module } });
    expect(run.verdict.storedToken).toBe(true);
    expect(world.trace.events.some((e) => e.actor === "client" && e.kind === "host" && e.data["event"] === "device-auth.store")).toBe(true);
    expect(sqliteRefusalCount()).toBe(before);
  });

  it("is refused loudly at the state database's open, with no file written", async () => {
    if (loaded82?.kind !== "loaded") return;
    const dir = loaded82.entry.slice(0, loaded82.entry.lastIndexOf("/"));
    const storeChunk = /from "\.\/(device-auth-store-[^"]+)"/.exec(readFileSync(loaded82.entry, "utf8"))?.[1];
    expect(storeChunk).toBeDefined();
    const exported = /\bloadDeviceAuthToken as ([\w$]+)/.exec(readFileSync(join(dir, storeChunk!), "utf8"))?.[1];
    const store = (await import(pathToFileURL(join(dir, storeChunk!)).href)) as Record<string, (params: unknown) => unknown>;
    const stateDir = mkdtempSync(join(tmpdir(), "clawsim-state-"));
    const noFile = { read: () => undefined, write: () => {}, remove: () => {} };
    bindDeviceAuthFile({ ...noFile, identityFile: noFile });
    const before = sqliteRefusalCount();
    const registry = (globalThis as unknown as Record<symbol, { current: unknown }>)[Symbol.for("clawsim.real-client.sqlite")]!;
    registry.current = createSimulatedSqliteState();
    try {
      expect(() => store[exported!]!({ env: { OPENCLAW_STATE_DIR: stateDir }, deviceId: "dev-a", role: "operator" })).toThrow(/clawsim: fake node:sqlite: unsupported statement: PRAGMA busy_timeout = \d+; BEGIN EXCLUSIVE/);
    } finally {
      registry.current = undefined;
      bindDeviceAuthFile(undefined);
    }
    expect(sqliteRefusalCount()).toBe(before + 1);
    const files = readdirSync(stateDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((e) => e.name)).toEqual([]);
  });
});

describe("profile values recorded from the real release clients flip what the simulated client does", () => {
  const simRun = (story: string, profile: Profile) => runStory(findStory(story)!, { seed: 424242n, profile, client: { kind: "sim" } });
  const withClient = (name: string, client: Partial<Profile["client"]>): Profile => {
    const p = findProfile(name)!;
    return { ...p, client: { ...p.client, ...client } };
  };

  for (const [name, release] of [["2026.4", "2026.4.14"], ["2026.3.31", "2026.3.31"]] as const) {
    it(`${name} challengeTimeoutMs 10 s (openclaw@${release}): a lost challenge is given up at 10 s, not 2 s`, async () => {
      expect(findProfile(name)!.client.challengeTimeoutMs).toBe(10_000);
      const recorded = await simRun("challenge-lost", findProfile(name)!);
      const flipped = await simRun("challenge-lost", withClient(name, { challengeTimeoutMs: 2_000 }));
      expect(recorded.run.verdict.helloAfterMs).toBeGreaterThanOrEqual(11_000);
      expect(flipped.run.verdict.helloAfterMs).toBeLessThan(4_000);
    });
  }

  it("2026.2.12 challengeTimeoutAction connect-without-nonce (openclaw@2026.2.12 and 2.17): no watchdog gives up a silent socket", async () => {
    expect(findProfile("2026.2.12")!.client).toMatchObject({ challengeTimeoutMs: 750, challengeTimeoutAction: "connect-without-nonce" });
    // The story holds every frame of the first socket: connect goes out at 750 ms and its answer never comes, so
    // the client hangs on that socket (as the real 2.12 and 2.17 clients do); closing instead gets in on a second.
    const recorded = (await simRun("challenge-lost", findProfile("2026.2.12")!)).run.verdict;
    const flipped = (await simRun("challenge-lost", withClient("2026.2.12", { challengeTimeoutAction: "close" }))).run.verdict;
    expect([recorded.attempts, recorded.connected]).toEqual([1, false]);
    expect([flipped.attempts, flipped.connected]).toEqual([2, true]);
  });

  it("2026.2.17 staleTokenSelfHealWithShared (openclaw@2026.2.17): a bogus stored token goes even with a token given", async () => {
    expect(findProfile("2026.2.17")!.client.staleTokenSelfHealWithShared).toBe(true);
    const recorded = (await simRun("wrong-token-bogus-stored", findProfile("2026.2.17")!)).run.verdict;
    const flipped = (await simRun("wrong-token-bogus-stored", withClient("2026.2.17", { staleTokenSelfHealWithShared: false }))).run.verdict;
    expect([recorded.storedToken, flipped.storedToken]).toEqual([false, true]);
  });

  it("2026.2.22 tokenPriority resolved-late (openclaw@2026.2.22): a stale passive token beats the stored device token and loops", async () => {
    expect(findProfile("2026.2.22")!.client.tokenPriority).toBe("resolved-late");
    const path = join(import.meta.dirname, "..", "..", "scenarios", "files", "token-priority-regression.yaml");
    const parsed = parseCaseFile(readFileSync(path, "utf8"), path);
    if (!parsed.ok) throw new Error(parsed.message);
    const verdictUnder = async (profile: Profile) => (await runScenario(caseScenario(parsed.file), { seed: 424242n, profile })).verdict;
    expect(await verdictUnder(findProfile("2026.2.22")!)).toBe("fail");
    expect(await verdictUnder(withClient("2026.2.22", { tokenPriority: "explicit-stored-passive" }))).toBe("pass");
  });

  it("2026.2.22 insecureWsGuard on (openclaw@2026.2.22): ws:// to a public host is refused before any socket", async () => {
    expect(findProfile("2026.2.22")!.client.insecureWsGuard).toBe(true);
    expect((await simRun("remote-plaintext", findProfile("2026.2.22")!)).run.verdict.attempts).toBe(0);
    expect((await simRun("remote-plaintext", withClient("2026.2.22", { insecureWsGuard: false }))).run.verdict.attempts).toBe(1);
  });

  it("2026.3.2 connectErrorDetails off (openclaw@2026.3.2): a bogus stored token is never paused on, the backoff runs to 30 s", async () => {
    expect(findProfile("2026.3.2")!.client.connectErrorDetails).toBe(false);
    const recorded = (await simRun("wrong-token-bogus-stored", findProfile("2026.3.2")!)).run.verdict;
    expect(recorded.paused).toBe(false);
    expect(recorded.errorDetailCodes.every((c) => c === null)).toBe(true);
    expect(recorded.reconnectDelaysMs).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
    const flipped = (await simRun("wrong-token-bogus-stored", withClient("2026.3.2", { connectErrorDetails: true }))).run.verdict;
    expect(flipped.paused).toBe(true);
    expect(flipped.pausedDetailCode).toBe("AUTH_TOKEN_MISMATCH");
  });
});

describe("the ws shim of a release's dist (2026.9.x loads ws through createRequire)", () => {
  // Written here in the shape the 2026.9.6 dist has (a createRequire'd require of ws's own lib files).
  const shim = [
    'import { createRequire } from "node:module";',
    'import path from "node:path";',
    "const require = createRequire(import.meta.url);",
    'const wsPackageRoot = path.dirname(require.resolve("ws/package.json"));',
    'const WebSocket = require(path.join(wsPackageRoot, "lib/websocket.js"));',
    'const WebSocketServer = require(path.join(wsPackageRoot, "lib/websocket-server.js"));',
    'const createWebSocketStream = require(path.join(wsPackageRoot, "lib/stream.js"));',
    "export { WebSocketServer as n, createWebSocketStream as r, WebSocket as t };",
  ].join("\n");

  it("is recognised and stood in for by the fake ws under the same export names", () => {
    const clause = wsShimExportClause(shim);
    expect(clause).toBe("export { WebSocketServer as n, createWebSocketStream as r, WebSocket as t };");
    expect(wsShimStandIn(clause!, "file:///fake-ws.mjs")).toBe('import { WebSocket, WebSocketServer, createWebSocketStream } from "file:///fake-ws.mjs";\n' + clause + "\n");
  });

  it("anything more than the shim is not (it would keep a real require)", () => {
    expect(wsShimExportClause(shim.replace('"lib/stream.js"));', '"lib/stream.js"));\nconst cp = require("node:child_process");'))).toBeUndefined();
    expect(wsShimExportClause(shim.replace("WebSocket as t", "WebSocket as t, wsPackageRoot as w"))).toBeUndefined();
    expect(wsShimExportClause(shim.replace('require.resolve("ws/package.json")', 'require.resolve("undici/package.json")'))).toBeUndefined();
    expect(wsShimExportClause('const x = require("ws");\nexport { x as t };')).toBeUndefined();
  });
});

// The fake node:sqlite that an openclaw release's dist gets inside clawsim (sim/real-client/fake-sqlite.mjs): the
// statements of 2026.8.2's device-auth store over simulated rows (written here in the shape that store's query
// builder gives them, checked against the release itself in releases.test.ts when it is installed), everything
// else refused loudly and counted; the rewrite of node:sqlite loads the hook applies (sqlite-redirect.mjs); and
// the world failing a run in which a client caught such a refusal.
import { afterEach, describe, expect, it } from "vitest";
import { createSimulatedSqliteState, DatabaseSync, fakeSqliteRowsMax } from "../../sim/real-client/fake-sqlite.mjs";
import { sqliteLoadRewrite } from "../../sim/real-client/sqlite-redirect.mjs";
import { findProfile } from "../../src/index.ts";
import { sqliteRefusalCount } from "../../src/world/real-client-sqlite.ts";
import { findStory, runStory } from "../../sim/real-client/stories.ts";
import type { RealGatewayClientModule } from "../../src/world/index.ts";

const registryKey = Symbol.for("clawsim.real-client.sqlite");
const registry = () => {
  sqliteRefusalCount(); // creates the shared registry when nothing has yet
  return (globalThis as unknown as Record<symbol, { current: unknown }>)[registryKey]!;
};
const location = "/home/user/.openclaw/state/openclaw.sqlite";

const cols = `"token", "role", "scopes_json", "updated_at_ms"`;
const sql = {
  select: `select ${cols} from "device_auth_tokens" where "device_id" = ? and "role" = ?`,
  list: `select ${cols} from "device_auth_tokens" where "device_id" = ? order by "role"`,
  upsert: `insert into "device_auth_tokens" ("device_id", "role", "token", "scopes_json", "updated_at_ms") values (?, ?, ?, ?, ?) on conflict ("device_id", "role") do update set "token" = ?, "scopes_json" = ?, "updated_at_ms" = ?`,
  fencedUpdate: `update "device_auth_tokens" set "token" = ?, "scopes_json" = ?, "updated_at_ms" = ? where "device_id" = ? and "role" = ? and "token" = ?`,
  remove: `delete from "device_auth_tokens" where "device_id" = ? and "role" = ?`,
  fencedRemove: `delete from "device_auth_tokens" where "device_id" = ? and "role" = ? and "token" = ?`,
  originSelect: `select ${cols} from "gateway_origin_device_tokens" where "gateway_scope" = ? and "device_id" = ? and "role" = ?`,
  originUpsert: `insert into "gateway_origin_device_tokens" ("gateway_scope", "device_id", "role", "token", "scopes_json", "updated_at_ms") values (?, ?, ?, ?, ?, ?) on conflict ("gateway_scope", "device_id", "role") do update set "token" = ?, "scopes_json" = ?, "updated_at_ms" = ?`,
};

function bound() {
  const state = createSimulatedSqliteState();
  registry().current = state;
  return state;
}

function upsert(db: DatabaseSync, deviceId: string, role: string, token: string, atMs = 0) {
  const scopes = JSON.stringify(["operator.read"]);
  return db.prepare(sql.upsert).run(deviceId, role, token, scopes, atMs, token, scopes, atMs);
}

afterEach(() => {
  registry().current = undefined;
});

describe("fake node:sqlite: the device-auth store's statements", () => {
  it("stores, reads, lists by role, and keeps rows for the next open of the same location (a client restart)", () => {
    bound();
    const db = new DatabaseSync(location);
    expect(db.prepare(sql.select).get("dev-a", "operator")).toBeUndefined();
    expect(upsert(db, "dev-a", "operator", "t1", 5).changes).toBe(1);
    expect(upsert(db, "dev-a", "node", "n1").changes).toBe(1);
    expect(upsert(db, "dev-a", "operator", "t2", 9).changes).toBe(1);
    expect(db.prepare(sql.select).get("dev-a", "operator")).toEqual({ token: "t2", role: "operator", scopes_json: '["operator.read"]', updated_at_ms: 9 });
    expect(db.prepare(sql.list).all("dev-a").map((r) => r["role"])).toEqual(["node", "operator"]);
    expect(db.prepare(sql.select).columns().map((c) => c.name)).toEqual(["token", "role", "scopes_json", "updated_at_ms"]);
    expect(db.prepare(sql.upsert).columns()).toEqual([]);
    db.close();
    const again = new DatabaseSync(location);
    expect(again.prepare(sql.select).get("dev-a", "operator")?.["token"]).toBe("t2");
    expect(new DatabaseSync("/elsewhere/state/openclaw.sqlite").prepare(sql.select).get("dev-a", "operator")).toBeUndefined();
  });

  it("a fenced update or delete changes the row only when the token is the expected one", () => {
    bound();
    const db = new DatabaseSync(location);
    upsert(db, "dev-a", "operator", "t1");
    expect(db.prepare(sql.fencedUpdate).run("t2", "[]", 1, "dev-a", "operator", "stale").changes).toBe(0);
    expect(db.prepare(sql.fencedUpdate).run("t2", "[]", 1, "dev-a", "operator", "t1").changes).toBe(1);
    expect(db.prepare(sql.select).get("dev-a", "operator")).toMatchObject({ token: "t2", scopes_json: "[]" });
    expect(db.prepare(sql.fencedRemove).run("dev-a", "operator", "t1").changes).toBe(0);
    expect(db.prepare(sql.fencedRemove).run("dev-a", "operator", "t2").changes).toBe(1);
    expect(db.prepare(sql.remove).run("dev-a", "operator").changes).toBe(0);
  });

  it("origin-bound tokens are their own table, keyed by gateway scope too", () => {
    bound();
    const db = new DatabaseSync(location);
    db.prepare(sql.originUpsert).run("wss://a", "dev-a", "node", "o1", "[]", 0, "o1", "[]", 0);
    expect(db.prepare(sql.originSelect).get("wss://a", "dev-a", "node")?.["token"]).toBe("o1");
    expect(db.prepare(sql.originSelect).get("wss://b", "dev-a", "node")).toBeUndefined();
    expect(db.prepare(sql.select).get("dev-a", "node")).toBeUndefined();
  });

  it("BEGIN IMMEDIATE … ROLLBACK undoes the writes, COMMIT keeps them; the write path's PRAGMAs and reads answer", () => {
    bound();
    const db = new DatabaseSync(location);
    db.exec("PRAGMA busy_timeout = 5000");
    expect(db.prepare("PRAGMA busy_timeout").get()).toEqual({ timeout: 5000 });
    db.exec("BEGIN IMMEDIATE");
    expect(db.isTransaction).toBe(true);
    upsert(db, "dev-a", "operator", "gone");
    db.exec("ROLLBACK");
    expect(db.prepare(sql.select).get("dev-a", "operator")).toBeUndefined();
    db.exec("BEGIN IMMEDIATE");
    expect(db.prepare("SELECT value_json FROM config_machine_state WHERE state_key = ? LIMIT 1").get("gateway.supervision")).toBeUndefined();
    upsert(db, "dev-a", "operator", "kept");
    db.exec("COMMIT");
    expect(db.prepare(sql.select).get("dev-a", "operator")?.["token"]).toBe("kept");
    expect(db.prepare("PRAGMA data_version").get()).toEqual({ data_version: 1 });
  });
});

describe("fake node:sqlite: anything else is a counted clawsim error", () => {
  const refused = (run: () => unknown, message: RegExp) => {
    const before = sqliteRefusalCount();
    expect(run).toThrow(message);
    expect(sqliteRefusalCount()).toBe(before + 1);
  };

  it("an unknown statement, through prepare or exec, even one close to a known one", () => {
    bound();
    const db = new DatabaseSync(location);
    refused(() => db.prepare("PRAGMA integrity_check"), /clawsim: fake node:sqlite: unsupported statement: PRAGMA integrity_check/);
    refused(() => db.prepare(sql.select.replace('"token", "role"', '"role", "token"')), /unsupported statement/);
    refused(() => db.prepare(`${sql.remove} or 1 = 1`), /unsupported statement/);
    refused(() => db.exec("PRAGMA busy_timeout = 5000; BEGIN EXCLUSIVE;"), /unsupported statement: PRAGMA busy_timeout = 5000; BEGIN EXCLUSIVE/);
    refused(() => db.exec("CREATE TABLE device_auth_tokens (device_id TEXT)"), /unsupported statement/);
    refused(() => db.exec("COMMIT"), /COMMIT outside a transaction/);
    refused(() => db.prepare(sql.upsert).all(), /returns no rows was read/);
  });

  it("a file database with no simulated state bound, a closed database, object parameters", () => {
    refused(() => new DatabaseSync(location), /opened the database .* with no simulated state bound/);
    bound();
    const db = new DatabaseSync(location);
    refused(() => db.prepare(sql.select).get({ device_id: "dev-a" }), /named or object parameters/);
    db.close();
    refused(() => db.prepare(sql.select), /used after close/);
    refused(() => new DatabaseSync(location, { readOnly: true }), /open options/);
  });

  it("a table holds at most fakeSqliteRowsMax rows", () => {
    bound();
    const db = new DatabaseSync(location);
    for (let i = 0; i < fakeSqliteRowsMax; i++) upsert(db, `dev-${i}`, "operator", "t");
    refused(() => upsert(db, "one-more", "operator", "t"), /device_auth_tokens is full/);
  });

  const hasNodeSqlite = Number(process.versions.node.split(".")[0]) >= 23 || (process.versions.node.startsWith("22.") && Number(process.versions.node.split(".")[1]) >= 5);
  it.runIf(hasNodeSqlite)(":memory: is this Node's own in-memory engine (2026.8.2 reads its schema contracts back from one at import)", () => {
    const db = new DatabaseSync(":memory:");
    db.exec("CREATE TABLE t (a TEXT PRIMARY KEY)");
    expect(db.prepare("PRAGMA index_list(t)").all().length).toBe(1);
    db.close();
  });
  it.runIf(!hasNodeSqlite)(":memory: is refused on a Node without node:sqlite", () => {
    refused(() => new DatabaseSync(":memory:"), /needs this Node's node:sqlite/);
  });
});

describe("sqlite-redirect: the node:sqlite loads the hook rewrites", () => {
  const url = "file:///fake-sqlite.mjs";

  it("a createRequire'd require and a getBuiltinModule probe become the fake, imported at the top", () => {
    const source = 'const require = createRequire(import.meta.url);\nconst a = require("node:sqlite");\nconst b = process.getBuiltinModule?.("node:sqlite");\nthrow new Error("needs node:sqlite");';
    const rewrite = sqliteLoadRewrite(source, url);
    expect(rewrite.kind).toBe("rewrite");
    if (rewrite.kind !== "rewrite") return;
    expect(rewrite.source.split("\n")[0]).toBe('import __clawsimFakeNodeSqlite from "file:///fake-sqlite.mjs";');
    expect(rewrite.source).toContain("const a = __clawsimFakeNodeSqlite;");
    expect(rewrite.source).toContain("const b = __clawsimFakeNodeSqlite;");
    expect(rewrite.source).toContain('"needs node:sqlite"');
  });

  it("ESM imports are left to the resolve hook; a mention is nothing; any other load is unrecognised (refused)", () => {
    expect(sqliteLoadRewrite('import { DatabaseSync } from "node:sqlite";\nawait import("node:sqlite");', url)).toEqual({ kind: "none" });
    expect(sqliteLoadRewrite('const s = "install node:sqlite"; z.literal("sqlite");', url)).toEqual({ kind: "none" });
    expect(sqliteLoadRewrite('const s = createRequire(import.meta.url)("node:sqlite");', url)).toEqual({ kind: "unrecognised", call: '("node:sqlite")' });
    expect(sqliteLoadRewrite("const s = require('node:sqlite');", url)).toEqual({ kind: "unrecognised", call: "('node:sqlite')" });
  });
});

describe("the world fails a run in which the fake refused something, even when the client caught it", () => {
  // A stand-in client (not a release) that opens a state database and swallows the refusal, as a release's
  // error handling might.
  const swallowing: RealGatewayClientModule = {
    GatewayClient: class {
      start() {
        try {
          new DatabaseSync("/home/user/.openclaw/state/openclaw.sqlite").prepare("PRAGMA integrity_check");
        } catch {
          // swallowed
        }
      }
      stop() {}
      request() {
        return Promise.resolve(undefined);
      }
    },
  };

  it("runStory rejects with the refusal", async () => {
    await expect(runStory(findStory("happy-path")!, { seed: 1n, profile: findProfile("2026.8")!, client: { kind: "real", module: swallowing } })).rejects.toThrow(
      /a real client reached the fake node:sqlite with something it does not support: clawsim: fake node:sqlite: the real client opened the database/,
    );
  });
});

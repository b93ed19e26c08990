// The `node:sqlite` an `openclaw` release's dist sees inside clawsim (ws-hook.mjs points its imports here, and
// rewrites 2026.8.x's createRequire'd `require("node:sqlite")` and `process.getBuiltinModule` probe to it).
// A database at a file location is not a database here: the fake knows exactly the statements 2026.8.2's
// device-auth store issues (select / list / upsert / fenced update / delete on `device_auth_tokens` and
// `gateway_origin_device_tokens`, its immediate write transaction, the PRAGMAs and the machine-state read around
// it), matched as whole statement texts, over rows kept in memory in the simulated state bound through
// globalThis (per location: never a file on disk). Any other statement on it, or a file location opened with no
// simulated state bound, throws a `clawsim:` harness error and is counted in the registry, which the world checks
// after each run (src/world/real-client-sqlite.ts), so a release that catches the error still fails the run.
// `:memory:` databases are computation, not state: 2026.8.2 builds its schema contracts at import by running its
// schema script in one and reading it back through PRAGMAs, which only an SQL engine answers, so they are the
// real node:sqlite's in-memory engine (no file; refused when this Node has none). Not a SQL engine itself.

const registryKey = Symbol.for("clawsim.real-client.sqlite");

/** This Node's own node:sqlite (for `:memory:` databases only), or undefined where it has none (Node 20). */
const realSqlite = (() => {
  try {
    return process.getBuiltinModule?.("node:sqlite");
  } catch {
    return undefined;
  }
})();
/** Rows per simulated table, as a bound on a store that only ever holds a device's role tokens. */
export const fakeSqliteRowsMax = 1_000;
/** Refusal messages kept (newest last); the count goes on past it. */
export const fakeSqliteRefusalsKept = 100;

function registry() {
  globalThis[registryKey] ??= { current: undefined, refusals: [], refusalCount: 0 };
  return globalThis[registryKey];
}

/** A refusal: recorded for the world's check after the run, then thrown. */
function refuse(message) {
  const text = `clawsim: fake node:sqlite: ${message}`;
  const kept = registry();
  kept.refusalCount++;
  kept.refusals.push(text);
  if (kept.refusals.length > fakeSqliteRefusalsKept) kept.refusals.shift();
  return new Error(text);
}

/** A fresh simulated state: tables per database location, kept for the life of the state (one world). */
export function createSimulatedSqliteState() {
  const databases = new Map();
  return {
    /** The tables of the database at `location` (created empty on first use). */
    tables(location) {
      let tables = databases.get(location);
      if (!tables) {
        tables = new Map(tableSpecs.map((spec) => [spec.name, new Map()]));
        databases.set(location, tables);
      }
      return tables;
    },
    locations: () => [...databases.keys()],
  };
}

const valueColumns = ["token", "scopes_json", "updated_at_ms"];
const tableSpecs = [
  { name: "device_auth_tokens", keys: ["device_id", "role"], list: true },
  { name: "gateway_origin_device_tokens", keys: ["gateway_scope", "device_id", "role"], list: false },
];

const q = (name) => `"${name}"`;
const placeholders = (n) => Array.from({ length: n }, () => "?").join(", ");
const whereKeys = (keys) => keys.map((k) => `${q(k)} = ?`).join(" and ");
const selectColumns = ["token", "role", "scopes_json", "updated_at_ms"];
const selectList = selectColumns.map(q).join(", ");

function rowKey(values) {
  return JSON.stringify(values);
}

function readRow(stored) {
  return Object.fromEntries(selectColumns.map((c) => [c, stored[c]]));
}

/** Statement text → { columns, run(tables, params) → rows | { changes } }. */
function buildStatements() {
  const statements = new Map();
  const add = (sql, columns, run) => statements.set(sql, { columns, run });
  for (const spec of tableSpecs) {
    const { name, keys } = spec;
    const n = keys.length;
    const table = (tables) => tables.get(name);
    add(`select ${selectList} from ${q(name)} where ${whereKeys(keys)}`, selectColumns, (tables, params) => {
      const found = table(tables).get(rowKey(params.slice(0, n)));
      return found ? [readRow(found)] : [];
    });
    if (spec.list) {
      add(`select ${selectList} from ${q(name)} where ${whereKeys(keys.slice(0, n - 1))} order by "role"`, selectColumns, (tables, params) => {
        const rows = [...table(tables).values()].filter((r) => keys.slice(0, n - 1).every((k, i) => r[k] === params[i]));
        return rows.sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0)).map(readRow);
      });
    }
    const insertColumns = [...keys, ...valueColumns];
    const setList = valueColumns.map((c) => `${q(c)} = ?`).join(", ");
    add(
      `insert into ${q(name)} (${insertColumns.map(q).join(", ")}) values (${placeholders(insertColumns.length)}) on conflict (${keys.map(q).join(", ")}) do update set ${setList}`,
      [],
      (tables, params) => {
        const row = Object.fromEntries(insertColumns.map((c, i) => [c, params[i]]));
        const rows = table(tables);
        const key = rowKey(params.slice(0, n));
        if (!rows.has(key) && rows.size >= fakeSqliteRowsMax) throw refuse(`${name} is full (${fakeSqliteRowsMax} rows)`);
        // On conflict the update's own parameters (after the insert's) are the new values.
        if (rows.has(key)) Object.assign(row, Object.fromEntries(valueColumns.map((c, i) => [c, params[insertColumns.length + i]])));
        rows.set(key, row);
        return { changes: 1 };
      },
    );
    add(`update ${q(name)} set ${setList} where ${whereKeys(keys)} and "token" = ?`, [], (tables, params) => {
      const key = rowKey(params.slice(valueColumns.length, valueColumns.length + n));
      const found = table(tables).get(key);
      if (!found || found.token !== params[valueColumns.length + n]) return { changes: 0 };
      valueColumns.forEach((c, i) => (found[c] = params[i]));
      return { changes: 1 };
    });
    const remove = (fenced) => (tables, params) => {
      const key = rowKey(params.slice(0, n));
      const found = table(tables).get(key);
      if (!found || (fenced && found.token !== params[n])) return { changes: 0 };
      table(tables).delete(key);
      return { changes: 1 };
    };
    add(`delete from ${q(name)} where ${whereKeys(keys)}`, [], remove(false));
    add(`delete from ${q(name)} where ${whereKeys(keys)} and "token" = ?`, [], remove(true));
  }
  // Around the store's writes: the state database's write-permission check reads this (no machine state here).
  add("SELECT value_json FROM config_machine_state WHERE state_key = ? LIMIT 1", ["value_json"], () => []);
  add("PRAGMA data_version", ["data_version"], () => [{ data_version: 1 }]);
  return statements;
}

const statements = buildStatements();

/** Whitespace collapsed, outer blanks and one trailing semicolon dropped: the text statements are matched on. */
function normalise(sql) {
  return String(sql).replace(/\s+/g, " ").trim().replace(/;$/, "").trim();
}

function shown(sql) {
  const text = normalise(sql);
  return text.length > 160 ? `${text.slice(0, 160)}...` : text;
}

export class StatementSync {
  #db;
  #sql;
  #statement;

  constructor(db, sql, statement) {
    this.#db = db;
    this.#sql = sql;
    this.#statement = statement;
  }

  get sourceSQL() {
    return this.#sql;
  }

  columns() {
    return this.#statement.columns.map((name) => ({ name, column: name, table: null, database: "main", type: null }));
  }

  #execute(params) {
    this.#db.assertOpen();
    if (params.some((p) => p !== null && typeof p === "object")) throw refuse(`named or object parameters are not supported: ${shown(this.#sql)}`);
    return this.#statement.run(this.#db.tables(), params);
  }

  #rows(params) {
    if (this.#statement.columns.length === 0) throw refuse(`a statement that returns no rows was read: ${shown(this.#sql)}`);
    return this.#execute(params);
  }

  all(...params) {
    return this.#rows(params);
  }

  get(...params) {
    return this.#rows(params)[0];
  }

  iterate(...params) {
    return this.#rows(params)[Symbol.iterator]();
  }

  run(...params) {
    if (this.#statement.columns.length > 0) {
      this.#execute(params);
      return { changes: 0, lastInsertRowid: 0 };
    }
    const { changes } = this.#execute(params);
    return { changes, lastInsertRowid: 0 };
  }
}

export class DatabaseSync {
  #location;
  #open = true;
  #tables;
  /** The tables as they were at BEGIN IMMEDIATE (restored by ROLLBACK), or undefined outside a transaction. */
  #snapshot;
  #busyTimeoutMs = 0;

  constructor(location, options) {
    if (typeof location !== "string") throw refuse(`only string locations are supported, got ${typeof location}`);
    if (options !== undefined && (options === null || typeof options !== "object" || options.readOnly === true || options.open === false)) {
      throw refuse(`open options ${JSON.stringify(options)} are not supported (${location})`);
    }
    this.#location = location;
    if (location === ":memory:") {
      if (!realSqlite?.DatabaseSync) throw refuse(`an in-memory database needs this Node's node:sqlite (Node >= 22.5), and Node ${process.versions.node} has none`);
      return options === undefined ? new realSqlite.DatabaseSync(location) : new realSqlite.DatabaseSync(location, options);
    }
    const state = registry().current;
    if (!state) throw refuse(`the real client opened the database ${location} with no simulated state bound to it`);
    this.#tables = state.tables(location);
  }

  get isOpen() {
    return this.#open;
  }

  get isTransaction() {
    return this.#snapshot !== undefined;
  }

  location() {
    return this.#location;
  }

  assertOpen() {
    if (!this.#open) throw refuse(`database ${this.#location} used after close`);
  }

  tables() {
    return this.#tables;
  }

  prepare(sql) {
    this.assertOpen();
    const text = normalise(sql);
    if (text === "PRAGMA busy_timeout") return new StatementSync(this, sql, { columns: ["timeout"], run: () => [{ timeout: this.#busyTimeoutMs }] });
    const statement = statements.get(text);
    if (!statement) throw refuse(`unsupported statement: ${shown(sql)}`);
    return new StatementSync(this, sql, statement);
  }

  exec(sql) {
    this.assertOpen();
    const parts = String(sql).split(";").map(normalise).filter((s) => s !== "");
    if (parts.length === 0) throw refuse("an empty exec");
    for (const part of parts) this.#execOne(part, sql);
  }

  #execOne(text, sql) {
    const busy = /^PRAGMA busy_timeout = (\d{1,9})$/.exec(text);
    if (busy) {
      this.#busyTimeoutMs = Number(busy[1]);
      return;
    }
    if (text === "PRAGMA foreign_keys = ON") return;
    if (text === "BEGIN IMMEDIATE") {
      if (this.#snapshot) throw refuse(`BEGIN IMMEDIATE inside a transaction (${this.#location})`);
      this.#snapshot = new Map([...this.#tables].map(([name, rows]) => [name, new Map([...rows].map(([k, r]) => [k, { ...r }]))]));
      return;
    }
    if (text === "COMMIT" || text === "ROLLBACK") {
      if (!this.#snapshot) throw refuse(`${text} outside a transaction (${this.#location})`);
      if (text === "ROLLBACK") for (const [name, rows] of this.#snapshot) this.#tables.set(name, rows);
      this.#snapshot = undefined;
      return;
    }
    throw refuse(`unsupported statement: ${shown(sql)}`);
  }

  close() {
    if (!this.#open) throw refuse(`database ${this.#location} closed twice`);
    if (this.#snapshot) throw refuse(`database ${this.#location} closed inside a transaction`);
    this.#open = false;
  }

  [Symbol.dispose]() {
    if (this.#open) this.close();
  }
}

export const constants = Object.freeze({});

export function backup() {
  throw refuse("backup() is not supported");
}

export default { DatabaseSync, StatementSync, constants, backup };

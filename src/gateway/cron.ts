// cron.* after hello: the job store's RPC surface with the release's scopes (list/status/runs read, the rest
// admin) and its params errors (`invalid cron.remove params: missing id`). Jobs are stored but never run: the
// model has no agent; `cron.run` answers `{ ok: true, ran: false, reason: "not-due" }` unless forced, and a
// forced run is recorded without executing anything. Not modelled: schedules, delivery, the run log's content.
import { ErrorCodes, methodParamsError } from "../protocol/index.ts";
import { resError, resOk } from "./responses.ts";
import type { Connection, GatewayOutput, GatewayState, StepContext } from "./types.ts";

/** Jobs the store keeps at most (a named bound; the release has none we know of). */
export const cronJobsMax = 1000;

export interface CronJob {
  readonly id: string;
  name: string;
  enabled: boolean;
  schedule: Record<string, unknown>;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

export interface CronStore {
  readonly jobs: Map<string, CronJob>;
  readonly runs: Map<string, { ts: number; status: string }[]>;
}

export function emptyCronStore(): CronStore {
  return { jobs: new Map(), runs: new Map() };
}

export const cronMethods = ["cron.list", "cron.status", "cron.add", "cron.update", "cron.remove", "cron.run", "cron.runs"] as const;

type Params = Record<string, unknown>;

export function handleCronMethod(state: GatewayState, conn: Connection, id: string, method: string, params: Params, ctx: StepContext): GatewayOutput[] {
  const bad = (message: string) => [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message })];
  const invalid = methodParamsError(method, params);
  if (invalid) return bad(invalid);
  const store = state.cron;
  const jobId = typeof params["id"] === "string" ? params["id"] : typeof params["jobId"] === "string" ? params["jobId"] : undefined;
  switch (method) {
    case "cron.list": {
      const all = [...store.jobs.values()];
      return [resOk(conn.connId, id, { jobs: params["includeDisabled"] === true ? all : all.filter((j) => j.enabled) })];
    }
    case "cron.status":
      return [resOk(conn.connId, id, { enabled: true, storePath: `${state.config.stateDir}/cron/jobs.json`, jobs: store.jobs.size, nextWakeAtMs: null })];
    case "cron.add":
      return add(state, params, ctx, (payload) => [resOk(conn.connId, id, payload)], bad);
    default:
      break;
  }
  if (!jobId) return bad(`invalid ${method} params: missing id`);
  const job = store.jobs.get(jobId);
  switch (method) {
    case "cron.update":
      if (!job) return bad(`unknown cron job id: ${jobId}`);
      Object.assign(job, pickPatch(params["patch"] as Params), { updatedAtMs: ctx.nowMs });
      return [resOk(conn.connId, id, job)];
    case "cron.remove":
      return [resOk(conn.connId, id, { ok: true, removed: store.jobs.delete(jobId) })];
    case "cron.run":
      return [resOk(conn.connId, id, run(store, jobId, job, params["mode"] === "due" ? "due" : "force", ctx.nowMs))];
    case "cron.runs":
      return [resOk(conn.connId, id, { entries: [...(store.runs.get(jobId) ?? [])] })];
    default:
      return bad(`unknown method: ${method}`);
  }
}

function add(state: GatewayState, params: Params, ctx: StepContext, ok: (p: object) => GatewayOutput[], bad: (m: string) => GatewayOutput[]): GatewayOutput[] {
  if (state.cron.jobs.size >= cronJobsMax) return bad("cron job limit reached");
  const job: CronJob = {
    id: `job-${ctx.prng.nextU32().toString(16).padStart(8, "0")}`,
    name: params["name"] as string,
    enabled: params["enabled"] !== false,
    schedule: { ...(params["schedule"] as Params) },
    createdAtMs: ctx.nowMs,
    updatedAtMs: ctx.nowMs,
  };
  state.cron.jobs.set(job.id, job);
  return ok(job);
}

function pickPatch(patch: Params): Partial<CronJob> {
  const out: Partial<CronJob> = {};
  if (typeof patch["name"] === "string") out.name = patch["name"];
  if (typeof patch["enabled"] === "boolean") out.enabled = patch["enabled"];
  if (patch["schedule"] !== null && typeof patch["schedule"] === "object") out.schedule = { ...(patch["schedule"] as Params) };
  return out;
}

function run(store: CronStore, jobId: string, job: CronJob | undefined, mode: "due" | "force", nowMs: number): object {
  if (!job) return { ok: true, ran: false, reason: "not-found" };
  if (mode === "due") return { ok: true, ran: false, reason: "not-due" };
  const runs = store.runs.get(jobId) ?? [];
  runs.push({ ts: nowMs, status: "skipped" });
  store.runs.set(jobId, runs.slice(-cronJobsMax));
  return { ok: true, ran: true };
}

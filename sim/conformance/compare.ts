// Field-by-field comparison of one attempt's real and model outcomes: the oracle's compareOutcomes (ok, codes,
// messages, details, hints, closes, upgrade status, RPC results) plus what hello-ok granted (auth method, role,
// scopes, whether a device token was issued). Pure; it does not decide who is right.
import type { Outcome } from "../oracle/attempt.ts";
import { compareOutcomes, type Divergence } from "../oracle/model-replay.ts";

export type { Divergence };

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function helloFields(o: Outcome): Record<string, unknown> {
  if (o.response?.ok !== true) return {};
  const auth = record(o.response.helloOk?.auth);
  const scopes = Array.isArray(auth["scopes"]) ? [...(auth["scopes"] as unknown[])].map(String).sort() : auth["scopes"];
  return {
    "hello.auth.method": auth["method"],
    "hello.auth.role": auth["role"],
    "hello.auth.scopes": scopes,
    "hello.auth.deviceToken": typeof auth["deviceToken"] === "string" ? "issued" : "none",
  };
}

/** Divergences of one attempt; `run` names the comparison (e.g. "conformance" or "shrink"). */
export function compareAttempt(run: string, attempt: string, real: Outcome, model: Outcome): Divergence[] {
  const out = compareOutcomes(run, attempt, real, model);
  // When only one side said hello-ok, the `ok` field already says so; hello fields would only repeat it.
  if (real.response?.ok !== true || model.response?.ok !== true) return out;
  const a = helloFields(real);
  const b = helloFields(model);
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push({ run, attempt, field: key, real: a[key], model: b[key] });
  }
  return out;
}

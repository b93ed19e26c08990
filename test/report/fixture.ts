// A hand-built RunResult for the reporter tests: a CLI client on a laptop and a gateway on another host;
// one connect refused with PAIRING_REQUIRED and closed 1008, an operator approval, a partition (fault band)
// that drops an upgrade, a reconnect that gets hello-ok, a tick, and a correctness finding. Frame text and
// reasons carry markup and Mermaid-hostile characters on purpose.
import { Trace, type TraceEvent, type TraceKind } from "../../src/kernel/index.ts";
import type { Finding, RunResult } from "../../src/scenario/result.ts";

export const hostile = `<img src=x onerror="alert(1)"> #1; "quoted" | pipe`;

interface Builder {
  at(ms: number): void;
  rec(actor: string, kind: TraceKind, data?: Record<string, unknown>): TraceEvent;
}

function builder(trace: Trace): Builder {
  let now = 0;
  return {
    at(ms) {
      now = ms;
    },
    rec(actor, kind, data = {}) {
      return trace.record(now, actor, kind, data);
    },
  };
}

function packet(connId: string, dir: "c2s" | "s2c", n: number, kind: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { connId, dir, n, packet: kind, ...extra };
}

function frame(connId: string, dir: "c2s" | "s2c", n: number, body: unknown): Record<string, unknown> {
  const text = JSON.stringify(body);
  return packet(connId, dir, n, "frame", { bytes: text.length, text });
}

function open(b: Builder, connId: string): void {
  b.rec(connId, "conn.open", { connId, side: "client", from: "laptop", url: "ws://gateway-host:18789/", to: "gateway-host", headers: { host: "gateway-host:18789" }, remoteAddress: "192.0.2.11", localAddress: "192.0.2.10", localPort: 18789 });
  b.rec(connId, "frame.send", packet(connId, "c2s", 1, "upgrade"));
}

function handshake(b: Builder, connId: string, t: number): void {
  b.at(t + 1);
  b.rec(connId, "frame.deliver", packet(connId, "c2s", 1, "upgrade"));
  b.rec(connId, "conn.accept", { connId, side: "server" });
  b.rec(connId, "frame.send", packet(connId, "s2c", 1, "upgrade-response", { outcome: "accept" }));
  const challenge = { type: "event", event: "connect.challenge", payload: { nonce: "062f93a2-56c5-458e-b4e7-45f962e0ce21", ts: 1772323201001 } };
  b.rec(connId, "frame.send", frame(connId, "s2c", 2, challenge));
  b.at(t + 2);
  b.rec(connId, "frame.deliver", packet(connId, "s2c", 1, "upgrade-response", { outcome: "accept" }));
  b.rec(connId, "conn.accept", { connId, side: "client" });
  b.rec(connId, "frame.deliver", frame(connId, "s2c", 2, challenge));
  const connect = { type: "req", id: "connect-1", method: "connect", params: { role: "operator", scopes: ["operator.read"], client: { id: "cli" }, auth: { token: "tok" }, device: { id: "dev" } } };
  b.rec("cli", "client", { event: "connect-attempt", connId, attempt: 1 });
  b.rec(connId, "frame.send", frame(connId, "c2s", 2, connect));
  b.at(t + 3);
  b.rec(connId, "frame.deliver", frame(connId, "c2s", 2, connect));
}

export function sampleEvents(): { trace: Trace; findingEvent: TraceEvent; closeEvent: TraceEvent } {
  const trace = new Trace();
  const b = builder(trace);
  b.rec("world", "run.start", { seed: "424242", profile: "2026.3" });
  b.rec("gateway-host", "host", { what: "net.host", kind: "lan", addresses: ["192.0.2.10"] });
  b.rec("laptop", "host", { what: "net.host", kind: "lan", addresses: ["192.0.2.11"] });
  b.rec("gateway", "gateway", { event: "process.start", port: 18789 });
  b.at(1000);
  open(b, "c1");
  handshake(b, "c1", 1000);
  b.rec("gateway", "gateway", { event: "pairing.required", connId: "c1", deviceId: "34750f98bd59fcfc946da45aaabe933be154a4b5094e1c4abf42866505f3c97e", reason: "not-paired", requestId: "req-7" });
  const refusal = { type: "res", id: "connect-1", ok: false, error: { code: "NOT_PAIRED", message: "pairing required", details: { code: "PAIRING_REQUIRED", requestId: "req-7" } } };
  b.rec("c1", "frame.send", frame("c1", "s2c", 3, refusal));
  b.rec("c1", "frame.send", packet("c1", "s2c", 4, "close", { code: 1008, reason: hostile }));
  b.at(1004);
  b.rec("c1", "frame.deliver", frame("c1", "s2c", 3, refusal));
  b.rec("cli", "client", { event: "connect-error", connId: "c1", code: "NOT_PAIRED", detailCode: "PAIRING_REQUIRED", message: "pairing required" });
  b.rec("c1", "frame.deliver", packet("c1", "s2c", 4, "close", { code: 1008, reason: hostile }));
  const closeEvent = b.rec("c1", "close", { connId: "c1", side: "client", code: 1008, reason: hostile, wasClean: true });
  b.at(2000);
  b.rec("operator", "operator", { command: "openclaw devices approve req-7" });
  b.rec("net", "fault", { rule: "partition(laptop,gateway-host)", action: "add", ruleId: 1 });
  b.at(2500);
  open(b, "c2");
  b.rec("c2", "fault", { rule: "partition(laptop,gateway-host)", verdict: "drop", connId: "c2", dir: "c2s", n: 1, packet: "upgrade", from: "laptop", to: "gateway-host" });
  b.rec("c2", "frame.drop", packet("c2", "c2s", 1, "upgrade", { reason: "fault" }));
  b.at(12500);
  b.rec("c2", "conn.refused", { connId: "c2", side: "client", error: "ETIMEDOUT", target: "192.0.2.10:18789" });
  b.rec("c2", "close", { connId: "c2", side: "client", code: 1006, reason: "", wasClean: false });
  b.rec("cli", "client", { event: "reconnect-scheduled", delayMs: 1000, attempt: 2 });
  b.rec("net", "fault", { rule: "partition(laptop,gateway-host)", action: "remove", ruleId: 1, released: 0 });
  b.at(13500);
  open(b, "c3");
  handshake(b, "c3", 13500);
  const hello = { type: "res", id: "connect-1", ok: true, payload: { type: "hello-ok", protocol: 3, auth: { deviceToken: "dt-1", role: "operator", scopes: ["operator.read"] } } };
  b.rec("gateway", "gateway", { event: "connect.hello", connId: "c3", role: "operator", scopes: ["operator.read"], method: "token" });
  b.rec("c3", "frame.send", frame("c3", "s2c", 3, hello));
  b.at(13504);
  const findingEvent = b.rec("c3", "frame.deliver", frame("c3", "s2c", 3, hello));
  b.at(43504);
  const tick = { type: "event", event: "tick", payload: { ts: 1 } };
  b.rec("c3", "frame.send", frame("c3", "s2c", 4, tick));
  b.at(43505);
  b.rec("c3", "frame.deliver", frame("c3", "s2c", 4, tick));
  b.rec("world", "check", { what: "device-token.single-issuer", ok: false });
  return { trace, findingEvent, closeEvent };
}

export function sampleResult(overrides: Partial<RunResult> = {}): RunResult {
  const { trace, findingEvent } = sampleEvents();
  const finding: Finding = {
    kind: "correctness",
    invariant: "device-token-single-issuer",
    message: `hello-ok issued a second device token for device 34750f98 while ${hostile} was still valid`,
    firstEventIndex: findingEvent.i,
    atMs: findingEvent.atMs,
    actor: findingEvent.actor,
  };
  const events = trace.events;
  const last = events[events.length - 1]!;
  return {
    scenario: "pairing-then-partition",
    description: "a CLI on a laptop pairs with the gateway, loses the link for ten seconds, reconnects",
    profile: "2026.3",
    seed: "424242",
    version: "0.1.0",
    outcome: { kind: "quiescent", steps: 57, atMs: last.atMs },
    verdict: "fail",
    expected: "pass",
    findings: [finding],
    traceHash: trace.hash(),
    events,
    actors: ["world", "gateway-host", "laptop", "gateway", "c1", "cli", "operator", "net", "c2", "c3"],
    stats: { steps: 57, virtualMs: last.atMs, frames: 9, connects: 3 },
    replayCommand: "pnpm sim pairing-then-partition --seed 424242 --profile 2026.3",
    source: { kind: "library" },
    ...overrides,
  };
}

/** Many short connections (challenge, connect, hello-ok, close) and a finding at connection `findingAt`. */
export function longResult(connections: number, findingAt: number): RunResult {
  const trace = new Trace();
  const b = builder(trace);
  b.rec("gateway", "gateway", { event: "process.start", port: 18789 });
  let findingIndex = -1;
  for (let k = 1; k <= connections; k++) {
    const connId = `c${k}`;
    const t = k * 100;
    b.at(t);
    open(b, connId);
    handshake(b, connId, t);
    const hello = { type: "res", id: "connect-1", ok: true, payload: { type: "hello-ok", protocol: 3 } };
    b.rec(connId, "frame.send", frame(connId, "s2c", 3, hello));
    b.at(t + 4);
    const delivered = b.rec(connId, "frame.deliver", frame(connId, "s2c", 3, hello));
    if (k === findingAt) findingIndex = delivered.i;
  }
  const events = trace.events;
  const last = events[events.length - 1]!;
  return sampleResult({
    scenario: "many-connects",
    events,
    traceHash: trace.hash(),
    actors: [...new Set(events.map((e) => e.actor))],
    findings: [{ kind: "liveness", invariant: "retries-bounded", message: `connection ${findingAt} was one too many`, firstEventIndex: findingIndex }],
    outcome: { kind: "budget-exceeded", budget: "virtual-time", steps: events.length, atMs: last.atMs },
    stats: { steps: events.length, virtualMs: last.atMs, frames: connections * 3, connects: connections },
  });
}

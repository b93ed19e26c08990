// One gateway-protocol frame (the JSON text carried by a frame.* trace event) reduced to a short label and a
// tone: `connect (operator, token+device)`, `hello-ok`, `error NOT_PAIRED/PAIRING_REQUIRED`, `event tick`.
// It reads the text only; it never decides whether the frame was right.
import { isRecord, num, rec, str, strings, truncate, type Data } from "./fields.ts";
import { cutAtWord } from "./wrap.ts";

/** ok: a successful answer; error: a refused one; muted: heartbeat noise (ticks). */
export type Tone = "ok" | "error" | "warn" | "info" | "muted";

export type FrameClass = "connect-req" | "connect-res" | "req" | "res" | "event" | "tick" | "text";

export interface FrameSummary {
  readonly frameClass: FrameClass;
  readonly label: string;
  readonly tone: Tone;
  /** The request id for req/res frames (to pair a response with its method). */
  readonly requestId?: string;
  readonly method?: string;
}

const labelCharsMax = 160;

/** `methodOf` answers which method a response id belonged to (from the request seen earlier), if known. */
export function summariseFrame(text: string, methodOf: (requestId: string) => string | undefined = () => undefined): FrameSummary {
  const frame = parseObject(text);
  if (!frame) return { frameClass: "text", label: `text ${truncate(text, 40)}`, tone: "info" };
  switch (str(frame, "type")) {
    case "req":
      return summariseRequest(frame);
    case "res":
      return summariseResponse(frame, methodOf);
    case "event":
      return summariseEvent(frame);
    default:
      return { frameClass: "text", label: cutAtWord(`frame ${str(frame, "type") ?? "?"}`, labelCharsMax), tone: "info" };
  }
}

function parseObject(text: string): Data | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function summariseRequest(frame: Data): FrameSummary {
  const method = str(frame, "method") ?? "?";
  const requestId = str(frame, "id");
  const params = rec(frame, "params");
  if (method !== "connect") {
    return { frameClass: "req", label: cutAtWord(`req ${method}`, labelCharsMax), tone: "info", requestId, method };
  }
  const parts: string[] = [];
  const role = str(params, "role");
  if (role) parts.push(role);
  const clientId = str(rec(params, "client"), "id");
  if (clientId) parts.push(`client ${clientId}`);
  const auth = rec(params, "auth");
  const credentials = auth ? Object.keys(auth).filter((k) => auth[k] !== undefined && auth[k] !== null) : [];
  if (rec(params, "device")) credentials.push("device");
  parts.push(credentials.length > 0 ? credentials.join("+") : "no credentials");
  const scopes = strings(params, "scopes");
  if (scopes && scopes.length > 0) parts.push(`scopes ${scopes.join(",")}`);
  return { frameClass: "connect-req", label: cutAtWord(`connect (${parts.join(", ")})`, labelCharsMax), tone: "info", requestId, method };
}

function summariseResponse(frame: Data, methodOf: (requestId: string) => string | undefined): FrameSummary {
  const requestId = str(frame, "id");
  const payload = rec(frame, "payload");
  const method = (requestId !== undefined ? methodOf(requestId) : undefined) ?? (str(payload, "type") === "hello-ok" ? "connect" : undefined);
  const frameClass: FrameClass = method === "connect" ? "connect-res" : "res";
  const prefix = method && method !== "connect" ? `${method}: ` : "";
  if (frame["ok"] === true) {
    if (str(payload, "type") === "hello-ok") {
      const issued = str(rec(payload, "auth"), "deviceToken") !== undefined;
      return { frameClass, label: `hello-ok${issued ? " (device token issued)" : ""}`, tone: "ok", requestId, method };
    }
    return { frameClass, label: `${prefix}ok`, tone: "ok", requestId, method };
  }
  const error = rec(frame, "error");
  const code = str(error, "code") ?? "?";
  const detail = str(rec(error, "details"), "code");
  const retryAfterMs = num(error, "retryAfterMs");
  const retry = retryAfterMs !== undefined ? ` retry after ${retryAfterMs}ms` : "";
  const label = `${prefix}error ${code}${detail ? `/${detail}` : ""}${retry}`;
  return { frameClass, label: cutAtWord(label, labelCharsMax), tone: "error", requestId, method };
}

function summariseEvent(frame: Data): FrameSummary {
  const name = str(frame, "event") ?? "?";
  if (name === "tick") return { frameClass: "tick", label: "event tick", tone: "muted" };
  const payload = rec(frame, "payload");
  const reason = str(payload, "reason");
  const extra = reason ? ` (${reason})` : "";
  const tone: Tone = name === "shutdown" ? "warn" : "info";
  return { frameClass: "event", label: cutAtWord(`event ${name}${extra}`, labelCharsMax), tone };
}

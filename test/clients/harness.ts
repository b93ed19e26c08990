// Test harness for the client reducer: drives clientStep with hand-written gateway frames and a tiny
// virtual timer list (timer-set replaces, timer-cancel removes, advance() fires due timers in order).
import { identityFromSeed, type DeviceIdentity } from "../../src/crypto/index.ts";
import { Prng } from "../../src/kernel/index.ts";
import { findProfile, type ClientSwitches } from "../../src/profiles/index.ts";
import {
  clientStep,
  createClientState,
  type ClientEvent,
  type ClientEventName,
  type ClientInput,
  type ClientOptions,
  type ClientOutput,
  type ClientState,
} from "../../src/clients/index.ts";

export const T0 = 1_760_000_000_000;

export function switchesOf(profile: string, overrides: Partial<ClientSwitches> = {}): ClientSwitches {
  const p = findProfile(profile);
  if (!p) throw new Error(`no profile ${profile}`);
  return { ...p.client, ...overrides };
}

export function testIdentity(n = 1): DeviceIdentity {
  return identityFromSeed(new Uint8Array(32).fill(n));
}

type EventData<N extends ClientEventName> = Extract<ClientEvent, { name: N }>["data"];

export type HarnessOptions = Partial<ClientOptions> & { profile?: string; seed?: bigint };

export interface ConnectRequest {
  id: string;
  method: string;
  params: {
    minProtocol: number;
    maxProtocol: number;
    client: Record<string, unknown>;
    role?: string;
    scopes?: string[];
    caps?: string[];
    commands?: string[];
    auth?: { token?: string; deviceToken?: string; password?: string; bootstrapToken?: string };
    device?: { id: string; publicKey: string; signature: string; signedAt: number; nonce: string };
  };
}

export class ClientHarness {
  readonly state: ClientState;
  readonly prng: Prng;
  nowMs = T0;
  readonly log: ClientOutput[] = [];
  readonly timers = new Map<string, number>();
  private nonceCount = 0;

  constructor(options: HarnessOptions = {}) {
    const { profile = "2026.3", seed = 7n, ...rest } = options;
    this.prng = new Prng(seed, "client:test");
    this.state = createClientState({
      kind: "backend",
      url: "ws://127.0.0.1:18789",
      identity: testIdentity(),
      switches: switchesOf(profile),
      ...rest,
    });
  }

  step(input: ClientInput): ClientOutput[] {
    const outputs = clientStep(this.state, input, { nowMs: this.nowMs, prng: this.prng });
    for (const o of outputs) {
      if (o.kind === "timer-set") this.timers.set(o.key, this.nowMs + o.delayMs);
      if (o.kind === "timer-cancel") this.timers.delete(o.key);
    }
    this.log.push(...outputs);
    return outputs;
  }

  /** Fires every timer due within `ms`, in time order, then sets the clock to now + ms. */
  advance(ms: number): ClientOutput[] {
    const target = this.nowMs + ms;
    const out: ClientOutput[] = [];
    for (;;) {
      const due = [...this.timers.entries()].filter(([, at]) => at <= target).sort((a, b) => a[1] - b[1])[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.nowMs = due[1];
      out.push(...this.step({ kind: "timer", key: due[0] }));
    }
    this.nowMs = target;
    return out;
  }

  events<N extends ClientEventName>(name: N): EventData<N>[] {
    const out: EventData<N>[] = [];
    for (const o of this.log) if (o.kind === "event" && o.name === name) out.push(o.data as EventData<N>);
    return out;
  }

  outputsOf<K extends ClientOutput["kind"]>(kind: K): Extract<ClientOutput, { kind: K }>[] {
    return this.log.filter((o): o is Extract<ClientOutput, { kind: K }> => o.kind === kind);
  }

  /** Socket opened and challenged: returns the connect request the client sent. */
  openAndChallenge(nonce = `nonce-${++this.nonceCount}`): ConnectRequest {
    this.step({ kind: "ws-open" });
    const out = this.step({ kind: "ws-message", text: challenge(nonce) });
    const sent = out.find((o) => o.kind === "ws-send");
    if (!sent || sent.kind !== "ws-send") throw new Error(`no connect sent: ${JSON.stringify(out)}`);
    return JSON.parse(sent.text) as ConnectRequest;
  }

  /** start (first time) and the first handshake. */
  connect(): ConnectRequest {
    this.step({ kind: "start" });
    return this.openAndChallenge();
  }

  /** Gateway refuses `req` with a coded error and closes 1008 with the message. */
  refuse(req: ConnectRequest, error: { code?: string; message: string; details?: Record<string, unknown> }): ClientOutput[] {
    const out = this.step({ kind: "ws-message", text: errorRes(req.id, error) });
    return [...out, ...this.step({ kind: "ws-close", code: 1008, reason: error.message.slice(0, 120) })];
  }

  hello(req: ConnectRequest, auth?: Record<string, unknown>, tickIntervalMs = 30_000): ClientOutput[] {
    return this.step({ kind: "ws-message", text: helloRes(req.id, auth, tickIntervalMs) });
  }

  /** Runs time forward until the client opens its next socket; returns the connect request. */
  nextAttempt(): ConnectRequest {
    const before = this.outputsOf("ws-connect").length;
    this.advance(this.timers.get("reconnect")! - this.nowMs);
    if (this.outputsOf("ws-connect").length !== before + 1) throw new Error("no reconnect happened");
    return this.openAndChallenge();
  }
}

export function challenge(nonce: unknown): string {
  return JSON.stringify({ type: "event", event: "connect.challenge", payload: { nonce, ts: T0 } });
}

export function errorRes(id: string, error: { code?: string; message: string; details?: Record<string, unknown> }): string {
  return JSON.stringify({ type: "res", id, ok: false, error: { code: error.code ?? "INVALID_REQUEST", message: error.message, details: error.details } });
}

export function helloRes(id: string, auth: Record<string, unknown> | undefined, tickIntervalMs: number): string {
  const payload: Record<string, unknown> = {
    type: "hello-ok",
    protocol: 3,
    server: { version: "test", connId: "c1" },
    features: { methods: [], events: [] },
    snapshot: { presence: [], health: {}, stateVersion: { presence: 0, health: 0 } },
    policy: { maxPayload: 1, maxBufferedBytes: 1, tickIntervalMs },
  };
  if (auth) payload["auth"] = auth;
  return JSON.stringify({ type: "res", id, ok: true, payload });
}

export const tokenMismatch = {
  message: "unauthorized: gateway token mismatch (provide gateway auth token)",
  details: { code: "AUTH_TOKEN_MISMATCH", authReason: "token_mismatch", canRetryWithDeviceToken: true, recommendedNextStep: "retry_with_device_token" },
};

export const tokenMismatchNoHint = {
  message: "unauthorized: gateway token mismatch (provide gateway auth token)",
  details: { code: "AUTH_TOKEN_MISMATCH", authReason: "token_mismatch", canRetryWithDeviceToken: false, recommendedNextStep: "update_auth_credentials" },
};

export const deviceTokenMismatch = {
  message: "unauthorized: device token mismatch (rotate/reissue device token)",
  details: { code: "AUTH_DEVICE_TOKEN_MISMATCH", authReason: "device_token_mismatch", canRetryWithDeviceToken: false, recommendedNextStep: "update_auth_credentials" },
};

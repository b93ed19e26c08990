// The two oracles a conformance run compares: anything that runs an Attempt and reports its Outcome. The real
// side is the oracle driver over real loopback sockets, restarting the real gateway's process when an attempt
// asks for it; the model side is one simulated World (token auth, one gateway, attempts from its own host) that
// keeps its state from attempt to attempt, like the real gateway, and restarts its gateway alike.
import { World, type Profile } from "../../src/index.ts";
import type { GatewayConfigInput } from "../../src/world/index.ts";
import type { Attempt, Outcome } from "../oracle/attempt.ts";

/** Runs one attempt and reports what came back. State carries over between calls. */
export interface AttemptOracle {
  run(attempt: Attempt): Promise<Outcome>;
}

const modelPort = 18789;
export const modelToken = "conformance-model-gateway-token";
const modelHost = "gw";
/** One attempt may take this long in virtual time (the failure delay is at most 5 s, the handshake 15 s). */
const attemptVirtualMsMax = 60_000;

export interface ModelSideOptions {
  readonly profile: Profile;
  /** Identity name → seed hex; read at each attempt, so names added later resolve too. */
  readonly identities: Readonly<Record<string, string>>;
  /** Wall ms since the real run started: the model's clock is moved forward to keep up (pending-request and
   *  limiter windows then age alike). Absent: virtual time moves only as attempts take it. */
  readonly wallElapsedMs?: () => number;
  /** The gateway's configuration; its shared secret must be the model token (default: token auth). */
  readonly config?: GatewayConfigInput;
  /** What `{{gatewayToken}}` stands for in attempts (default the model token). */
  readonly token?: string;
  /** Wall ms (as wallElapsedMs counts) when the real gateway served again after its latest restart: the model's
   *  gateway is started again then (less the release's start-up unavailability). Absent: at once. */
  readonly restartReadyWallMs?: () => number;
}

/** What the real side needs of a gateway to restart it (sim/oracle/real-gateway.ts's RealGateway, or a fake). */
export interface RestartableGateway {
  restart(): Promise<unknown>;
}

/** The real side: attempts go through `driver`; an attempt with `gatewayRestart` restarts the process first. */
export class RealSide implements AttemptOracle {
  /** Wall ms (wallElapsedMs) when the gateway served again after its latest restart. */
  lastReadyWallMs = 0;

  constructor(
    private readonly gateway: RestartableGateway,
    private readonly driver: AttemptOracle,
    private readonly wallElapsedMs: () => number,
  ) {}

  async run(attempt: Attempt): Promise<Outcome> {
    if (attempt.gatewayRestart === true) {
      await this.gateway.restart();
      this.lastReadyWallMs = Math.round(this.wallElapsedMs());
    }
    return this.driver.run(attempt);
  }
}

/**
 * The model's gateway stopped as a service restart stops it (shutdown, sockets closed, memory lost, the pairing
 * store kept) and started again so that it serves from `readyAtMs` on (virtual ms): started `startupUnavailableMs`
 * before it, or now if that has passed. Shared by the live model side and fixture replay.
 */
export function restartModelGateway(world: World, name: string, readyAtMs: number, startupUnavailableMs: number): void {
  const node = world.gateway(name);
  node.stop("service restart");
  const startAt = readyAtMs - startupUnavailableMs;
  const nowMs = world.scheduler.nowMs();
  if (startAt > nowMs) world.runFor(startAt - nowMs);
  node.start();
  if (startupUnavailableMs > 0) world.runFor(startupUnavailableMs);
}

/** The simulated gateway under a profile, as an AttemptOracle. */
export class ModelSide implements AttemptOracle {
  private readonly world: World;
  private readonly startMs: number;
  /** The wall ms the model's clock was last brought up to (what a fixture records as the attempt's time). */
  lastWallMs = 0;

  constructor(private readonly options: ModelSideOptions) {
    this.world = new World({ seed: 1n, profile: options.profile });
    this.world.addHost({ name: modelHost, kind: "lan" });
    this.world.addGateway({ name: "gateway", host: modelHost, port: modelPort, bind: "loopback", config: options.config ?? { auth: { mode: "token", token: modelToken } } });
    this.world.runFor(options.profile.gateway.startupUnavailableMs ?? 0);
    this.startMs = this.world.scheduler.nowMs();
  }

  async run(attempt: Attempt): Promise<Outcome> {
    if (attempt.gatewayRestart === true) {
      const readyWallMs = this.options.restartReadyWallMs?.() ?? this.world.scheduler.nowMs() - this.startMs;
      restartModelGateway(this.world, "gateway", this.startMs + readyWallMs, this.options.profile.gateway.startupUnavailableMs ?? 0);
    }
    this.keepUpWithWallClock();
    const handle = this.world.attempt({
      fromHost: modelHost,
      url: `ws://127.0.0.1:${modelPort}`,
      port: modelPort,
      gatewayToken: this.options.token ?? modelToken,
      identities: { ...this.options.identities },
      attempt,
    });
    this.world.runUntil(() => handle.outcome !== undefined, attemptVirtualMsMax);
    return handle.outcome ?? { challenge: null, response: null, close: null, elapsedMs: attemptVirtualMsMax, events: [], notes: ["model: no outcome within the virtual time limit"] };
  }

  private keepUpWithWallClock(): void {
    if (this.options.wallElapsedMs === undefined) return;
    this.lastWallMs = Math.round(this.options.wallElapsedMs());
    const behindMs = this.startMs + this.lastWallMs - this.world.scheduler.nowMs();
    if (behindMs > 0) this.world.runFor(behindMs);
  }
}

// gatewayProcess: what happens to the gateway's process.
//   supervise         run under a supervisor (systemd `Restart=always`, `RestartSec=5` in the unit the model
//                     installs): after a crash or a failed start it is started again `restartSecMs` later
//   crash             SIGKILL (peers see 1006); a supervisor brings it back
//   restart           in-process restart: shutdown event, close 1012, start again after `downMs`
//   restart-draining  in-process restart whose port stays bound until every peer acked the close, at most
//                     `drainMsMax`; a start meanwhile fails with EADDRINUSE (pair with a slow-close fault on a
//                     peer that never acks; a supervisor retries)
// `{ gatewayProcess: { action: restart-draining, drainMsMax: 30000, downMs: 1000 } }`
import { slowClose } from "../../../net/index.ts";
import { defineStepKind } from "../step-kind.ts";
import { checkGatewayName, standardGatewayName } from "../standard-world.ts";

/** systemd RestartSec of the unit the model installs. */
export const supervisorRestartSecMsDefault = 5_000;
/** How many times a supervisor respawns in one run (a named bound; systemd's StartLimitBurst is not modelled). */
export const supervisorRespawnCountMaxDefault = 10;

export interface GatewayProcessStep {
  action: "supervise" | "crash" | "restart" | "restart-draining";
  gateway?: string;
  restartSecMs?: number;
  respawnCountMax?: number;
  downMs?: number;
  drainMsMax?: number;
  /** restart-draining: these clients' hosts never ack a close (their close frames are held until `heal`). */
  peersNeverAck?: string[];
}

export const gatewayProcessKind = defineStepKind({
  kind: "gatewayProcess",
  schema: {
    type: "object",
    required: ["action"],
    properties: {
      action: { enum: ["supervise", "crash", "restart", "restart-draining"] },
      gateway: { type: "string" },
      restartSecMs: { type: "integer", minimum: 0 },
      respawnCountMax: { type: "integer", minimum: 0 },
      downMs: { type: "integer", minimum: 0 },
      drainMsMax: { type: "integer", minimum: 1 },
      peersNeverAck: { type: "array", items: { type: "string" } },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const s = step.gatewayProcess;
    checkGatewayName(s.gateway, model, at, true);
    if (s.action !== "supervise" && (s.restartSecMs !== undefined || s.respawnCountMax !== undefined)) model.problem(`${at}/restartSecMs`, "restartSecMs and respawnCountMax belong to supervise");
    if (s.action !== "restart-draining" && (s.drainMsMax !== undefined || s.peersNeverAck !== undefined)) {
      model.problem(`${at}/drainMsMax`, "drainMsMax and peersNeverAck belong to restart-draining");
    }
    (s.peersNeverAck ?? []).forEach((name, i) => {
      if (!model.clients.has(name)) model.problem(`${at}/peersNeverAck/${i}`, `no client named '${name}' was started before`);
    });
  },
  run(step, env) {
    const s = step.gatewayProcess;
    const gateway = env.world.gateway(s.gateway ?? standardGatewayName);
    switch (s.action) {
      case "supervise":
        return gateway.supervise({ restartSecMs: s.restartSecMs ?? supervisorRestartSecMsDefault, respawnCountMax: s.respawnCountMax ?? supervisorRespawnCountMaxDefault });
      case "crash":
        return gateway.crashSupervised();
      case "restart":
        return gateway.restart(undefined, s.downMs ?? 0);
      case "restart-draining": {
        for (const name of s.peersNeverAck ?? []) {
          const host = env.world.clients.get(name)?.options.host;
          if (host) env.rules.push(env.world.network.addRule(slowClose({ fromHost: host })));
        }
        gateway.stopDraining("service restart", s.drainMsMax ?? 30_000);
        env.world.scheduler.schedule(s.downMs ?? 0, { actor: gateway.name, label: "restart", traced: true }, () => gateway.startAgain(true));
        return;
      }
    }
  },
  print: (step) => `gateway process ${step.gatewayProcess.action}`,
});

// clientLife: something happens to a simulated client's process or its files on its host.
//   force-stop        SIGKILL: no close frame; the gateway sees the socket reset
//   relaunch          quit and start again, reading its files afresh
//   upgrade           relaunch as another release's client (`profile`)
//   delete-device-auth / corrupt-device-auth   ~/.openclaw/identity/device-auth.json removed / unparseable
//   delete-identity / corrupt-identity / regenerate-identity   the next launch makes a new key pair (relaunches)
// `{ clientLife: { client: tui, action: upgrade, profile: "2026.9" } }`
import { findProfile, profiles } from "../../../profiles/index.ts";
import {
  corruptDeviceAuthFile,
  deleteDeviceAuthFile,
  forceStopClient,
  regenerateIdentity,
  relaunchClient,
} from "../../../world/index.ts";
import { defineStepKind } from "../step-kind.ts";

export const clientLifeActions = [
  "force-stop",
  "relaunch",
  "upgrade",
  "delete-device-auth",
  "corrupt-device-auth",
  "delete-identity",
  "corrupt-identity",
  "regenerate-identity",
] as const;

export interface ClientLifeStep {
  client: string;
  action: (typeof clientLifeActions)[number];
  /** upgrade: the release the client becomes. */
  profile?: string;
}

export const clientLifeKind = defineStepKind({
  kind: "clientLife",
  schema: {
    type: "object",
    required: ["client", "action"],
    properties: { client: { type: "string" }, action: { enum: clientLifeActions }, profile: { type: "string" } },
    additionalProperties: false,
  },
  check(step, model, at) {
    const s = step.clientLife;
    if (!model.clients.has(s.client)) model.problem(`${at}/client`, `no client named '${s.client}' was started before`);
    if (s.action === "upgrade" && (s.profile === undefined || !findProfile(s.profile))) {
      model.problem(`${at}/profile`, `upgrade needs a known profile (${profiles.map((p) => p.name).join(", ")})`);
    }
    if (s.action !== "upgrade" && s.profile !== undefined) model.problem(`${at}/profile`, "profile belongs to an upgrade");
  },
  run(step, env) {
    const { client, action } = step.clientLife;
    if (!env.world.clients.has(client)) {
      env.ctx.check(false, "case-expect", `step ${env.stepIndex} (clientLife): ${client} is not a simulated client`);
      return;
    }
    switch (action) {
      case "force-stop":
        return forceStopClient(env.world, client);
      case "relaunch":
        relaunchClient(env.world, client);
        return;
      case "upgrade":
        relaunchClient(env.world, client, { switches: findProfile(step.clientLife.profile!)!.client });
        return;
      case "delete-device-auth":
        return deleteDeviceAuthFile(env.world, client);
      case "corrupt-device-auth":
        return corruptDeviceAuthFile(env.world, client);
      case "delete-identity":
        regenerateIdentity(env.world, client, "deleted");
        return;
      case "corrupt-identity":
        regenerateIdentity(env.world, client, "corrupted");
        return;
      case "regenerate-identity":
        regenerateIdentity(env.world, client, "regenerated");
        return;
    }
  },
  print: (step) => `${step.clientLife.action} client ${step.clientLife.client}${step.clientLife.profile ? ` → ${step.clientLife.profile}` : ""}`,
});

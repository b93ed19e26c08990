// Measures the real gateway's pre-auth socket budget: opens idle WebSockets one after another from one source
// address without ever sending `connect`, notes which upgrades are refused and how, then closes them all.
// Not an Attempt (it needs many sockets at once); record.ts stores its result next to the attempts.

import WebSocket from "ws";

export interface PreauthBudgetObservation {
  readonly socketsTried: number;
  /** Sockets that got a WebSocket (and a connect.challenge). */
  readonly accepted: number;
  /** 1-based index of the first refused upgrade, or null. */
  readonly firstRefusedAt: number | null;
  readonly refusedStatus: number | null;
  readonly refusedBody: string | null;
  /** After closing all idle sockets: does a new socket get a challenge again? */
  readonly acceptedAfterRelease: boolean;
}

type OpenResult = { kind: "open"; ws: WebSocket } | { kind: "refused"; status: number; body: string } | { kind: "error" };

function openIdle(port: number): Promise<OpenResult> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false, handshakeTimeout: 5000 });
    ws.once("message", () => resolve({ kind: "open", ws }));
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      res.on("end", () => resolve({ kind: "refused", status: res.statusCode ?? 0, body: body.slice(0, 200) }));
    });
    ws.once("error", () => resolve({ kind: "error" }));
  });
}

export async function measurePreauthBudget(port: number, socketsTried: number): Promise<PreauthBudgetObservation> {
  const open: WebSocket[] = [];
  let firstRefusedAt: number | null = null;
  let refusedStatus: number | null = null;
  let refusedBody: string | null = null;
  try {
    for (let i = 1; i <= socketsTried; i += 1) {
      const result = await openIdle(port);
      if (result.kind === "open") open.push(result.ws);
      else if (result.kind === "refused" && firstRefusedAt === null) {
        firstRefusedAt = i;
        refusedStatus = result.status;
        refusedBody = result.body;
      }
    }
  } finally {
    for (const ws of open) ws.terminate();
  }
  const accepted = open.length;
  await new Promise((r) => setTimeout(r, 500));
  const after = await openIdle(port);
  if (after.kind === "open") after.ws.terminate();
  return { socketsTried, accepted, firstRefusedAt, refusedStatus, refusedBody, acceptedAfterRelease: after.kind === "open" };
}

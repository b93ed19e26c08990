// `openclaw devices clear` as the CLI runs it (src/world/operator-node.ts clearDevices): without --yes it refuses
// and sends nothing; with it, list → one remove per paired device → (--pending) one reject per request.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { host } from "../../src/index.ts";
import { run } from "./spec-helpers.ts";
import { parse as parseYaml } from "yaml";

const { op, runOperatorCommand } = host;
const root = join(import.meta.dirname, "..", "..");
const file = () => parseYaml(readFileSync(join(root, "scenarios", "files", "devices-clear.yaml"), "utf8")) as object;

describe("openclaw devices clear", () => {
  it("refuses without --yes and sends no RPC", () => {
    const machine = host.createMachine({ name: "gw", config: { gateway: { mode: "local", auth: { mode: "token", token: "t" } } } as never, dotEnvText: null });
    const result = runOperatorCommand(machine, op.devicesClear({ pending: true }), { switches: {} as never, version: "2026.9" });
    expect(result.outcome).toEqual({ kind: "refused", message: "Refusing to clear pairing table without --yes" });
    expect(result.effects).toEqual([]);
    expect(String(op.devicesClear({ yes: true, pending: true }))).toBe("openclaw devices clear --yes --pending");
  });

  it("lists, removes each paired device (the CLI's own last), then rejects each pending request", async () => {
    const result = await run(file(), "2026.9");
    expect(result.verdict, result.findings.map((f) => f.message).join("\n")).toBe("pass");
    const lines = result.events.filter((e) => e.actor === "operator" && typeof e.data["command"] === "string").map((e) => String(e.data["command"]).split(" ").slice(0, 3).join(" "));
    const from = lines.indexOf("openclaw devices clear");
    expect(lines.slice(from)).toEqual(["openclaw devices clear", "openclaw devices list", "openclaw devices remove", "openclaw devices remove", "openclaw devices reject"]);
  });
});

// Render a ServiceUnit to the text a service manager reads (systemd unit file, launchd plist) and parse that text
// back. Round-trips exactly for the fields the model keeps; other lines (Restart=, KeepAlive, …) are written
// with fixed values and ignored when read. Not a general systemd/plist parser.
import { assert, assertNever } from "../kernel/index.ts";
import type { EnvironmentFileRef, ServiceEnvEntry, ServiceManager, ServiceUnit } from "./service-unit.ts";

export type UnitParse = { kind: "ok"; unit: ServiceUnit } | { kind: "error"; message: string };

const unitKeyPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

function assertRenderable(unit: ServiceUnit): void {
  const noNewline = (s: string) => !/[\r\n\0]/.test(s);
  assert(noNewline(unit.description) && unit.description === unit.description.trim(), "description must be one trimmed line");
  assert(unit.programArguments.every(noNewline), "program arguments must not contain newlines");
  for (const e of unit.environment) {
    assert(unitKeyPattern.test(e.key), `invalid environment key ${JSON.stringify(e.key)}`);
    assert(noNewline(e.value), "environment values must not contain newlines");
  }
  for (const f of unit.environmentFiles) {
    assert(f.path.length > 0 && !/\s/.test(f.path) && !f.path.startsWith("-"), "environment file path must be one word");
  }
  if (unit.manager === "launchd") {
    assert(unit.environmentFiles.length === 0, "launchd jobs have no EnvironmentFile");
    assert(new Set(unit.environment.map((e) => e.key)).size === unit.environment.length, "launchd env keys are unique");
  }
}

export function renderServiceUnit(unit: ServiceUnit): string {
  assertRenderable(unit);
  switch (unit.manager) {
    case "systemd":
      return renderSystemd(unit);
    case "launchd":
      return renderLaunchd(unit);
    default:
      return assertNever(unit.manager, "service manager");
  }
}

export function parseServiceUnit(input: { text: string; manager: ServiceManager; name?: string }): UnitParse {
  switch (input.manager) {
    case "systemd":
      return parseSystemd(input.text, input.name ?? "openclaw-gateway.service");
    case "launchd":
      return parseLaunchd(input.text);
    default:
      return assertNever(input.manager, "service manager");
  }
}

// ---- systemd ------------------------------------------------------------------------------------------------

const escapePercent = (s: string) => s.replace(/%/g, "%%");
const unescapePercent = (s: string) => s.replace(/%%/g, "%");

function systemdWord(word: string): string {
  if (word.length > 0 && !/[\s"'\\;]/.test(word)) return word;
  return `"${word.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function renderSystemd(unit: ServiceUnit): string {
  const exec = unit.programArguments.map((a) => systemdWord(escapePercent(a).replace(/\$/g, "$$$$"))).join(" ");
  const lines = [
    "[Unit]",
    `Description=${escapePercent(unit.description)}`,
    "After=network-online.target",
    "Wants=network-online.target",
    "",
    "[Service]",
    `ExecStart=${exec}`,
    "Restart=always",
    "RestartSec=5",
    "KillMode=process",
    ...unit.environment.map((e) => `Environment=${systemdWord(escapePercent(`${e.key}=${e.value}`))}`),
    ...unit.environmentFiles.map((f) => `EnvironmentFile=${f.optional ? "-" : ""}${f.path}`),
    "",
    "[Install]",
    "WantedBy=default.target",
    "",
  ];
  return lines.join("\n");
}

type Words = { kind: "ok"; words: string[] } | { kind: "error"; message: string };

/** systemd word splitting: whitespace-separated, double/single quotes, backslash escapes. */
function splitSystemdWords(text: string): Words {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] ?? "")) i++;
    if (i >= text.length) break;
    const quote = text[i] === '"' || text[i] === "'" ? text[i] : undefined;
    if (quote) i++;
    let word = "";
    for (;;) {
      const ch = text[i];
      if (ch === undefined) {
        if (quote) return { kind: "error", message: "unterminated quote" };
        break;
      }
      if (ch === "\\" && i + 1 < text.length) {
        word += text[i + 1];
        i += 2;
        continue;
      }
      if (quote ? ch === quote : /\s/.test(ch)) {
        if (quote) i++;
        break;
      }
      word += ch;
      i++;
    }
    words.push(word);
  }
  return { kind: "ok", words };
}

function parseSystemd(text: string, name: string): UnitParse {
  let description = "";
  let programArguments: string[] = [];
  const environment: ServiceEnvEntry[] = [];
  const environmentFiles: EnvironmentFileRef[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith("#") || line.startsWith(";") || line.startsWith("[")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) return { kind: "error", message: `not a key=value line: ${line}` };
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key === "Description") description = unescapePercent(value);
    else if (key === "EnvironmentFile") {
      environmentFiles.push({ path: value.replace(/^-/, ""), optional: value.startsWith("-") });
    } else if (key === "ExecStart" || key === "Environment") {
      const split = splitSystemdWords(value);
      if (split.kind !== "ok") return { kind: "error", message: `${key}: ${split.message}` };
      if (key === "ExecStart") programArguments = split.words.map((w) => unescapePercent(w).replace(/\$\$/g, "$"));
      else {
        for (const word of split.words) {
          const assignment = unescapePercent(word);
          const at = assignment.indexOf("=");
          if (at <= 0) return { kind: "error", message: `Environment: not KEY=value: ${word}` };
          environment.push({ key: assignment.slice(0, at), value: assignment.slice(at + 1) });
        }
      }
    }
  }
  return { kind: "ok", unit: { manager: "systemd", name, description, programArguments, environment, environmentFiles } };
}

// ---- launchd ------------------------------------------------------------------------------------------------

const xmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const xmlUnescape = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

function renderLaunchd(unit: ServiceUnit): string {
  const str = (s: string) => `<string>${xmlEscape(s)}</string>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    "  <dict>",
    `    <key>Label</key>${str(unit.name)}`,
    `    <key>Comment</key>${str(unit.description)}`,
    "    <key>RunAtLoad</key><true/>",
    "    <key>KeepAlive</key><true/>",
    "    <key>ProgramArguments</key>",
    "    <array>",
    ...unit.programArguments.map((a) => `      ${str(a)}`),
    "    </array>",
    "    <key>EnvironmentVariables</key>",
    "    <dict>",
    ...unit.environment.map((e) => `      <key>${xmlEscape(e.key)}</key>${str(e.value)}`),
    "    </dict>",
    "  </dict>",
    "</plist>",
    "",
  ].join("\n");
}

function plistString(text: string, key: string): string | undefined {
  const match = new RegExp(`<key>${key}</key>\\s*<string>([\\s\\S]*?)</string>`).exec(text);
  return match?.[1] === undefined ? undefined : xmlUnescape(match[1]);
}

function parseLaunchd(text: string): UnitParse {
  const name = plistString(text, "Label");
  if (name === undefined) return { kind: "error", message: "plist has no Label" };
  const args = /<key>ProgramArguments<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(text)?.[1] ?? "";
  const programArguments = [...args.matchAll(/<string>([\s\S]*?)<\/string>/g)].map((m) => xmlUnescape(m[1] ?? ""));
  const envBlock = /<key>EnvironmentVariables<\/key>\s*<dict>([\s\S]*?)<\/dict>/.exec(text)?.[1] ?? "";
  const environment = [...envBlock.matchAll(/<key>([\s\S]*?)<\/key>\s*<string>([\s\S]*?)<\/string>/g)].map((m) => ({
    key: xmlUnescape(m[1] ?? ""),
    value: xmlUnescape(m[2] ?? ""),
  }));
  const description = plistString(text, "Comment") ?? "";
  return { kind: "ok", unit: { manager: "launchd", name, description, programArguments, environment, environmentFiles: [] } };
}

// Cross-reference checks on a parsed scenario file that the schema cannot express: names are unique, every name
// a step refers to is declared, and a per-client clock sits on a client's own host. A mistake here is the
// file's fault, so it is a UsageError (exit 2) before the run, never a crash finding after it.
// Reads the parsed value as plain data (no dependence on the file type's exact shape).
import { UsageError } from "./args.ts";

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(record: unknown, key: string): string | undefined {
  return isFields(record) && typeof record[key] === "string" ? (record[key] as string) : undefined;
}

function identityNames(file: Fields): string[] | undefined {
  const ids = file["identities"];
  if (Array.isArray(ids)) return ids.filter((x): x is string => typeof x === "string");
  if (isFields(ids)) return Object.keys(ids);
  return undefined;
}

/** The first cross-reference mistake in the file, as a message naming where it is; undefined when none. */
export function caseFileMistake(parsed: unknown): string | undefined {
  if (!isFields(parsed)) return undefined;
  const idList = identityNames(parsed) ?? [];
  const duplicateId = idList.find((name, k) => idList.indexOf(name) !== k);
  if (duplicateId !== undefined) return `at /identities: identity '${duplicateId}' is declared twice`;
  const knownId = (name: string | undefined, at: string): string | undefined =>
    name === undefined || idList.includes(name) ? undefined : `at ${at}: unknown identity '${name}' (declared: ${idList.join(", ") || "none"})`;
  const pairing = isFields(parsed["pairing"]) ? parsed["pairing"]["paired"] : undefined;
  for (const [k, entry] of (Array.isArray(pairing) ? pairing : []).entries()) {
    const mistake = knownId(text(entry, "identity"), `/pairing/paired/${k}`);
    if (mistake) return mistake;
  }
  const steps = Array.isArray(parsed["steps"]) ? parsed["steps"] : [];
  const clients: string[] = [];
  for (const [i, step] of steps.entries()) {
    const mistake = stepMistake(step, `/steps/${i}`, { clients, knownId });
    if (mistake) return mistake;
  }
  return undefined;
}

interface StepContext {
  readonly clients: string[];
  readonly knownId: (name: string | undefined, at: string) => string | undefined;
}

function stepMistake(step: unknown, at: string, ctx: StepContext): string | undefined {
  if (!isFields(step)) return undefined;
  const client = step["client"];
  if (isFields(client)) {
    const name = text(client, "name");
    const relaunch = client["relaunch"] === true;
    if (name !== undefined && !relaunch && ctx.clients.includes(name)) return `at ${at}/client/name: client '${name}' is declared twice`;
    if (name !== undefined && !ctx.clients.includes(name)) ctx.clients.push(name);
    const from = text(client, "from") ?? "local";
    if (client["clockOffsetMs"] !== undefined && from === "local") {
      return `at ${at}/client/clockOffsetMs: a client on the gateway's host shares its clock; give it 'from: lan' or 'from: remote'`;
    }
    return ctx.knownId(text(client, "identity"), `${at}/client/identity`);
  }
  // Clients other steps start (a process on a machine, a Control UI in a browser tab) count as declared too.
  const started = text(step["machineClient"], "name") ?? browserTabClient(step["browserTab"]);
  if (started !== undefined) ctx.clients.push(started);
  const connect = step["connect"];
  if (isFields(connect)) return ctx.knownId(text(connect["device"], "identity"), `${at}/connect/device/identity`);
  const operator = step["operator"];
  if (isFields(operator)) return ctx.knownId(text(operator, "identity"), `${at}/operator/identity`);
  if (isFields(step["expectPairing"])) return ctx.knownId(text(step["expectPairing"], "identity"), `${at}/expectPairing/identity`);
  for (const key of ["credentials", "expectClient"] as const) {
    const ref = key === "credentials" ? text(step[key], "client") : text(step[key], "name");
    if (ref !== undefined && !ctx.clients.includes(ref)) {
      return `at ${at}/${key}: unknown client '${ref}' (started before this step: ${ctx.clients.join(", ") || "none"})`;
    }
  }
  return undefined;
}

function browserTabClient(tab: unknown): string | undefined {
  const action = text(tab, "action");
  return action === "open" ? text(tab, "client") : action === "duplicate" ? text(tab, "as") : undefined;
}

/** Throws the file's first cross-reference mistake as a UsageError naming the file. */
export function assertCaseFileSound(parsed: unknown, path: string): void {
  const mistake = caseFileMistake(parsed);
  if (mistake) throw new UsageError(`${path}: ${mistake}`);
}

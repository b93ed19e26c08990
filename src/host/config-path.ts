// Dotted config paths ("gateway.auth.token") over plain JSON values: split, read, write, delete.
// Pure and structural: writes return a new value and share untouched branches. Not the config schema
// (that is config.ts) and not the CLI value parser (operator-command.ts).

export type JsonObject = { readonly [key: string]: unknown };

export type PathSplit = { kind: "ok"; segments: readonly string[] } | { kind: "invalid-path"; message: string };

/** Config paths are short; anything longer is a mistake in a scenario, not a config. */
export const configPathSegmentsMax = 16;

export function splitConfigPath(path: string): PathSplit {
  const trimmed = path.trim();
  if (trimmed.length === 0) return { kind: "invalid-path", message: "config path is empty" };
  const segments = trimmed.split(".");
  if (segments.some((s) => s.length === 0)) {
    return { kind: "invalid-path", message: `config path has an empty segment: ${path}` };
  }
  if (segments.length > configPathSegmentsMax) {
    return { kind: "invalid-path", message: `config path is deeper than ${configPathSegmentsMax}: ${path}` };
  }
  return { kind: "ok", segments };
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function childOf(container: unknown, segment: string): { found: boolean; value: unknown } {
  if (Array.isArray(container)) {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0 || index >= container.length) return { found: false, value: undefined };
    return { found: true, value: container[index] };
  }
  if (isJsonObject(container) && Object.prototype.hasOwnProperty.call(container, segment)) {
    return { found: true, value: container[segment] };
  }
  return { found: false, value: undefined };
}

export function getAtPath(root: unknown, segments: readonly string[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const segment of segments) {
    const next = childOf(current, segment);
    if (!next.found) return next;
    current = next.value;
  }
  return { found: true, value: current };
}

export type PathWrite = { kind: "ok"; value: unknown } | { kind: "not-a-container"; at: string };

/** Set `value` at `segments`, creating objects for missing intermediate keys. */
export function setAtPath(root: unknown, segments: readonly string[], value: unknown): PathWrite {
  return writeAt(root, segments, 0, { op: "set", value });
}

/** Delete the key at `segments`; a missing key is not an error (the value comes back unchanged). */
export function unsetAtPath(root: unknown, segments: readonly string[]): PathWrite {
  if (!getAtPath(root, segments).found) return { kind: "ok", value: root };
  return writeAt(root, segments, 0, { op: "unset" });
}

type WriteOp = { op: "set"; value: unknown } | { op: "unset" };

function writeAt(node: unknown, segments: readonly string[], depth: number, write: WriteOp): PathWrite {
  const segment = segments[depth];
  if (segment === undefined) return { kind: "ok", value: write.op === "set" ? write.value : undefined };
  const last = depth === segments.length - 1;
  if (Array.isArray(node)) {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0 || index > node.length) {
      return { kind: "not-a-container", at: segments.slice(0, depth + 1).join(".") };
    }
    if (last && write.op === "unset") return { kind: "ok", value: node.filter((_, i) => i !== index) };
    const child = writeAt(node[index], segments, depth + 1, write);
    if (child.kind !== "ok") return child;
    const copy = node.slice();
    copy[index] = child.value;
    return { kind: "ok", value: copy };
  }
  if (node !== undefined && !isJsonObject(node)) {
    return { kind: "not-a-container", at: segments.slice(0, depth).join(".") || "(root)" };
  }
  const object: JsonObject = node ?? {};
  if (last && write.op === "unset") {
    if (!Object.prototype.hasOwnProperty.call(object, segment)) return { kind: "ok", value: node };
    const { [segment]: _removed, ...rest } = object;
    return { kind: "ok", value: rest };
  }
  const child = writeAt(object[segment], segments, depth + 1, write);
  if (child.kind !== "ok") return child;
  return { kind: "ok", value: { ...object, [segment]: child.value } };
}

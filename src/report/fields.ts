// Defensive readers for trace data: every report formatter reads `TraceEvent.data` (an open record) through
// these, so a missing or oddly typed field yields `undefined`, never a throw. Not a schema: nothing is validated.

export type Data = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Data {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function str(data: unknown, key: string): string | undefined {
  if (!isRecord(data)) return undefined;
  const value = data[key];
  return typeof value === "string" ? value : undefined;
}

export function num(data: unknown, key: string): number | undefined {
  if (!isRecord(data)) return undefined;
  const value = data[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function bool(data: unknown, key: string): boolean | undefined {
  if (!isRecord(data)) return undefined;
  const value = data[key];
  return typeof value === "boolean" ? value : undefined;
}

export function rec(data: unknown, key: string): Data | undefined {
  if (!isRecord(data)) return undefined;
  const value = data[key];
  return isRecord(value) ? value : undefined;
}

export function strings(data: unknown, key: string): string[] | undefined {
  if (!isRecord(data)) return undefined;
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

/** JSON that never throws: bigint as a decimal string, cycles as "[cycle]", functions dropped. */
export function safeJson(value: unknown, indent?: number): string {
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (typeof v === "bigint") return v.toString();
        if (v instanceof Uint8Array) return Buffer.from(v).toString("base64url");
        if (v !== null && typeof v === "object") {
          if (seen.has(v)) return "[cycle]";
          seen.add(v);
        }
        return v;
      },
      indent,
    );
    return text ?? "null";
  } catch {
    return '"[unserialisable]"';
  }
}

/** A value in one short token: strings as-is, the rest as JSON. */
export function shortValue(value: unknown, maxChars: number): string {
  const text = typeof value === "string" ? value : safeJson(value);
  return truncate(text, maxChars);
}

/** Cuts `text` to at most `maxChars` characters, marking the cut with an ellipsis. */
export function truncate(text: string, maxChars: number): string {
  if (maxChars <= 0) return "";
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return chars.slice(0, Math.max(0, maxChars - 1)).join("") + "…";
}

/** Long ids (device ids, nonces, hashes) shortened to their first characters. */
export function shortId(id: string, keepChars = 8): string {
  return id.length > keepChars + 2 ? `${id.slice(0, keepChars)}…` : id;
}

/** Collapses whitespace (newlines, tabs) so a value fits on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// Reading trace event data without trusting its shape: typed getters that return undefined for anything
// unexpected, and the JSON frame text carried by frame events. Pure helpers; no knowledge of what the
// fields mean (that is trace-reader.ts).

export type Fields = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): Fields | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : undefined;
}

export function str(data: Fields | undefined, key: string): string | undefined {
  const value = data?.[key];
  return typeof value === "string" ? value : undefined;
}

export function bool(data: Fields | undefined, key: string): boolean | undefined {
  const value = data?.[key];
  return typeof value === "boolean" ? value : undefined;
}

export function num(data: Fields | undefined, key: string): number | undefined {
  const value = data?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The string members of an array field (an absent or non-array field reads as []). */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** A non-blank string after trimming, else undefined. */
export function nonBlank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Parsed frames by event data: every invariant's reader sees the same event, so the text is parsed once. */
const parsedFrames = new WeakMap<Fields, Fields | undefined>();

/**
 * The JSON object a frame event carries in `data.text`; undefined for cut, non-JSON or non-object text.
 * The object is shared by every reader of the event: read it, never write it.
 */
export function frameObject(data: Fields): Fields | undefined {
  if (parsedFrames.has(data)) return parsedFrames.get(data);
  const frame = parseFrame(data);
  parsedFrames.set(data, frame);
  return frame;
}

function parseFrame(data: Fields): Fields | undefined {
  const text = str(data, "text");
  if (text === undefined || data["textCut"] === true) return undefined;
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}

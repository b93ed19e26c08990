// Virtual time as text: a fixed-width clock for timelines (`00:01.250`) and a short duration (`1m 02.500s`).
// Virtual milliseconds only; nothing here reads a real clock.

const msPerSecond = 1000;
const msPerMinute = 60 * msPerSecond;
const msPerHour = 60 * msPerMinute;

/** `mm:ss.mmm`, or `h:mm:ss.mmm` from one hour on. Negative or non-finite input prints as `?`. */
export function formatClock(atMs: number): string {
  if (!Number.isFinite(atMs) || atMs < 0) return "?";
  const ms = Math.floor(atMs);
  const hours = Math.floor(ms / msPerHour);
  const minutes = Math.floor((ms % msPerHour) / msPerMinute);
  const seconds = Math.floor((ms % msPerMinute) / msPerSecond);
  const millis = ms % msPerSecond;
  const tail = `${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`;
  return hours > 0 ? `${hours}:${tail}` : tail;
}

/** `0ms`, `850ms`, `12.500s`, `3m 05.250s`, `1h 02m 03.000s`. */
export function formatDuration(durationMs: number): string {
  if (!Number.isFinite(durationMs) || durationMs < 0) return "?";
  const ms = Math.floor(durationMs);
  if (ms < msPerSecond) return `${ms}ms`;
  const hours = Math.floor(ms / msPerHour);
  const minutes = Math.floor((ms % msPerHour) / msPerMinute);
  const seconds = ((ms % msPerMinute) / msPerSecond).toFixed(3);
  if (hours > 0) return `${hours}h ${pad(minutes, 2)}m ${seconds.padStart(6, "0")}s`;
  if (minutes > 0) return `${minutes}m ${seconds.padStart(6, "0")}s`;
  return `${seconds}s`;
}

function pad(value: number, width: number): string {
  return value.toString().padStart(width, "0");
}

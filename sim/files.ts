// The CLI's file system edge: reading an input file (scenario or trace) and preparing and writing a report
// directory, each answering a user mistake with a UsageError (one line, exit 2) instead of a stack trace or a
// hang. Special file systems (/proc, /sys, /dev) are refused outright: reading them can block and writing them
// fails in ways that say nothing. Reports are written atomically (temp file, then rename).
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { printable, UsageError } from "./args.ts";

/** A scenario file larger than this is refused before it is read. */
export const scenarioFileBytesMax = 1024 * 1024;
/** A trace file larger than this is refused before it is read. */
export const traceFileBytesMax = 256 * 1024 * 1024;
/** How many ancestors are walked up looking for one that exists. */
const ancestorsMax = 256;
const specialRoots = ["/proc", "/sys", "/dev"];

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error instanceof Error ? error.message.split("\n")[0]! : "error";
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}/`);
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended. */
function realPathOf(path: string): string {
  let current = resolve(path);
  const rest: string[] = [];
  for (let k = 0; k < ancestorsMax; k++) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) break;
      rest.push(current.slice(parent.length).replace(/^\//, ""));
      current = parent;
    }
  }
  return resolve(path);
}

function refuseSpecial(path: string, what: string): void {
  const real = realPathOf(path);
  if (specialRoots.some((root) => isUnder(real, root))) {
    throw new UsageError(`${what} '${printable(path)}' is on a special file system (${real.split("/")[1]}); use a regular path`);
  }
}

/** Reads a text input file: must exist, be a regular file, be at most `bytesMax`, and be UTF-8 text. */
export function readInputFile(path: string, what: string, bytesMax: number): string {
  refuseSpecial(path, what);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${what} '${printable(path)}' is a directory, not a file`);
    if (!stat.isFile()) throw new UsageError(`${what} '${printable(path)}' is not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = codeOf(error);
    if (code === "ENOENT") throw new UsageError(`${what} '${printable(path)}' does not exist`);
    throw new UsageError(`cannot read ${what} '${printable(path)}' (${code})`);
  }
  if (size > bytesMax) throw new UsageError(`${what} '${printable(path)}' is too large (${size} bytes; at most ${bytesMax})`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${what} '${printable(path)}' (${codeOf(error)})`);
  }
  if (bytes.length === 0) throw new UsageError(`${what} '${printable(path)}' is empty`);
  if (bytes.includes(0)) throw new UsageError(`${what} '${printable(path)}' is binary, not text`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${what} '${printable(path)}' is not UTF-8 text`);
  }
}

/**
 * Makes sure reports can be written to `dir` before a run starts: not special, not an existing file, created if
 * missing, and writable (a probe file is written and removed). Returns the absolute directory.
 */
export function prepareReportDir(dir: string): string {
  refuseSpecial(dir, "report directory");
  const abs = resolve(dir);
  try {
    if (!statSync(abs).isDirectory()) throw new UsageError(`--report '${printable(dir)}' exists and is not a directory`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (codeOf(error) !== "ENOENT") throw new UsageError(`--report '${printable(dir)}': cannot use it (${codeOf(error)})`);
  }
  try {
    mkdirSync(abs, { recursive: true });
  } catch (error) {
    throw new UsageError(`--report '${printable(dir)}': cannot create the directory (${codeOf(error)})`);
  }
  const probe = join(abs, `.clawsim-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, "w"));
    unlinkSync(probe);
  } catch (error) {
    throw new UsageError(`--report '${printable(dir)}': not writable (${codeOf(error)})`);
  }
  return abs;
}

/** Writes `text` to `dir/name` through a temp file and a rename, so a reader never sees half a report. */
export function writeAtomic(dir: string, name: string, text: string): string {
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never created
    }
    throw new UsageError(`cannot write '${printable(target)}' (${codeOf(error)})`);
  }
  return target;
}

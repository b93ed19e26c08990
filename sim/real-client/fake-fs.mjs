// The `node:fs` an `openclaw` release's dist sees inside clawsim (ws-hook.mjs points its imports here). Releases
// before the client package keep the device token in `<state dir>/identity/device-auth.json` and (2026.2.x) load
// their key pair from `<state dir>/identity/device.json`, with node:fs; here those two files are the simulated
// host's, through the accessor the world bound for the client now running (src/world/real-client-fs.ts). Every
// other path is the real node:fs. Touching them with no world bound fails loudly rather than reaching the real
// home folder.
import realFs from "node:fs";

export * from "node:fs";

const registryKey = Symbol.for("clawsim.real-client.device-auth-file");
const deviceAuthPath = /[\\/]identity[\\/]device-auth\.json$/;
const deviceIdentityPath = /[\\/]identity[\\/]device\.json$/;
const identityDir = /[\\/]identity[\\/]?$/;

/** The simulated file a path stands for, or undefined for any other path. */
function simulated(p) {
  if (typeof p !== "string") return undefined;
  if (deviceAuthPath.test(p)) return "device-auth";
  if (deviceIdentityPath.test(p)) return "identity";
  return undefined;
}

function isDeviceAuth(p) {
  return simulated(p) !== undefined;
}

/** The bound accessor for that file: read(), write(text), remove(). */
function access(what, p) {
  const bound = globalThis[registryKey]?.current;
  const which = simulated(p);
  if (!bound) throw new Error(`clawsim: the real client ${what} ${p} with no simulated world bound to it`);
  return which === "identity" ? bound.identityFile : bound;
}

function enoent(p) {
  const error = new Error(`ENOENT: no such file or directory, open '${p}'`);
  error.code = "ENOENT";
  return error;
}

export function existsSync(p) {
  if (isDeviceAuth(p)) return access("checked", p).read() !== undefined;
  return realFs.existsSync(p);
}

export function readFileSync(p, options) {
  if (isDeviceAuth(p)) {
    const text = access("read", p).read();
    if (text === undefined) throw enoent(p);
    return options === undefined || options === null ? Buffer.from(text, "utf8") : text;
  }
  return realFs.readFileSync(p, options);
}

export function writeFileSync(p, data, options) {
  if (isDeviceAuth(p)) return access("wrote", p).write(typeof data === "string" ? data : Buffer.from(data).toString("utf8"));
  return realFs.writeFileSync(p, data, options);
}

export function mkdirSync(p, options) {
  if (typeof p === "string" && identityDir.test(p) && globalThis[registryKey]?.current) return undefined;
  return realFs.mkdirSync(p, options);
}

export function chmodSync(p, mode) {
  if (isDeviceAuth(p)) return undefined;
  return realFs.chmodSync(p, mode);
}

export function unlinkSync(p) {
  if (isDeviceAuth(p)) return access("removed", p).remove();
  return realFs.unlinkSync(p);
}

export function rmSync(p, options) {
  if (isDeviceAuth(p)) return access("removed", p).remove();
  return realFs.rmSync(p, options);
}

/** The release's rolling log file (`/tmp/openclaw/openclaw-<date>.log`): its date is the simulated one, and a
 *  simulation has no business filling the machine's log folder, so lines for it are dropped. */
const rollingLog = /[\\/]openclaw-\d{4}-\d{2}-\d{2}\.log$/;

export function appendFileSync(p, data, options) {
  if (typeof p === "string" && rollingLog.test(p)) return undefined;
  return realFs.appendFileSync(p, data, options);
}

const fake = { ...realFs, existsSync, readFileSync, writeFileSync, mkdirSync, chmodSync, unlinkSync, rmSync, appendFileSync };
export default fake;

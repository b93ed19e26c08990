// Size and time constants of the mid-era gateway (`server-constants.ts`, spec §1.4). Named limits only;
// the profiles say which ones a given release uses.
import { assert } from "../kernel/index.ts";

/** MAX_PAYLOAD_BYTES after hello (25 MiB). */
export const PAYLOAD_BYTES_MAX = 25 * 1024 * 1024;
/** MAX_BUFFERED_BYTES (50 MiB). */
export const BUFFERED_BYTES_MAX = 50 * 1024 * 1024;
/** MAX_PREAUTH_PAYLOAD_BYTES (64 KiB): a bigger frame before hello closes 1009. */
export const PREAUTH_PAYLOAD_BYTES_MAX = 64 * 1024;
/** TICK_INTERVAL_MS (mid era; the late doc example shows 15000). */
export const TICK_INTERVAL_MS_DEFAULT = 30_000;
/** DEFAULT_HANDSHAKE_TIMEOUT_MS (mid era; late 15000). */
export const HANDSHAKE_TIMEOUT_MS_DEFAULT = 10_000;

assert(PREAUTH_PAYLOAD_BYTES_MAX < PAYLOAD_BYTES_MAX, "the pre-auth cap must be below the post-hello cap");
assert(PAYLOAD_BYTES_MAX <= BUFFERED_BYTES_MAX, "one frame must fit the send buffer");

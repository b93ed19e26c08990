// WebSocket close codes and reason texts the gateway and its clients use (spec §4.7), and the byte-safe
// close-reason truncation of `close-reason.ts` (120 UTF-8 bytes, never splitting a character;
// empty → "invalid handshake"). Data and pure text functions only.

export const CloseCodes = {
  NORMAL: 1000,
  PROTOCOL_ERROR: 1002,
  ABNORMAL: 1006,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  SERVICE_RESTART: 1012,
  TRY_AGAIN_LATER: 1013,
  /** Client-initiated tick watchdog. */
  TICK_TIMEOUT: 4000,
  DEVICE_REMOVED: 4001,
} as const;
export type CloseCode = (typeof CloseCodes)[keyof typeof CloseCodes];

export const CloseReasons = {
  INVALID_REQUEST_FRAME: "invalid request frame",
  FIRST_REQUEST_MUST_BE_CONNECT: "invalid handshake: first request must be connect",
  INVALID_HANDSHAKE: "invalid handshake",
  PROTOCOL_MISMATCH: "protocol mismatch",
  INVALID_ROLE: "invalid role",
  CONTROL_UI_DEVICE_IDENTITY_REQUIRED:
    "control ui requires device identity (use HTTPS or localhost secure context)",
  /** The same refusal's earlier text (2026.2.12, 2026.2.17). */
  CONTROL_UI_SECURE_CONTEXT_REQUIRED: "control ui requires HTTPS or localhost (secure context)",
  DEVICE_IDENTITY_REQUIRED: "device identity required",
  PAIRING_REQUIRED: "pairing required",
  REPEATED_UNAUTHORIZED: "repeated unauthorized calls",
  PREAUTH_PAYLOAD_TOO_LARGE: "preauth payload too large",
  DEVICE_REMOVED: "device removed",
  GATEWAY_STARTING: "gateway starting",
  TICK_TIMEOUT: "tick timeout",
  CONNECT_FAILED: "connect failed",
  CONNECT_CHALLENGE_TIMEOUT: "connect challenge timeout",
  CONNECT_CHALLENGE_MISSING_NONCE: "connect challenge missing nonce",
} as const;

/** Prefix of the schema-failure message and close reason. */
export const INVALID_CONNECT_PARAMS_PREFIX = "invalid connect params: ";

/** CLOSE_REASON_MAX_BYTES: the RFC 6455 reason limit is 123 bytes; the gateway keeps 120. */
export const CLOSE_REASON_BYTES_MAX = 120;

/** UTF-8 sequence length announced by a lead byte. */
function utf8SequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte < 0xe0) return 2;
  if (byte < 0xf0) return 3;
  return 4;
}

/** `truncateCloseReason`: the longest prefix of whole characters within maxBytes UTF-8 bytes. */
export function truncateCloseReason(reason: string, maxBytes: number = CLOSE_REASON_BYTES_MAX): string {
  if (!reason) return CloseReasons.INVALID_HANDSHAKE;
  const bytes = Buffer.from(reason, "utf8");
  if (bytes.length <= maxBytes) return reason;
  const limit = Math.max(0, Math.min(Math.floor(maxBytes), bytes.length));
  let end = 0;
  while (end < limit) {
    const step = utf8SequenceLength(bytes[end] ?? 0);
    if (end + step > limit) break;
    end += step;
  }
  return bytes.subarray(0, end).toString("utf8");
}

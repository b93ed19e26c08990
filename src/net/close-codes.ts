// WebSocket close codes and the limits on what a close frame may carry, as RFC 6455 and the `ws` library
// define them. Not here: what the gateway means by a code (that is the protocol's business).

export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  unsupportedData: 1003,
  /** Never on the wire: reported when a close frame carried no code. */
  noStatus: 1005,
  /** Never on the wire: reported when the connection ended without a close frame. */
  abnormal: 1006,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  mandatoryExtension: 1010,
  internalError: 1011,
  serviceRestart: 1012,
  tryAgainLater: 1013,
  /** OpenClaw client tick watchdog ("tick timeout"). */
  tickTimeout: 4000,
  /** OpenClaw "device removed". */
  deviceRemoved: 4001,
} as const;

/** A close frame's reason is at most 123 UTF-8 bytes (125-byte control payload minus the 2-byte code). */
export const closeReasonBytesMax = 123;

/** Codes `ws` lets an application send (its `isValidStatusCode`): 1000–1014 less 1004–1006, and 3000–4999. */
export function isSendableCloseCode(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  if (code >= 1000 && code <= 1014) return code !== 1004 && code !== 1005 && code !== 1006;
  return code >= 3000 && code <= 4999;
}

/** Codes a browser lets a page pass to `WebSocket.close`: 1000 or 3000–4999. */
export function isBrowserCloseCode(code: number): boolean {
  return code === 1000 || (Number.isInteger(code) && code >= 3000 && code <= 4999);
}

export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

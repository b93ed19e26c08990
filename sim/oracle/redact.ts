// Replaces run-specific values (secrets, nonces, UUIDs, timestamps, the ephemeral port) in observed gateway
// output with placeholders, so recorded fixtures are stable across runs and carry no live credentials.
// Placeholders are numbered by first appearance within one Redactor ("<secret-2>", "<uuid-1>"), so equality
// between values (same requestId twice, a token re-issued or kept) survives redaction. Structure-preserving.

const SECRET_KEYS = new Set(["token", "deviceToken", "bootstrapToken", "password", "recoveryScope", "approvalRuntimeToken"]);
const NONCE_KEYS = new Set(["nonce"]);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A UUID cut short at the end of a text (close reasons are truncated to 120 bytes). */
const UUID_PREFIX_AT_END = /[0-9a-f]{8}-[0-9a-f-]{0,27}$/i;
const TIME_KEY = /(AtMs|^ts)$/;

export class Redactor {
  private readonly secretLabels = new Map<string, string>();
  private readonly uuidLabels = new Map<string, string>();

  constructor(
    private readonly port: number,
    /** Exact secrets with a fixed label (e.g. the gateway token → "<gatewayToken>"). */
    fixed: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const [secret, label] of fixed) this.secretLabels.set(secret, label);
  }

  /** Registers a fixed label for a secret seen later (e.g. another gateway run's token). */
  label(secret: string, label: string): void {
    this.secretLabels.set(secret, label);
  }

  redact(value: unknown, key?: string): unknown {
    if (key !== undefined && SECRET_KEYS.has(key) && typeof value === "string") return this.secretLabel(value);
    if (key !== undefined && NONCE_KEYS.has(key) && typeof value === "string") return "<nonce>";
    if (key !== undefined && TIME_KEY.test(key) && typeof value === "number") return "<ts>";
    if (typeof value === "string") return this.redactString(value);
    if (Array.isArray(value)) return value.map((item) => this.redact(item));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(value)) out[k] = this.redact(item, k);
      return out;
    }
    return value;
  }

  private secretLabel(secret: string): string {
    if (secret.length === 0) return "";
    let label = this.secretLabels.get(secret);
    if (label === undefined) {
      label = `<secret-${this.secretLabels.size + 1}>`;
      this.secretLabels.set(secret, label);
    }
    return label;
  }

  private redactString(text: string): string {
    let out = text;
    for (const [secret, label] of this.secretLabels) if (secret.length >= 8) out = out.split(secret).join(label);
    out = out.replace(UUID, (uuid) => {
      const lower = uuid.toLowerCase();
      let label = this.uuidLabels.get(lower);
      if (label === undefined) {
        label = `<uuid-${this.uuidLabels.size + 1}>`;
        this.uuidLabels.set(lower, label);
      }
      return label;
    });
    out = out.replace(UUID_PREFIX_AT_END, (prefix) => {
      const lower = prefix.toLowerCase();
      for (const [uuid, label] of this.uuidLabels) if (uuid.startsWith(lower)) return `${label.slice(0, -1)}…>`;
      return "<uuid-prefix…>";
    });
    return out.split(`:${this.port}`).join(":<port>");
  }
}

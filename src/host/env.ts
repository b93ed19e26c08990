// Process environments and `.env` files as data: immutable string maps, a `KEY=value` parser/renderer, and the
// merge rules the host uses (dotenv never overrides a variable that is already set). It does not read the real
// environment or the real filesystem; the machine holds these values.

export type EnvMap = Readonly<Record<string, string>>;

/** Environment variable names OpenClaw reads, verbatim. */
export const envNames = {
  gatewayToken: "OPENCLAW_GATEWAY_TOKEN",
  gatewayPassword: "OPENCLAW_GATEWAY_PASSWORD",
  gatewayUrl: "OPENCLAW_GATEWAY_URL",
  gatewayPort: "OPENCLAW_GATEWAY_PORT",
  serviceKind: "OPENCLAW_SERVICE_KIND",
  serviceMarker: "OPENCLAW_SERVICE_MARKER",
  serviceVersion: "OPENCLAW_SERVICE_VERSION",
  profile: "OPENCLAW_PROFILE",
  stateDir: "OPENCLAW_STATE_DIR",
  configPath: "OPENCLAW_CONFIG_PATH",
  systemdUnit: "OPENCLAW_SYSTEMD_UNIT",
  launchdLabel: "OPENCLAW_LAUNCHD_LABEL",
} as const;

export const emptyEnv: EnvMap = Object.freeze({});

/** The value of `key`, trimmed; blank and absent are both `undefined`. */
export function envValue(env: EnvMap, key: string): string | undefined {
  const value = env[key];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

export function envWith(env: EnvMap, key: string, value: string | undefined): EnvMap {
  if (value === undefined) {
    if (!(key in env)) return env;
    const { [key]: _removed, ...rest } = env;
    return rest;
  }
  return { ...env, [key]: value };
}

/** Later layers win (shell `export`, systemd `Environment=` then `EnvironmentFile=`). */
export function mergeEnvLayers(layers: readonly EnvMap[]): EnvMap {
  return Object.assign({}, ...layers) as EnvMap;
}

/** dotenv semantics: a file only fills variables that are not set yet; earlier files win over later ones. */
export function fillFromDotEnv(base: EnvMap, files: readonly EnvMap[]): EnvMap {
  const out: Record<string, string> = { ...base };
  for (const file of files) {
    for (const [key, value] of Object.entries(file)) {
      if (!(key in out)) out[key] = value;
    }
  }
  return out;
}

// ---- .env text ----------------------------------------------------------------------------------------------

export interface DotEnvIssue {
  readonly line: number;
  readonly message: string;
}
export interface DotEnvParse {
  readonly vars: EnvMap;
  readonly issues: readonly DotEnvIssue[];
}

const envKeyPattern = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Parse `KEY=value` lines: `#` comments, blank lines, optional `export `, single/double quotes; last one wins. */
export function parseDotEnv(text: string): DotEnvParse {
  const vars: Record<string, string> = {};
  const issues: DotEnvIssue[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line.length === 0 || line.startsWith("#")) return;
    const body = line.startsWith("export ") ? line.slice("export ".length).trimStart() : line;
    const eq = body.indexOf("=");
    if (eq <= 0) {
      issues.push({ line: index + 1, message: "expected KEY=value" });
      return;
    }
    const key = body.slice(0, eq).trim();
    if (!envKeyPattern.test(key)) {
      issues.push({ line: index + 1, message: `invalid key ${JSON.stringify(key)}` });
      return;
    }
    vars[key] = parseDotEnvValue(body.slice(eq + 1).trim());
  });
  return { vars, issues };
}

function parseDotEnvValue(raw: string): string {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2) {
    const close = raw.lastIndexOf(quote);
    if (close > 0) {
      const inner = raw.slice(1, close);
      return quote === '"' ? inner.replace(/\\(["\\n])/g, (_m, c: string) => (c === "n" ? "\n" : c)) : inner;
    }
  }
  const hash = raw.search(/\s#/);
  return (hash >= 0 ? raw.slice(0, hash) : raw).trim();
}

/** Render a map as a `.env` file that `parseDotEnv` reads back to the same map. */
export function renderDotEnv(vars: EnvMap): string {
  const lines = Object.entries(vars).map(([key, value]) => {
    const plain = /^[A-Za-z0-9_./:@+,-]*$/.test(value);
    const quoted = `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
    return `${key}=${plain ? value : quoted}`;
  });
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

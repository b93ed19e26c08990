// The real OpenClaw release each release profile stands for in `pnpm sim bisect <scenario> --real`: one row per
// profile, data only. A profile without a row (or with `release: null`) is reported as "could not run" with the
// row's note. Adding a profile for another release is one line here.

export interface ReleaseRow {
  /** The profile's name in src/profiles/catalog.ts. */
  readonly profile: string;
  /** The npm version of `openclaw` to run, or null when none stands for the profile. */
  readonly release: string | null;
  /** Why this release (said next to the row when it is not the profile's own version). */
  readonly note?: string;
  /** The release's `gateway run` ignores `--port`: the port is written into its config as `gateway.port`. */
  readonly portInConfig?: boolean;
}

export const releaseRows: readonly ReleaseRow[] = [
  { profile: "2026.2.12", release: "2026.2.12", portInConfig: true },
  { profile: "2026.2.13", release: "2026.2.12", note: "2026.2.13 was never published; 2026.2.12 is the nearest earlier release", portInConfig: true },
  { profile: "2026.2.14", release: "2026.2.12", note: "2026.2.14 was never published; 2026.2.12 is the nearest earlier release", portInConfig: true },
  { profile: "2026.2.17", release: "2026.2.17" },
  { profile: "2026.2.22", release: "2026.2.22" },
  { profile: "2026.3.2", release: "2026.3.2" },
  { profile: "2026.3", release: "2026.3.13", note: "the 2026.3 profile follows 2026.3.13" },
  { profile: "2026.3.31", release: "2026.3.31" },
  { profile: "2026.4", release: "2026.4.14", note: "the 2026.4 profile follows 2026.4.14" },
  { profile: "2026.4.22", release: "2026.4.22" },
  { profile: "2026.5", release: "2026.5.28", note: "the 2026.5 profile was read in the 2026.5.28 dist and replayed against its recording" },
  { profile: "2026.6", release: "2026.6.11", note: "the 2026.6 profile was read in the 2026.6.11 dist and replayed against its recording" },
  { profile: "2026.7", release: "2026.7.1", note: "the 2026.7 profile was read in the 2026.7.1 dist and replayed against its recording" },
  { profile: "2026.8", release: "2026.8.2", note: "the 2026.8 profile was recorded from 2026.8.2" },
  { profile: "2026.9", release: "2026.9.6", note: "the 2026.9 profile was recorded from 2026.9.6" },
];

/** The row for a profile; a profile nobody mapped yet gets `release: null`. */
export function releaseRowFor(profile: string, rows: readonly ReleaseRow[] = releaseRows): ReleaseRow {
  return rows.find((r) => r.profile === profile) ?? { profile, release: null, note: `no real release is mapped to profile ${profile} (sim/bisect-real/releases.ts)` };
}

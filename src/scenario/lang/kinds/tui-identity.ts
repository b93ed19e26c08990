// The TUI's connect identity per release (a profile-aware default): before PR #55730 it connected as
// gateway-client/ui with display name openclaw-tui; later releases send their own id.
import type { Profile } from "../../../profiles/index.ts";
import { CLIENT_IDS_BY_ERA } from "../../../protocol/index.ts";

/** Whether the release's connect schema still lacks the openclaw-tui client id (up to 2026.2.22). */
export function tuiIdUnknown(profile: Profile): boolean {
  return !CLIENT_IDS_BY_ERA[profile.gateway.connectSchema].includes("openclaw-tui");
}

export function releaseTuiIdentity(profile: Profile): { clientId?: "gateway-client"; displayName?: string } {
  return tuiIdUnknown(profile) ? { clientId: "gateway-client", displayName: "openclaw-tui" } : {};
}

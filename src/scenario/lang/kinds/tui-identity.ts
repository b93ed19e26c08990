// The TUI's connect identity per release (a profile-aware default): before PR #55730 it connected as
// gateway-client/ui with display name openclaw-tui; later releases send their own id.
import type { Profile } from "../../../profiles/index.ts";

export function releaseTuiIdentity(profile: Profile): { clientId?: "gateway-client"; displayName?: string } {
  return profile.gateway.connectSchema === "feb" ? { clientId: "gateway-client", displayName: "openclaw-tui" } : {};
}

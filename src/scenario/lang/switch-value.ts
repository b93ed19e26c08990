// A profile switch by path (`gateway.revokeClosesSessions`), as `when: { switch }` names it.
import type { Profile } from "../../profiles/index.ts";

export function switchValue(profile: Profile, path: string): unknown {
  const [section, name] = path.split(".");
  const table = (profile as unknown as Record<string, Record<string, unknown> | undefined>)[section ?? ""];
  return table && name !== undefined ? table[name] : undefined;
}

// 2026.9: a node host (client node-host, mode node) that names a desktop platform alias is recorded with the
// canonical platform and its device family (linux → Linux, darwin/macos → Mac, win32/windows → Windows) before
// pairing, so its pinned record carries a deviceFamily that later connects must match. Pure; data only.
const desktopAliases: Readonly<Record<string, { readonly platform: string; readonly deviceFamily: string }>> = {
  darwin: { platform: "macos", deviceFamily: "Mac" },
  linux: { platform: "linux", deviceFamily: "Linux" },
  macos: { platform: "macos", deviceFamily: "Mac" },
  win32: { platform: "windows", deviceFamily: "Windows" },
  windows: { platform: "windows", deviceFamily: "Windows" },
};

interface ClientMetadata {
  readonly id: string;
  readonly mode: string;
  readonly platform?: string;
  readonly deviceFamily?: string;
}

/** The client with node-host desktop metadata made canonical; any other client unchanged. */
export function normalizeNodeHostMetadata<C extends ClientMetadata>(client: C): C {
  if (client.id !== "node-host" || client.mode !== "node" || client.platform === undefined) return client;
  if (!Object.hasOwn(desktopAliases, client.platform)) return client;
  const canonical = desktopAliases[client.platform]!;
  const family = client.deviceFamily?.trim();
  if (family && family.toLowerCase() !== canonical.deviceFamily.toLowerCase()) return client;
  if (client.platform === canonical.platform && family) return client;
  return { ...client, platform: canonical.platform, deviceFamily: family || canonical.deviceFamily };
}

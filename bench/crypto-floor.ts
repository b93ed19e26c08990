// The crypto floor of a device handshake: one Ed25519 sign and one verify with node:crypto over prebuilt key
// objects — what any implementation of the handshake must at least spend. Measured in the same run as the harness.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

const poolSize = 64;
const pkcs8Prefix = Buffer.from("302e020100300506032b657004220420", "hex");

export interface CryptoFloor {
  signAndVerify(): void;
}

export function cryptoFloor(): CryptoFloor {
  const keys: { priv: KeyObject; pub: KeyObject }[] = [];
  for (let i = 0; i < poolSize; i++) {
    const seed = Buffer.alloc(32, i + 1);
    const priv = createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: "der", type: "pkcs8" });
    keys.push({ priv, pub: createPublicKey(priv) });
  }
  // A v3 payload's size: version, 64-hex device id, client, role, scopes, time, token, nonce, platform, family.
  const message = Buffer.from(`v3|${"ab".repeat(32)}|cli|cli|operator|operator.read|1767225600000|bench-token|${"cd".repeat(18)}|linux|`);
  let next = 0;
  return {
    signAndVerify() {
      const k = keys[next++ % poolSize]!;
      const signature = sign(null, message, k.priv);
      if (!verify(null, message, k.pub, signature)) throw new Error("crypto floor: verify failed");
    },
  };
}

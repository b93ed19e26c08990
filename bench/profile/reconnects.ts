// Profiling target: device-signed handshakes of already-paired devices (`node --cpu-prof --import tsx bench/profile/reconnects.ts N P`).
import { handshakeWorld } from "../handshake.ts";

const count = Number(process.argv[2] ?? 3000);
const paired = Number(process.argv[3] ?? 100);
const world = handshakeWorld({ paired, withDevice: true });
const start = performance.now();
for (let i = 0; i < count; i++) world.handshake();
console.log(`${count} device-signed handshakes over ${paired} paired devices: ${(count / ((performance.now() - start) / 1000)).toFixed(0)}/s`);

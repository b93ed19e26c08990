// One paired-device count's handshake rates in a process of its own (bench/main.ts merges them): its world's heap
// and trace are the only ones the collector sees, as in a user's run. Args: rounds, with-device-less (1|0), paired.
import { measureRates } from "./rates.ts";

const [rounds, withDeviceLess, paired] = process.argv.slice(2).map(Number);
console.log(JSON.stringify(measureRates({ rounds: rounds!, pairedDevices: [paired!], deviceLess: withDeviceLess === 1 })));

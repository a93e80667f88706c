import { runThroughput } from './dist/src/bench/throughput.js';
const r = await runThroughput({ connections: 50, warmupSeconds: 1, seconds: 5, rounds: Number(process.argv[2] ?? 4), targets: ['mock', 'bare-node-http'], log: (l) => console.log(l) });

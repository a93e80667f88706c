/** The benchmark report `npm run bench` writes (bench-results.json) and prints as a table. */
import type { CatalogResult } from './catalog.js';
import type { InstallSizeResult } from './install-size.js';
import type { MemoryResult } from './memory.js';
import type { StormResult } from './refresh-storm.js';
import type { ShardsResult } from './shards.js';
import type { StartupResult } from './startup.js';
import type { Ratios, TargetCheck } from './targets.js';
import type { ThroughputResult } from './throughput.js';
import type { VerifyBenchResult } from './verify.js';

export interface BenchReport {
  schemaVersion: 1;
  startedAt: string;
  durationSeconds: number;
  machine: { node: string; cores: number; pinned: boolean; loadAverageBefore: number[]; loadAverageAfter: number[]; commit: string | null };
  throughput?: ThroughputResult & { ratios: Ratios };
  refreshStorm?: StormResult;
  catalog?: CatalogResult;
  startup?: StartupResult;
  memory?: MemoryResult;
  install?: InstallSizeResult;
  shards?: ShardsResult;
  verify?: VerifyBenchResult;
  targets: TargetCheck[];
}

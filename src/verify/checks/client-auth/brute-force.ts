/**
 * The throttling heuristic shared by AS-CA-BRUTE-FORCE and AS-REV-DOS (RFC 6819
 * §5.1.4.2.3): send many failing attempts, then look for a signal.
 */
import type { CheckContext } from '../../context.js';
import type { ProbeResponse } from '../../probe.js';

const ATTEMPTS = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Returns a description of the throttling signal seen, or undefined. */
export async function bruteForceSignal(ctx: CheckContext, attempt: (n: number) => Promise<ProbeResponse>): Promise<string | undefined> {
  ctx.step(`${ATTEMPTS} failing attempts`);
  const results: ProbeResponse[] = [];
  for (let n = 0; n < ATTEMPTS; n += 1) {
    const res = await attempt(n);
    results.push(res);
    if (res.status === 429) return `throttled after ${n + 1} attempts (429)`;
    if (res.headers.get('retry-after')) return `Retry-After after ${n + 1} attempts`;
  }
  const first = results[0]!.status;
  const changed = results.find((r) => r.status !== first);
  if (changed) return `responses changed from ${first} to ${changed.status} (lockout)`;
  const early = median(results.slice(0, 10).map((r) => r.elapsedMs));
  const late = median(results.slice(-10).map((r) => r.elapsedMs));
  if (late > early * 2 + 100) return `latency rose from ${Math.round(early)} ms to ${Math.round(late)} ms`;
  return undefined;
}

/**
 * The load generator, run as its own process (pinned to the core the server does not
 * use): autocannon against a token endpoint, a warm-up run then a measured run.
 * Reads its task as JSON in argv[2]; prints `{"phase":"run"}` when the measured run
 * starts, then one JSON result line.
 */
import autocannon from 'autocannon';

export interface LoadTask {
  url: string;
  client_id: string;
  client_secret: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Send exactly this many requests instead of running for `seconds`. */
  amount?: number;
}

export interface LoadResult {
  /** Mean requests per second over the measured run (autocannon's per-second samples). */
  requestsPerSecond: number;
  /** Verified 200 token responses per second: (2xx − body mismatches) / duration. */
  okPerSecond: number;
  total: number;
  ok2xx: number;
  non2xx: number;
  mismatches: number;
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  durationSeconds: number;
}

/** A real token response carries an access token and the Bearer type (RFC 6749 §5.1). */
export function looksLikeTokenResponse(body: string): boolean {
  return body.includes('"access_token":"') && /"token_type":"bearer"/i.test(body);
}

function run(task: LoadTask, seconds: number, amount?: number): Promise<autocannon.Result> {
  const basic = Buffer.from(`${encodeURIComponent(task.client_id)}:${encodeURIComponent(task.client_secret)}`).toString('base64');
  return autocannon({
    url: task.url,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}`, accept: 'application/json' },
    body: 'grant_type=client_credentials&scope=read',
    connections: task.connections,
    pipelining: 1,
    ...(amount ? { amount } : { duration: seconds }),
    verifyBody: (body) => typeof body === 'string' && looksLikeTokenResponse(body),
  });
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as LoadTask;
  if (task.warmupSeconds > 0) await run(task, task.warmupSeconds);
  // Tells the bench the measured run starts now (it samples the server's CPU time here).
  process.stdout.write(`${JSON.stringify({ phase: 'run' })}\n`);
  const r = await run(task, task.seconds, task.amount);
  const result: LoadResult = {
    requestsPerSecond: r.requests.average,
    okPerSecond: (r['2xx'] - r.mismatches) / r.duration,
    total: r.requests.total,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    mismatches: r.mismatches,
    errors: r.errors,
    timeouts: r.timeouts,
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.average, max: r.latency.max },
    durationSeconds: r.duration,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

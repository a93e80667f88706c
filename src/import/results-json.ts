/**
 * The harness's own `results.json` (docs/results.schema.json) as a recording: one case's
 * exchanges, already redacted by the run that wrote it (tokens are `[redacted:xxxxxxxx]`
 * markers, equal for equal values, which is all the import needs to see rotation).
 */
import { z } from 'zod';
import { HarnessError } from '../errors/harness-error.js';
import type { Exchange } from '../results/model.js';

const exchange = z
  .object({
    seq: z.number().int(),
    from: z.enum(['user-agent', 'client', 'harness']).catch('client'),
    to: z.enum(['authorization-server', 'resource-server', 'client', 'other']).catch('other'),
    endpoint: z.string().optional(),
    step: z.string().optional(),
    request: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()).default({}), body: z.string().optional() }).loose(),
    response: z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()).default({}), body: z.string().optional() }).loose(),
    at: z.number().optional(),
  })
  .loose();

const caseSchema = z.object({ id: z.string(), title: z.string().default(''), verdict: z.string().default(''), exchanges: z.array(exchange).default([]) }).loose();

/** The part of a results.json the import reads. */
export const resultsSchema = z.object({ tool: z.literal('oauth-harness'), cases: z.array(caseSchema) }).loose();

/** Whether a parsed JSON value looks like an oauth-harness results.json. */
export function looksLikeResults(v: unknown): boolean {
  const r = v as { tool?: unknown; cases?: unknown } | null;
  return typeof r === 'object' && r !== null && r.tool === 'oauth-harness' && Array.isArray(r.cases);
}

/**
 * The exchanges of one case: the one named by `caseId`, else the only case with
 * exchanges. Several candidates without `caseId` are a usage error listing their ids.
 */
export function resultsExchanges(display: string, data: z.infer<typeof resultsSchema>, caseId?: string): { exchanges: Exchange[]; caseId: string; title: string } {
  const withTraffic = data.cases.filter((c) => c.exchanges.length > 0);
  let chosen = caseId !== undefined ? data.cases.find((c) => c.id === caseId) : withTraffic.length === 1 ? withTraffic[0] : undefined;
  if (caseId !== undefined && !chosen) {
    throw new HarnessError('USAGE', `${display}: no case "${caseId}"; cases: ${listIds(data.cases.map((c) => c.id))}`);
  }
  if (!chosen) {
    if (!withTraffic.length) throw new HarnessError('INPUT_INVALID', `${display}: results.json holds no recorded exchanges`);
    // a run of one failed scenario among passing ones: that is the bug report
    const failed = withTraffic.filter((c) => c.verdict === 'failed');
    if (failed.length === 1) chosen = failed[0];
    else throw new HarnessError('USAGE', `${display}: ${withTraffic.length} cases have exchanges; choose one with --case ID: ${listIds(withTraffic.map((c) => c.id))}`);
  }
  return { exchanges: chosen!.exchanges.map((e) => ({ ...e }) as Exchange), caseId: chosen!.id, title: chosen!.title };
}

function listIds(ids: string[]): string {
  return ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, … ${ids.length - 12} more` : ids.join(', ');
}

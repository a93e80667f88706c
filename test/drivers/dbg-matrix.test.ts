import { it } from 'vitest';
import { renderMatrixMarkdown, runMatrix, writeMatrix } from '../../src/drivers/matrix.js';

it('matrix', async () => {
  const t = Date.now();
  const m = await runMatrix({ concurrency: Number(process.env.CONC ?? 3), ...(process.env.CLIENTS ? { clients: process.env.CLIENTS.split(',') } : {}), ...(process.env.SCENS ? { scenarios: process.env.SCENS.split(',') } : {}),
    onCell: (c, r) => { if (c.verdict === 'failed') console.log(c.client, c.scenario, c.reason, c.message, JSON.stringify((r as any).clientRuns?.map((x: any) => `${x.step} ${x.exitCode} ${x.stderr.trim().split('\n').slice(-2).join(' / ')}`))); } });
  console.log(renderMatrixMarkdown(m));
  writeMatrix(m, '/tmp/dbg');
  console.log('took', Date.now() - t);
}, 600000);

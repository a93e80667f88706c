#!/usr/bin/env node
// Entry point: the command line, bundled into dist/cli/ by `npm run build` (npm ci does it;
// rolldown.config.mjs says why it is a bundle).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/oauth-harness.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('oauth-harness is not built: run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);

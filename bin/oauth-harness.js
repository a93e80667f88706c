#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('oauth-harness is not built: run `npm run build` (npm ci does it for you)\n');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);

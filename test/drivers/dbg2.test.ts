import { it } from 'vitest';
import { execSync } from 'node:child_process';
it('env', () => {
  console.log('NODE_OPTIONS=', process.env.NODE_OPTIONS, Object.keys(process.env).filter(k=>/VITE|NODE/.test(k)));
  let t = Date.now(); execSync('OAUTH_HARNESS_STEP=x node clients/oauth4webapi.mjs || true', {stdio:'ignore'}); console.log('node', Date.now()-t);
  t = Date.now(); execSync('OAUTH_HARNESS_STEP=x /usr/bin/python3 clients/requests-oauthlib.py || true', {stdio:'ignore'}); console.log('py', Date.now()-t);
});

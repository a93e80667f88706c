// The image's HEALTHCHECK: asks the running `serve` (PID 1) for the discovery document of
// its first profile, on the port and address it was started with (the last --port and
// --host win, as in the CLI), so overriding them with `docker run … --port 9000` keeps the
// check right. Exit 0 healthy, 1 not.
import { readFileSync } from 'node:fs';

const args = readFileSync('/proc/1/cmdline', 'utf8').split('\0').filter(Boolean);
const last = (flag, fallback) => {
  let value = fallback;
  args.forEach((a, i) => {
    if (a === flag && args[i + 1] !== undefined) value = args[i + 1];
    else if (a.startsWith(`${flag}=`)) value = a.slice(flag.length + 1);
  });
  return value;
};
const port = last('--port', '8900');
const host = last('--host', '127.0.0.1');
const address = ['0.0.0.0', '::', '[::]', 'localhost'].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
const profile = last('--profile', 'rfc-strict');
// a profile file's issuer is named inside the file: any answer from the server will do
const [path, ok] = /\.ya?ml$/i.test(profile) ? ['/', (s) => s < 500] : [`/${profile}/.well-known/oauth-authorization-server`, (s) => s === 200];
try {
  const res = await fetch(`http://${address}:${port}${path}`, { signal: AbortSignal.timeout(2500) });
  process.exit(ok(res.status) ? 0 : 1);
} catch {
  process.exit(1);
}

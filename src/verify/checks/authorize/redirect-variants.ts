/**
 * Look-alike redirect URIs (OAuch: RedirectUriFullyMatchedTest, RedirectUriPathMatchedTest,
 * RedirectUriConfusionTest, CodePollutionTest): each differs from the registered one.
 */
export interface Variant {
  name: string;
  uri: string;
}

export function redirectVariants(registered: string): Variant[] {
  const r = new URL(registered);
  const path = r.pathname;
  const q = r.search;
  const base = `${r.protocol}//${r.host}`;
  const out: Variant[] = [
    { name: 'extra path segment', uri: `${base}${path.replace(/\/$/, '')}/x${q}` },
    { name: 'code pollution', uri: `${registered.split('#')[0]}${q ? '&' : '?'}code=attacker` },
    { name: 'encoded traversal', uri: `${base}${path}%2F..%2Fx${q}` },
    { name: 'matrix traversal', uri: `${base}${path.replace(/\/$/, '')}/..;/x${q}` },
    { name: 'fragment', uri: `${registered.split('#')[0]}#f` },
    { name: 'other host', uri: `${r.protocol}//${r.hostname}.evil.example${r.port ? `:${r.port}` : ''}${path}${q}` },
    { name: 'userinfo', uri: `${r.protocol}//${r.host}@evil.example${path}${q}` },
    { name: 'upper-cased path', uri: `${base}${path.toUpperCase()}${q}` },
    { name: 'trailing slash', uri: `${base}${path.endsWith('/') ? path.slice(0, -1) : `${path}/`}${q}` },
    { name: 'no //', uri: `${r.protocol}${r.host}${path}${q}` },
  ];
  if (r.protocol === 'https:') out.push({ name: 'http scheme', uri: `http://${r.host}${path}${q}` });
  else out.push({ name: 'https scheme', uri: `https://${r.host}${path}${q}` });
  if (!r.port) out.push({ name: 'explicit default port', uri: `${base}:${r.protocol === 'https:' ? 443 : 80}${path}${q}` });
  return out.filter((v) => v.uri !== registered);
}

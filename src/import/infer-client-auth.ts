/**
 * Client authentication and the token endpoint's methods, from what the provider did
 * with the client's credentials: placements it accepted (a success), placements it
 * refused (the diagnoses' classifier: the error names the placement, the metadata
 * lists others, a Basic challenge answered body credentials…), client_id wanted in the
 * body beside a Basic header, a refused double
 * authentication (RFC 6749 §2.3), the status of an `invalid_client` for body
 * credentials (§5.2 allows 400 or 401), and GET token requests (Facebook).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
import { clientAuthFailures, missingClientId } from '../diagnoses/client-auth.js';
import { errorOf, failed, kindOf, paramsOf, stringList } from '../diagnoses/traffic.js';
import { credentialPlacement, type Placement } from '../observe/wire.js';
import type { Exchange } from '../results/model.js';
import { refs, type Findings } from './inference.js';

type Method = 'client_secret_basic' | 'client_secret_post' | 'client_secret_query';
const METHOD: Partial<Record<Placement, Method>> = { basic: 'client_secret_basic', body: 'client_secret_post', query: 'client_secret_query' };
const ORDER: Method[] = ['client_secret_basic', 'client_secret_post', 'client_secret_query'];
const sorted = (s: Set<Method>) => ORDER.filter((m) => s.has(m));

const authenticated = (e: Exchange) => ['token', 'revocation', 'introspection'].includes(kindOf(e));

export function inferClientAuth(oauth: Exchange[], metadata: Record<string, unknown> | undefined, f: Findings): void {
  const calls = oauth.filter(authenticated);
  if (!calls.length) return;
  const failures = clientAuthFailures(oauth);
  const failedSeqs = new Set(failures.map((x) => x.exchange.seq));
  const accepted = new Map<Method, number[]>();
  for (const e of calls) {
    // accepted: the request went past client authentication (a success, or a grant error such as invalid_grant)
    if (failedSeqs.has(e.seq)) continue;
    if (failed(e) && e.response.status === 401) continue;
    const m = METHOD[credentialPlacement(e.request)];
    if (m) accepted.set(m, [...(accepted.get(m) ?? []), e.seq]);
  }
  const refused = new Map<Method, number[]>();
  const wanted = new Map<Method, string>();
  for (const x of failures.filter((x) => x.kind === 'placement')) {
    const m = METHOD[x.used];
    if (m && !accepted.has(m)) refused.set(m, [...(refused.get(m) ?? []), x.exchange.seq]);
    for (const w of x.wanted) {
      const wm = METHOD[w];
      if (wm) wanted.set(wm, x.how);
    }
  }
  const listed = stringList(metadata?.token_endpoint_auth_methods_supported)?.filter((m): m is Method => ORDER.includes(m as Method));
  const methods = new Set<Method>([...accepted.keys(), ...wanted.keys(), ...(listed ?? [])]);
  for (const m of refused.keys()) methods.delete(m);
  const parts: string[] = [];
  for (const [m, seqs] of accepted) parts.push(`${m} accepted (${refs(seqs)})`);
  for (const [m, seqs] of refused) parts.push(`${m} refused (${refs(seqs)})`);
  for (const [m, how] of wanted) if (!accepted.has(m)) parts.push(`${m} wanted: ${how}`);
  if (listed) parts.push(`metadata token_endpoint_auth_methods_supported = [${listed.join(', ')}]`);
  if (methods.size) {
    const unseen = ORDER.slice(0, 2).filter((m) => !methods.has(m) && !refused.has(m));
    const open = unseen.length > 0 && !listed;
    const needed = [...accepted.keys(), ...wanted.keys()];
    // another list is as consistent when it keeps what was accepted and leaves out what was refused
    const consistent = (v: unknown) => Array.isArray(v) && needed.every((m) => v.includes(m)) && [...refused.keys()].every((m) => !v.includes(m));
    f.set(['clientAuth', 'methods'], sorted(methods), parts.join('; '), open ? `the recording does not show whether ${unseen.join(' or ')} would be accepted too` : undefined, open ? consistent : undefined);
  } else if (refused.size) {
    const rest = ORDER.slice(0, 2).filter((m) => !refused.has(m));
    f.set(['clientAuth', 'methods'], rest, parts.join('; '), 'only the refusal is recorded: which placement the provider wants is assumed to be the other one');
  }

  // RFC 6749 §5.2: 400 or 401 for a failed authentication that did not use Basic
  const bodyFailure = failures.find((x) => x.used !== 'basic' && x.error.code === 'invalid_client' && (x.error.status === 400 || x.error.status === 401));
  if (bodyFailure) f.set(['clientAuth', 'invalidClientStatus'], bodyFailure.error.status, `invalid_client for credentials outside a Basic header answered ${bodyFailure.error.status} (#${bodyFailure.exchange.seq})`);

  const twice = failures.find((x) => x.kind === 'twice');
  const bothOk = calls.find((e) => credentialPlacement(e.request) === 'multiple' && !failed(e));
  if (twice) f.set(['clientAuth', 'rejectMultiple'], true, `credentials sent two ways were refused (#${twice.exchange.seq})`);
  else if (bothOk) f.set(['clientAuth', 'rejectMultiple'], false, `credentials sent two ways were accepted (#${bothOk.seq})`);

  // client_id wanted in the body beside a Basic header (RFC 6749 §3.2.1 asks it only of unauthenticated clients)
  const missingId = calls.find((e) => failed(e) && missingClientId(e, errorOf(e.response) ?? { status: e.response.status, code: undefined, text: '' }));
  const basicAlone = calls.find((e) => credentialPlacement(e.request) === 'basic' && !paramsOf(e).has('client_id') && !failedSeqs.has(e.seq) && !(failed(e) && (e.response.status === 401 || errorOf(e.response)?.code === 'invalid_request')));
  if (missingId) f.set(['clientAuth', 'requireClientIdInBody'], true, `Basic credentials without client_id in the body were refused for it (#${missingId.seq}: "${(errorOf(missingId.response)?.text ?? '').slice(0, 80)}")`);
  else if (basicAlone) f.set(['clientAuth', 'requireClientIdInBody'], false, `Basic credentials without client_id in the body were accepted (#${basicAlone.seq})`);

  // GET token requests (Facebook's documented exchange)
  const tokenCalls = calls.filter((e) => kindOf(e) === 'token');
  const getOk = tokenCalls.filter((e) => e.request.method === 'GET' && !failures.some((x) => x.exchange === e && x.kind === 'placement'));
  const getRefused = failures.filter((x) => x.exchange.request.method === 'GET' && x.kind === 'placement' && /GET/.test(x.how));
  if (getOk.length) {
    const postSeen = tokenCalls.some((e) => e.request.method === 'POST' && !failed(e));
    f.set(['tokenEndpoint', 'methods'], ['GET', 'POST'], `GET token requests were answered (${refs(getOk.map((e) => e.seq))})${postSeen ? ' and so were POSTs' : ''}`, postSeen ? undefined : 'POST is not in the recording; it is kept as the RFC 6749 §3.2 method');
  } else if (getRefused.length) {
    f.set(['tokenEndpoint', 'methods'], ['POST'], `a GET token request was refused (${refs(getRefused.map((x) => x.exchange.seq))})`);
  }
}

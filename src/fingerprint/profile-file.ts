/**
 * A profile file outside `mocks/profiles/` (a fingerprinted one, or one written by hand),
 * read and validated like the built-in ones, and served: `oauth-harness serve --profile
 * ./login-example-com.yaml` serves it at `/<its name>`.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { defaultUsers, profileClients } from '../../mocks/profiles.js';
import type { Clock } from '../../mocks/provider/clock.js';
import { createProvider, type MockProvider } from '../../mocks/provider/provider.js';
import { parseSwitches, profileSchema, type Profile } from '../../mocks/provider/switches.js';
import { HarnessError } from '../errors/harness-error.js';

/** Profile files are small; anything larger is not one. */
const MAX_PROFILE_BYTES = 1024 * 1024;

/** Whether a `--profile` value names a file rather than a built-in profile. */
export function isProfileFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Reads and validates a profile file; a problem is a {@link HarnessError} naming the file (exit 2). */
export function readProfileFile(file: string): Profile {
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new HarnessError('FILE_NOT_FOUND', `${file}: not a file`);
    if (st.size > MAX_PROFILE_BYTES) throw new HarnessError('CONFIG_INVALID', `${file}: larger than a profile may be (1 MB)`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof HarnessError) throw e;
    throw new HarnessError('FILE_NOT_FOUND', `${file}: cannot read the profile (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) throw new HarnessError('CONFIG_INVALID', `${file}: invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const parsed = profileSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new HarnessError('CONFIG_INVALID', `${file}: not a profile: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  try {
    parseSwitches(parsed.data.switches);
  } catch (e) {
    const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
    throw new HarnessError('CONFIG_INVALID', `${file}: invalid switches: ${issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ') || (e as Error).message}`);
  }
  return parsed.data;
}

/** A provider for a profile read from a file (switch defaults, generated secrets and users as for built-in profiles). */
export function providerFromProfile(profile: Profile, o: { issuer: string; seed: number; clock?: Clock; record?: number }): MockProvider {
  return createProvider({
    profile: profile.name,
    issuer: o.issuer,
    switches: parseSwitches(profile.switches),
    clients: profileClients(profile, o.seed),
    users: profile.users.length ? profile.users : defaultUsers(o.seed),
    seed: o.seed,
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.record !== undefined ? { record: o.record } : {}),
  });
}

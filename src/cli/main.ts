/**
 * The `oauth-harness` command line. User mistakes end with a one-line message (or one
 * line per problem) and exit code 2, never a stack trace.
 */
import { Command, CommanderError, Option } from 'commander';
import { HarnessError } from '../errors/harness-error.js';
import { containerTargetList } from '../targets/servers/registry.js';
import { red } from './console-output.js';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** What a live target (`--target https://issuer`) needs: the same options on `run` and `parity` (src/targets/live-target.ts). */
function addLiveTargetOptions(cmd: Command): void {
  cmd
    .option('--config <file>', 'with --target <issuer URL>: verify.yaml giving the client, the test user and behavesLike')
    .option('--client-id <id>', 'with --target <issuer URL>: the client registered there')
    .option('--client-secret <secret>', 'with --target <issuer URL>: its secret')
    .option('--redirect-uri <uri>', 'with --target <issuer URL>: its registered redirect URI')
    .addOption(new Option('--user <name:password>', 'with --target <issuer URL>: a test user (repeatable)').argParser(collect))
    .addOption(new Option('--behaves-like <profile>', 'with --target <issuer URL>: a built-in profile the server behaves like (repeatable; default rfc-strict)').argParser(collect));
}

function program(): Command {
  const p = new Command('oauth-harness')
    .description('OAuth 2.0 conformance and integration test harness: provider quirks as scenario files, run against mock providers and real servers.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    // Ctrl-C and SIGTERM: clean-ups, partial reports, exit 130 (serve has its own: it stops and exits 0)
    .hook('preAction', async (_p, cmd) => {
      if (cmd.name() !== 'serve') (await import('../interrupt/interrupt.js')).handleInterrupts();
    });

  p.command('run')
    .description('run scenario files (default: the built-in catalog) and write reports')
    .argument('[paths...]', 'scenario files or folders')
    .option('--grep <pattern>', 'only scenarios whose id, title or tag matches')
    .option('--seed <n>', 'seed for generated users and data', '1')
    .option('--bail', 'stop at the first failed scenario')
    .option('--report <list>', 'reports to write: junit,json,html (or all, none)', 'junit,json,html')
    .option('--out <dir>', 'folder for reports', 'reports')
    .option('--expected-failures <file>', 'YAML list of { id, reason }: listed failures do not fail the run; a listed case that now passes does')
    .option('--target <target>', `where the provider runs: mock (default), ${containerTargetList()}, or an issuer URL (see: oauth-harness targets)`)
    .option('--client <driver>', 'run every scenario with this client: reference, command:"<program>", or web:"<command>"')
    .option('--shard <i/n>', 'run part i of n (a stable split by scenario id); merge the parts with merge-reports')
    .option('--list', 'print the selected scenarios and run nothing')
    .option('--reporter <name>', 'console output: default, verbose (warnings in full), dot, github (annotations and job summary)', 'default')
    .option('--quiet', 'no line per case: only the recap of failures and the summary')
    .action(async (paths: string[], o) => {
      const { runCommand } = await import('./commands/run.js');
      process.exitCode = await runCommand(paths, o);
    });

  p.command('merge-reports')
    .description('merge the results of shards (run/verify --shard i/n) into one results.json, junit.xml and report.html')
    .argument('<dirs...>', 'folders holding results.json (or results.json files), one per shard')
    .option('--report <list>', 'reports to write: junit,json,html (or all, none)', 'junit,json,html')
    .option('--out <dir>', 'folder for the merged reports', 'reports')
    .option('--reporter <name>', 'console output: default (the recap of failures and the summary), github (also annotations and a job summary)', 'default')
    .action(async (dirs: string[], o) => {
      const { mergeReportsCommand } = await import('./commands/merge-reports.js');
      process.exitCode = await mergeReportsCommand(dirs, o);
    });

  p.command('serve')
    .description('serve mock providers on 127.0.0.1, one issuer per profile at /<profile>')
    .addOption(new Option('--profile <name>', 'profile to serve (repeatable): a built-in name, or a profile file (.yaml) such as fingerprint writes').argParser(collect).default([]))
    .option('--port <n>', 'port (0 = any free port)', '8900')
    .option('--host <addr>', 'address to bind', '127.0.0.1')
    .option('--json', 'print the issuers and credentials as one JSON line')
    .option('--seed <n>', 'seed for generated client secrets and users', '1')
    .addOption(new Option('--redirect-uri <uri>', 'register an extra redirect URI for every client (repeatable)').argParser(collect).default([]))
    .option('--record <n>', 'exchanges each issuer keeps for the admin API (0 = none, for load tests)', '1000')
    .option('--max-body <bytes>', 'largest request body read; larger ones get 413', '1048576')
    .addOption(new Option('--allowed-host <name>', 'a host name the admin API answers besides localhost, 127.0.0.1, [::1] and the bound address (repeatable)').argParser(collect).default([]))
    .option('--admin-token <token>', 'require Authorization: Bearer <token> on the admin API (or OAUTH_HARNESS_ADMIN_TOKEN)')
    .option('--public-url <origin>', 'publish the issuers under this origin instead of the bound address (a container\'s published port: http://localhost:8900; a compose service: http://oauth-mock:8900)')
    .action(async (o) => {
      const { serveCommand, printServeInfo } = await import('./commands/serve.js');
      const { close, info } = await serveCommand(o);
      printServeInfo(info, o.json === true);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await close();
    });

  p.command('verify')
    .description('check an authorization server against the RFC requirements: one check per requirement of docs/requirements.md')
    .option('--issuer <url>', 'the server\'s issuer identifier (metadata is discovered from it)')
    .option('--client-id <id>', 'a confidential test client (F1)')
    .option('--client-secret <secret>', 'its secret (or ${env:NAME} in --config)')
    .option('--redirect-uri <uri>', 'a redirect URI registered for the client (needed for login checks)')
    .option('--plan <name>', 'rfc6749 or bcp (adds RFC 9700, 9207, 8252)')
    .option('--config <file>', 'verify.yaml: fixtures, login, lifetimes (flags override it)')
    .option('--target <target>', `start a server to verify: ${containerTargetList()} (see: oauth-harness targets)`)
    .addOption(new Option('--only <id>', 'run only this check (repeatable)').argParser(collect).default([]))
    .option('--expected-failures <file>', 'YAML list of { id, reason }: listed failures do not fail the run; a listed check that now passes does')
    .option('--timeout <duration>', 'longest wait for one response, e.g. 15s (default), 500ms, 1m; a request without an answer by then is not retried, and what needed it is not tested')
    .option('--allow-wait <duration>', 'longest wait for time to pass (a token to expire), e.g. 5m; default 30s: longer waits are not made and those checks are not tested')
    .option('--report <list>', 'reports to write: junit,json,html (or all, none)', 'junit,json,html')
    .option('--out <dir>', 'folder for reports', 'reports')
    .option('--shard <i/n>', 'run part i of n of the checks (a stable split by check id); merge the parts with merge-reports')
    .option('--list', 'print the checks of the plan (after --only and --shard) and run nothing')
    .option('--reporter <name>', 'console output: default, verbose, dot, github (annotations and job summary)', 'default')
    .option('--quiet', 'no line per case: only the recap of failures and the summary')
    .action(async (o) => {
      const { verifyCommand } = await import('./commands/verify.js');
      process.exitCode = await verifyCommand(o);
    });

  p.command('parity')
    .description('run scenarios on the mock profile and on a real server in a container, and list the differences')
    .argument('[paths...]', 'scenario files or folders (default: the built-in catalog)')
    .requiredOption('--target <target>', `${containerTargetList()}, or an issuer URL (see: oauth-harness targets)`)
    .option('--seed <n>', 'seed for generated users and data', '1')
    .option('--out <dir>', 'folder for parity.json and parity.md', 'reports')
    .action(async (paths: string[], o) => {
      const { parityCommand } = await import('./commands/parity.js');
      process.exitCode = await parityCommand(paths, o);
    });

  p.command('matrix')
    .description('drive real third-party OAuth clients through the compatibility scenarios; writes matrix.json and matrix.md')
    .addOption(new Option('--client <id>', 'only this client (repeatable)').argParser(collect).default([]))
    .option('--concurrency <n>', 'clients run at once', '3')
    .option('--out <dir>', 'folder for the matrix files', 'reports')
    .option('--shard <i/n>', 'run part i of n of the cells (a stable split by client×scenario); merge the parts with merge-reports')
    .action(async (o) => {
      const { matrixCommand } = await import('./commands/matrix.js');
      process.exitCode = await matrixCommand(o);
    });

  p.command('import')
    .description('turn a recorded exchange (HAR 1.2, or a results.json) into a scenario that reproduces it')
    .argument('<file>', 'the recording: a HAR file (devtools, Playwright, mitmproxy, Charles) or results.json')
    .option('--out <file>', 'write the scenario here (default: stdout)')
    .option('--case <id>', 'for a results.json with several cases: the one to import')
    .option('--no-check', 'do not run the generated scenario against the mock')
    .action(async (file: string, o) => {
      const { importCommand } = await import('./commands/import.js');
      process.exitCode = await importCommand(file, o);
    });

  p.command('fingerprint')
    .description('probe a live authorization server (a bounded, listed set of requests) and write a provider profile of what it does')
    .option('--issuer <url>', "the server's issuer identifier (metadata is discovered from it)")
    .option('--target <target>', 'a real server the harness starts and probes with its own client and user: container:oidc-provider, container:glewlwyd')
    .option('--client-id <id>', 'a confidential test client')
    .option('--client-secret <secret>', 'its secret (or ${env:NAME} in --config)')
    .option('--redirect-uri <uri>', 'a redirect URI registered for the client (for the authorization endpoint and login probes)')
    .option('--config <file>', 'verify.yaml: scopes, the test user and login (for the login probe), endpoints; flags override it')
    .option('--authorization-endpoint <url>', 'for a server without metadata (GitHub): its authorization endpoint (or endpoints: in --config)')
    .option('--token-endpoint <url>', 'for a server without metadata: its token endpoint')
    .option('--revocation-endpoint <url>', 'for a server without metadata: its revocation endpoint (RFC 7009), if it has one')
    .option('--introspection-endpoint <url>', 'for a server without metadata: its introspection endpoint (RFC 7662), if it has one')
    .option('--out <file>', 'write the profile here (default: stdout)')
    .option('--name <name>', "the profile's name (default: from the issuer)")
    .option('--list', 'print the probes and what they send, and send nothing')
    .action(async (o) => {
      const { fingerprintCommand } = await import('./commands/fingerprint.js');
      process.exitCode = await fingerprintCommand(o);
    });

  p.command('schema')
    .description('print the JSON Schema of scenario files')
    .action(async () => {
      const { schemaText } = await import('./commands/schema.js');
      process.stdout.write(schemaText());
    });

  p.command('targets')
    .description('list where scenarios and verify can run: the mock, the real servers in containers, a URL')
    .action(async () => {
      const { targetsText } = await import('./commands/targets.js');
      process.stdout.write(targetsText());
    });

  p.command('profiles')
    .description('list the built-in provider profiles and what each imitates')
    .action(async () => {
      const { listProfiles, loadProfile } = await import('../../mocks/profiles.js');
      for (const name of listProfiles()) process.stdout.write(`${name.padEnd(24)} ${loadProfile(name).imitates}\n`);
    });
  for (const name of ['run', 'parity']) addLiveTargetOptions(p.commands.find((c) => c.name() === name)!);
  return p;
}

/**
 * A reader that goes away early (`oauth-harness profiles | head -3`) is not an error:
 * stop writing and exit quietly, as other command-line tools do.
 */
function quietOnClosedStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

export async function main(argv: string[]): Promise<void> {
  quietOnClosedStdout();
  try {
    await program().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (e instanceof HarnessError) {
      process.stderr.write(`${red('error:')} ${e.message}\n`);
      for (const line of e.problems) process.stderr.write(`  ${line}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    throw e;
  }
}

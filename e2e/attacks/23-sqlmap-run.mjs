import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The real sqlmap (Debian's package; .ci/run installs it) against the search
 * box and the sign-in email, where sqlmap-probes replays its payloads by
 * hand. Bounded so it ends in seconds: level 1, risk 1, boolean, error and
 * UNION techniques (time-based is left to sqlmap-probes: auth slows a source
 * failing on many emails on purpose, which sqlmap would read as a delay it
 * caused), 5 s timeouts, no retries. It sends a browser's user agent, so
 * the edge's scanner-agent block does not end the test before it starts.
 * Python's sockets cannot be told a source address from sqlmap's command
 * line, so a small bootstrap binds them to the scenario's own address.
 */
const RUN_TIMEOUT_MS = 90_000;
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
const BOUNDS = ['--batch', '--level=1', '--risk=1', '--technique=BEU', '--timeout=5', '--retries=0', '--threads=1', '--flush-session', `--user-agent=${BROWSER_UA}`];
// 401 (wrong password) and 429 (the sign-in tier, where not lifted) are answers to test through, not reasons to stop.
const IGNORE_CODES = '--ignore-code=401,429';
const BIND_SOURCE = `
import os, runpy, socket, sys
script, source = sys.argv[1], sys.argv[2]
if source:
    plain = socket.create_connection
    def bound(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, *rest, **named):
        return plain(address, timeout, (source, 0), *rest, **named)
    socket.create_connection = bound
sys.argv = [script] + sys.argv[3:]
sys.path.insert(0, os.path.dirname(script))
runpy.run_path(script, run_name='__main__')
`;
const FOUND = /sqlmap identified the following injection point|appears to be '.*' injectable|is vulnerable/i; // not the heuristic 'might be injectable': sqlmap tests that further
const NOTHING_FOUND = 'all tested parameters do not appear to be injectable';

/** sqlmap.py behind the `sqlmap` on PATH (Debian links /usr/bin/sqlmap to /usr/share/sqlmap/sqlmap.py). */
function sqlmapScript() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'sqlmap');
    if (dir && existsSync(candidate)) return realpathSync(candidate);
  }
  return undefined;
}

function runSqlmap(script, source, args) {
  return new Promise((resolve) => {
    execFile('python3', ['-c', BIND_SOURCE, script, source ?? '', ...args], { timeout: RUN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ output: `${stdout}\n${stderr}`, timedOut: error?.killed === true });
    });
  });
}

/** The lines worth keeping as evidence: the WAF notice, the verdicts and the tally of HTTP errors. */
function summary(output) {
  const lines = output.split('\n');
  const kept = lines.filter((l) => /WAF\/IPS|injectable|HTTP error codes/.test(l) && !l.includes("testing '"));
  const tally = lines.findIndex((l) => l.includes('HTTP error codes detected during run'));
  if (tally >= 0 && lines[tally + 1]) kept.push(`  ${lines[tally + 1].trim()}`);
  return kept.map((l) => l.replace(/^\[[\d:]+\] /, '').slice(0, 300));
}

export default {
  id: 'sqlmap-run',
  title: 'sqlmap itself against the search box and the sign-in email (boolean, error-based, UNION)',
  layer: { number: 1, name: 'Edge shield' },
  stoppedMeans: 'sqlmap ends with "all tested parameters do not appear to be injectable" for both targets (the edge refuses its payloads with 403)',
  order: 32,
  async run(ctx) {
    const script = sqlmapScript();
    if (!script) throw new ctx.SetupError('sqlmap is not installed (apt-get install sqlmap; .ci/run installs it)');
    const client = ctx.newClient();
    const control = await client.call('GET', '/api/products?q=mug', { headers: { 'user-agent': BROWSER_UA } });
    if (control.status !== 200) throw new ctx.SetupError(`control search from ${client.localAddress ?? 'the main address'}: ${control.status}`);
    const outputDir = mkdtempSync(path.join(tmpdir(), 'sqlmap-'));
    const targets = [
      ['search q', [`--url=${ctx.baseUrl}/api/products?q=mug`, '-p', 'q']],
      ['sign-in email', [`--url=${ctx.baseUrl}/api/auth/login`, '--data={"email":"shopper@example.test*","password":"not-the-password"}', IGNORE_CODES]],
    ];
    const evidence = [`sqlmap ${script} from ${client.localAddress ?? 'the main address'}; control search → 200`];
    const got = [];
    try {
      for (const [name, args] of targets) {
        const started = performance.now();
        const { output, timedOut } = await runSqlmap(script, client.localAddress, [...args, ...BOUNDS, `--output-dir=${outputDir}`]);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        evidence.push(`${name} (${seconds} s):`, ...summary(output).map((l) => `  ${l}`));
        if (FOUND.test(output)) got.push(`${name}: sqlmap reports an injection\n${output.split('\n').filter((l) => FOUND.test(l)).join('\n')}`);
        else if (!output.includes(NOTHING_FOUND)) {
          throw new ctx.SetupError(`sqlmap on ${name} ${timedOut ? `timed out after ${RUN_TIMEOUT_MS / 1000} s` : 'ended without a verdict'}: ${output.trim().split('\n').slice(-5).join(' / ')}`);
        }
      }
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
    }
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};

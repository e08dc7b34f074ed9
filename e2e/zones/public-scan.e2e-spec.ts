import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);
const facts = inject('zoneFacts');

/** Open TCP ports in nmap's grepable output ("Ports: 38443/open/tcp//unknown///, ..."). */
function openPorts(grepable: string): number[] {
  return [...grepable.matchAll(/(\d+)\/open\/tcp/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

describe.skipIf(Boolean(facts.skipReason))('the public side, as a port scanner sees it', () => {
  it('nmap finds exactly one open port on the edge: the gateway’s HTTPS', async () => {
    // Every TCP port, no host discovery (the edge answers no ping), numeric only.
    const { stdout } = await run('nmap', ['-Pn', '-n', '-sS', '-p-', '-T4', '--max-retries', '1', '-oG', '-', facts.publicAddress], { timeout: 120_000 });
    expect(stdout).toContain(`Host: ${facts.publicAddress}`);
    expect(openPorts(stdout)).toEqual([facts.services.gateway.port]);
  });
});

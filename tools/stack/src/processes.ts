import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';

export interface RunningService {
  name: string;
  process: ChildProcess;
  logFile: string;
}

export function startService(root: string, name: string, env: Record<string, string>, logDir: string): RunningService {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps', name, 'src/main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  return { name, process: child, logFile };
}

function lastLines(file: string, count: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls GET /healthz over TLS as the `ops` identity until it answers, the process dies, or the deadline passes. */
export async function waitUntilHealthy(service: RunningService, url: string, tlsDir: string, timeoutMs = 60_000): Promise<void> {
  const client = new ServiceClient({ name: service.name, baseUrl: url }, loadTlsIdentity(tlsDir, 'ops'));
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (service.process.exitCode !== null) {
        throw new Error(`${service.name} exited with code ${service.process.exitCode}. Last log lines (${service.logFile}):\n${lastLines(service.logFile, 15)}`);
      }
      const ok = await client
        .request({ method: 'GET', path: '/healthz', timeoutMs: 2000 })
        .then((res) => res.status === 200)
        .catch(() => false);
      if (ok) return;
      await sleep(250);
    }
    throw new Error(`${service.name} did not become healthy within ${timeoutMs / 1000} s. Last log lines (${service.logFile}):\n${lastLines(service.logFile, 15)}`);
  } finally {
    client.close();
  }
}

/** SIGTERM everything, then SIGKILL whatever has not exited after a grace period. */
export async function stopServices(services: RunningService[], graceMs = 5000): Promise<void> {
  const alive = services.filter((s) => s.process.exitCode === null && s.process.signalCode === null);
  await Promise.all(
    alive.map(
      (s) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => s.process.kill('SIGKILL'), graceMs);
          s.process.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          s.process.kill('SIGTERM');
        }),
    ),
  );
}

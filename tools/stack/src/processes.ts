import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { servicePort, serviceUrl, type StackOptions } from './stack-layout';

const run = promisify(execFile);

export interface RunningService {
  name: string;
  process: ChildProcess;
  logFile: string;
}

/** `instance` names a second process of the same service (its log file), e.g. the bench's unguarded gateway. */
export function startService(options: StackOptions, name: string, env: Record<string, string>, instance = name): RunningService {
  return startNodeProcess(options, name, [path.join(options.root, 'dist/apps', name, 'src/main.js')], env, instance);
}

/** Runs `node --enable-source-maps <args>` for `name` (a service, or the attack lab's runner), logging to <logDir>/<instance>.log. */
export function startNodeProcess(options: StackOptions, name: string, args: string[], env: Record<string, string>, instance = name): RunningService {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${instance}.log`);
  const fd = openSync(logFile, 'a');
  const [command, ...commandArgs] = [...(options.placement?.command(name) ?? []), process.execPath, '--enable-source-maps', ...args];
  const gid = options.placement?.gid(name);
  const child = spawn(command, commandArgs, {
    cwd: options.root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', fd, fd],
    ...(gid === undefined ? {} : { gid }),
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

/** One health probe: GET /healthz over mutual TLS from the launcher, or from inside the service's zone (placed stacks). */
function healthProbe(options: StackOptions, name: string): { check: () => Promise<boolean>; close: () => void; pauseMs: number } {
  const tlsDir = path.join(options.secretsDir, 'tls');
  const placement = options.placement;
  if (placement) {
    // The launcher has no route into a zone: ask from inside it, as the service itself (healthcheck.js).
    const probe = path.join(options.root, 'dist/tools/stack/src/healthcheck.js');
    const argv = [...placement.command(name), process.execPath, probe, name, String(servicePort(options, name))];
    const check = () =>
      run(argv[0], argv.slice(1), { env: { PATH: process.env.PATH ?? '', TLS_DIR: tlsDir }, timeout: 5000 }).then(
        () => true,
        () => false,
      );
    return { check, close: () => undefined, pauseMs: 1000 };
  }
  const client = new ServiceClient({ name, baseUrl: serviceUrl(options, name) }, loadTlsIdentity(tlsDir, 'ops'));
  const check = () =>
    client
      .request({ method: 'GET', path: '/healthz', timeoutMs: 2000 })
      .then((res) => res.status === 200)
      .catch(() => false);
  return { check, close: () => client.close(), pauseMs: 250 };
}

/** Polls GET /healthz until it answers, the process dies, or the deadline passes. */
export async function waitUntilHealthy(options: StackOptions, service: RunningService, timeoutMs = 60_000): Promise<void> {
  const probe = healthProbe(options, service.name);
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (service.process.exitCode !== null) {
        throw new Error(`${service.name} exited with code ${service.process.exitCode}. Last log lines (${service.logFile}):\n${lastLines(service.logFile, 15)}`);
      }
      if (await probe.check()) return;
      await sleep(probe.pauseMs);
    }
    throw new Error(`${service.name} did not become healthy within ${timeoutMs / 1000} s. Last log lines (${service.logFile}):\n${lastLines(service.logFile, 15)}`);
  } finally {
    probe.close();
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

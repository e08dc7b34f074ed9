import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(__dirname, '../../../..');

export interface BuiltService {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function healthy(url: string, tlsDir: string, identity: string): Promise<boolean> {
  const read = (file: string) => readFileSync(path.join(tlsDir, file));
  return new Promise((resolve) => {
    const req = https.get(`${url}/healthz`, { key: read(`${identity}.key`), cert: read(`${identity}.crt`), ca: read('ca.crt'), timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

/**
 * Runs another service as its own process from the build (dist/), as the
 * launcher does. Integration tests that need a second real service use this
 * instead of importing that app, so apps never import apps, even in tests.
 */
export async function startBuiltService(options: { name: string; env: Record<string, string>; tlsDir: string; port?: number; healthIdentity?: string }): Promise<BuiltService> {
  const main = path.join(ROOT, 'dist/apps', options.name, 'src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does).`);
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), TLS_DIR: options.tlsDir, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `https://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (!(await healthy(url, options.tlsDir, options.healthIdentity ?? 'ops'))) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with code ${child.exitCode} before it became healthy`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not become healthy within 30 s`);
    }
    await sleep(200);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { name: options.name, port, url, process: child, stop };
}

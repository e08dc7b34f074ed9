import { setTimeout as sleep } from 'node:timers/promises';
import { type RunningService, startService, stopServices } from '../processes';
import { serviceEnv } from '../start-stack';
import { SERVICES, servicePort, type StackOptions } from '../stack-layout';

// Beside the stack's own gateway and metrics ports, clear of every service's.
const UNGUARDED_PORT_SHIFT = 1;
const UNGUARDED_METRICS_PORT_SHIFT = 50;

export interface UnguardedGateway {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * A second gateway in front of the same services with EDGE_GUARDS=off (no
 * edge token check, no rate limiting), so the bench can measure what the
 * guards cost on the very same route in the same run. Loopback only: the
 * gateway refuses 'off' anywhere else.
 */
export async function startUnguardedGateway(options: StackOptions, isHealthy: (baseUrl: string) => Promise<boolean>): Promise<UnguardedGateway> {
  const spec = SERVICES.find((s) => s.name === 'gateway');
  if (!spec) throw new Error('no gateway in the stack layout');
  const port = servicePort(options, 'gateway') + UNGUARDED_PORT_SHIFT;
  const env = {
    ...serviceEnv(options, spec, new Map()),
    PORT: String(port),
    METRICS_PORT: String(9100 + options.portOffset + UNGUARDED_METRICS_PORT_SHIFT),
    EDGE_GUARDS: 'off',
    LOG_LEVEL: 'warn',
  };
  const service: RunningService = startService(options, 'gateway', env, 'gateway-unguarded');
  const baseUrl = `https://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (!(await isHealthy(baseUrl).catch(() => false))) {
    if (service.process.exitCode !== null || Date.now() > deadline) {
      await stopServices([service]);
      throw new Error(`the unguarded gateway did not start (see ${service.logFile})`);
    }
    await sleep(250);
  }
  return { baseUrl, stop: () => stopServices([service]) };
}

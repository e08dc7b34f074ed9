import { exitOnInvalidConfig } from '@storefront/platform/config';
import { loadMonitorConfig } from './config/monitor.config';
import { startMonitor } from './start-monitor';

void exitOnInvalidConfig(async () => {
  await startMonitor(loadMonitorConfig(process.env));
});

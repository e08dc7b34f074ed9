import { exitOnInvalidConfig } from '@storefront/platform/config';
import { loadGatewayConfig } from './config/gateway.config';
import { startGateway } from './start-gateway';

void exitOnInvalidConfig(async () => {
  await startGateway(loadGatewayConfig(process.env));
});

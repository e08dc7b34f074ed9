import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';
import { RewrapService } from './rewrap.service';

/** Runs the rewrap job every VAULT_REWRAP_INTERVAL_SECONDS, so card keys follow the master key's automatic rotation without an operator. */
@Injectable()
export class RewrapScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RewrapScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly rewrap: RewrapService,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.VAULT_REWRAP_INTERVAL_SECONDS * 1000);
    // A pending run must not keep a stopping process alive.
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      await this.rewrap.run();
    } catch {
      // Already logged by the service; the next tick resumes where this one stopped.
      this.logger.warn('scheduled rewrap run failed; will retry on the next interval');
    }
  }
}

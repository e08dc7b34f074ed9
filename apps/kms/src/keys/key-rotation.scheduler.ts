import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { KMS_CONFIG, type KmsConfig } from '../config/kms.config';
import { KeysService } from './keys.service';

/**
 * Automatic key rotation: once at start and then every
 * KMS_ROTATION_CHECK_INTERVAL_SECONDS, rotates every key whose next rotation
 * date (from the injected clock) has passed. In-process on purpose: the kms
 * sits in the isolated vault zone with no Redis, and the per-key lock in
 * the repository makes several kms processes safe without a queue.
 */
@Injectable()
export class KeyRotationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(KeyRotationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly keys: KeysService,
    @Inject(KMS_CONFIG) private readonly config: KmsConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.KMS_ROTATION_CHECK_INTERVAL_SECONDS * 1000);
    // A pending check must not keep a stopping process alive.
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass, shared by concurrent callers (timer and tests) so passes never overlap. Returns keys rotated. */
  runOnce(): Promise<number> {
    this.running ??= this.keys.rotateDueKeys().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async tick(): Promise<void> {
    try {
      const rotated = await this.runOnce();
      if (rotated > 0) this.logger.log({ rotated }, 'automatic rotation pass rotated keys');
    } catch (error) {
      // The next tick retries; a failed pass must not crash the service.
      this.logger.error({ err: error }, 'automatic rotation pass failed');
    }
  }
}

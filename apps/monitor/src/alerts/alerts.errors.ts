import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum AlertsError {
  NotFound = 'ALERT_NOT_FOUND',
}

export const ALERTS_STATUS: Record<AlertsError, HttpStatus> = {
  [AlertsError.NotFound]: HttpStatus.NOT_FOUND,
};

export const alertsError = domainErrorFactory(ALERTS_STATUS);

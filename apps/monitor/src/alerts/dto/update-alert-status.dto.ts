import { IsIn } from 'class-validator';
import { ALERT_STATUSES, type AlertStatus } from '../alert.view';

export class UpdateAlertStatusDto {
  @IsIn(ALERT_STATUSES)
  status!: AlertStatus;
}

import { Module } from '@nestjs/common';
import { ReservationsController } from './reservations.controller';
import { ReservationsRepository } from './reservations.repository';
import { ReservationsService } from './reservations.service';

@Module({ controllers: [ReservationsController], providers: [ReservationsService, ReservationsRepository] })
export class ReservationsModule {}

import { Module } from '@nestjs/common';
import { ProductChangesController } from './product-changes.controller';
import { ProductChangesRepository } from './product-changes.repository';
import { ProductChangesService } from './product-changes.service';

@Module({ controllers: [ProductChangesController], providers: [ProductChangesService, ProductChangesRepository] })
export class ProductChangesModule {}

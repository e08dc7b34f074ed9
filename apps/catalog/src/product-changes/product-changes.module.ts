import { Module } from '@nestjs/common';
import { ManagedProductsController } from './managed-products.controller';
import { ProductChangesController } from './product-changes.controller';
import { ProductChangesRepository } from './product-changes.repository';
import { ProductChangesService } from './product-changes.service';

@Module({ controllers: [ProductChangesController, ManagedProductsController], providers: [ProductChangesService, ProductChangesRepository] })
export class ProductChangesModule {}

import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@storefront/identity/access';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { type ProductDto, toProductDto } from '../products/dto/product.dto';
import { type SearchProductsDto, toProductSearch } from '../products/dto/search-products.dto';
import type { ProductRecord } from '../products/products.repository';
import type { CreateProductDto } from './dto/create-product.dto';
import { type ManagedProductDto, type ManagedProductPageDto, toManagedProductDto } from './dto/managed-product.dto';
import type { ProductChange } from './dto/update-product.dto';
import { ProductChangesError, productChangesError } from './product-changes.errors';
import { ProductChangesRepository } from './product-changes.repository';

const CHANGEABLE = ['name', 'description', 'priceCents', 'stock'] as const;

/**
 * Catalog management: every change is a `catalog.product.changed` security
 * event naming who changed which fields of which product, with the new price
 * and stock (a price cut to one cent is what a compromised staff account does).
 * Names and descriptions are not copied into the event: free text stays in the catalog.
 * Archiving and restoring are changes too (action `archived` / `restored`),
 * recorded even when repeated: `fields` is then empty, as nothing changed.
 */
@Injectable()
export class ProductChangesService {
  constructor(
    private readonly products: ProductChangesRepository,
    private readonly events: SecurityEventPublisher,
  ) {}

  async create(user: AuthenticatedUser, input: CreateProductDto): Promise<ProductDto> {
    const product = await this.products.create(input);
    await this.published(user, 'created', Object.keys(input), product);
    return toProductDto(product);
  }

  async update(user: AuthenticatedUser, id: string, input: ProductChange): Promise<ProductDto> {
    const change = Object.fromEntries(CHANGEABLE.filter((field) => input[field] !== undefined).map((field) => [field, input[field]])) as ProductChange;
    const fields = Object.keys(change);
    if (fields.length === 0) throw productChangesError(ProductChangesError.ChangeEmpty, `Send at least one of ${CHANGEABLE.join(', ')}.`);
    const product = await this.products.update(id, change);
    if (!product) throw productChangesError(ProductChangesError.ProductNotFound, 'No product has this id.', { productId: id });
    await this.published(user, 'updated', fields, product);
    return toProductDto(product);
  }

  async list(query: SearchProductsDto): Promise<ManagedProductPageDto> {
    const { rows, total } = await this.products.list(toProductSearch(query));
    return { items: rows.map(toManagedProductDto), page: query.page, pageSize: query.pageSize, total };
  }

  /** Archived: gone from every public read and refused at reservation, kept for past orders. Restored: on sale again. */
  async setArchived(user: AuthenticatedUser, id: string, archived: boolean): Promise<ManagedProductDto> {
    const result = await this.products.setArchived(id, archived);
    if (!result) throw productChangesError(ProductChangesError.ProductNotFound, 'No product has this id.', { productId: id });
    await this.published(user, archived ? 'archived' : 'restored', result.changed ? ['archivedAt'] : [], result.product);
    return toManagedProductDto(result.product);
  }

  private async published(user: AuthenticatedUser, action: 'created' | 'updated' | 'archived' | 'restored', fields: string[], product: ProductRecord): Promise<void> {
    await this.events.publish({
      type: 'catalog.product.changed',
      outcome: 'success',
      actor: { userId: user.id, email: user.email },
      details: { action, productId: product.id, fields: fields.sort().join(','), priceCents: product.priceCents, stock: product.stock },
    });
  }
}

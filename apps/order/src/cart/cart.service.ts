import { Injectable, Logger } from '@nestjs/common';
import { CatalogApiService } from '../downstream/catalog-api.service';
import { CartError, cartError } from './cart.errors';
import { CartRepository } from './cart.repository';
import type { CartDto } from './dto/cart.dto';

// Bounds the fan-out of catalog lookups one cart read causes.
export const MAX_CART_LINES = 50;
const CATALOG_CURRENCY = 'USD';

@Injectable()
export class CartService {
  private readonly logger = new Logger(CartService.name);

  constructor(
    private readonly cart: CartRepository,
    private readonly catalog: CatalogApiService,
  ) {}

  /** Names and prices are looked up in the catalog on every read; the cart stores only quantities. */
  async view(userId: string): Promise<CartDto> {
    const lines = await this.cart.lines(userId);
    const products = await Promise.all(lines.map((line) => this.catalog.findProduct(line.productId)));
    const withdrawn = lines.filter((_line, i) => products[i] === null).map((line) => line.productId);
    if (withdrawn.length) {
      // A product the catalog no longer has cannot be bought: drop it rather than show a stale price.
      await this.cart.remove(userId, withdrawn);
      this.logger.log({ userId, withdrawn: withdrawn.length }, 'removed withdrawn products from a cart');
    }
    const items = lines.flatMap((line, i) => {
      const product = products[i];
      if (!product) return [];
      return [{ productId: line.productId, name: product.name, unitPriceCents: product.priceCents, quantity: line.quantity, lineTotalCents: product.priceCents * line.quantity }];
    });
    const currency = products.find((product) => product !== null)?.currency ?? CATALOG_CURRENCY;
    return { items, totalCents: items.reduce((sum, item) => sum + item.lineTotalCents, 0), currency };
  }

  /** Sets the line's quantity (absolute, so a repeated request changes nothing). Stock is checked at checkout, not here. */
  async setItem(userId: string, productId: string, quantity: number): Promise<CartDto> {
    const product = await this.catalog.findProduct(productId);
    if (!product) throw cartError(CartError.ProductNotFound, 'No product has this id.', { productId });
    if (!(await this.cart.hasLine(userId, productId)) && (await this.cart.countLines(userId)) >= MAX_CART_LINES) {
      throw cartError(CartError.CartFull, `A cart holds at most ${MAX_CART_LINES} different products.`);
    }
    await this.cart.setQuantity(userId, productId, quantity);
    return this.view(userId);
  }

  async removeItem(userId: string, productId: string): Promise<CartDto> {
    await this.cart.remove(userId, [productId]);
    return this.view(userId);
  }
}

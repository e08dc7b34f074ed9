import { Global, Module } from '@nestjs/common';
import { CatalogApiService } from './catalog-api.service';
import { ServiceClients } from './service-clients';
import { VaultApiService } from './vault-api.service';

/** Calls to other services (auth's JWKS, catalog, vault), shared by every feature. */
@Global()
@Module({ providers: [ServiceClients, CatalogApiService, VaultApiService], exports: [ServiceClients, CatalogApiService, VaultApiService] })
export class DownstreamModule {}

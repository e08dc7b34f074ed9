// class-transformer keeps its metadata storage (what @Type() records, needed for nested DTO schemas) in a module it ships without types.
declare module 'class-transformer/cjs/storage' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
  export const defaultMetadataStorage: MetadataStorage;
}

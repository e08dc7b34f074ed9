import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import './pg-name-type-workaround';

/**
 * One Prisma config per service database. Prisma 6.19 with `engine: 'js'`
 * runs migrations through the bundled wasm schema engine and a driver
 * adapter, so nothing is downloaded (see TOOLCHAIN.md).
 */
export function defineServiceConfig(service: string, urlVariable: string) {
  const dir = path.join(__dirname, service);
  return defineConfig({
    experimental: { adapter: true },
    engine: 'js',
    schema: path.join(dir, 'schema.prisma'),
    migrations: { path: path.join(dir, 'migrations') },
    async adapter() {
      const connectionString = process.env[urlVariable];
      if (!connectionString) throw new Error(`${urlVariable} is required to run Prisma for ${service}`);
      return new PrismaPg({ connectionString });
    },
  });
}

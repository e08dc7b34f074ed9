# One image for every service: the services share libs and one lockfile, so
# one build is cheaper than seven. compose.yaml picks the service by command.
# syntax=docker/dockerfile:1

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node tools/build/build.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Prisma's CLI (migrate deploy at start) is a runtime dependency; its TS configs load the pg workaround.
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/prisma ./prisma
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --chown=root:root infra/docker/entrypoint.sh /usr/local/bin/storefront-entrypoint
RUN chmod 0755 /usr/local/bin/storefront-entrypoint
# Code is owned by root and read-only to the service user: a compromised process cannot rewrite itself.
# A new named volume takes this directory's owner: auth (as node) writes rotated signing keys here.
RUN mkdir -p /var/lib/storefront/signing-keys && chown node:node /var/lib/storefront/signing-keys && chmod 700 /var/lib/storefront/signing-keys
USER node
ENTRYPOINT ["storefront-entrypoint"]
CMD ["gateway"]

# syntax=docker/dockerfile:1
# camlinks: build with the dev toolchain, run with production dependencies only.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# npm ci runs the postinstall step, `prisma generate`, which needs the schema.
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY src ./src
# The generated Prisma client (src/generated) is compiled into dist with the rest.
RUN npm run build

FROM node:24-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the only one generates the client, which dist already contains.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:24-bookworm-slim
# A bounded heap, so a container limit can be set: the baseline (~50 MB) plus a full
# verification cache (100,000 links, ~170 MB) fits with room for garbage. Give the container
# at least 512 MB (docs/PRODUCTION.md).
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=4"
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The migration engine reads schema.prisma and migrations/ at run time.
COPY prisma ./prisma
COPY package.json README.md ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Run node directly (not npm): SIGTERM must reach camlinks to drain requests and flush usage.
CMD ["node", "dist/main.js"]

# Verbatim in a container. Build: docker build -t verbatim . — run with compose.yaml (bot + Redis), or see the
# README section "Running in production" for a plain `docker run`.
ARG NODE_VERSION=20

# ---- build: compilers for sqlite3's native module, all dependencies, TypeScript → dist/ ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies and dist/ only, an init as PID 1, a non-root user ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tini forwards SIGTERM/SIGINT to the bot and reaps zombies, so `docker stop` gets a clean shutdown.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data/corpus /data/state \
 && chown node:node /data/state
ENV NODE_ENV=production \
    CORPUS_DIR=/data/corpus \
    KEYV_URL=sqlite:///data/state/verbatim.sqlite \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
# The corpus and the SQLite file live outside the image.
VOLUME ["/data/corpus", "/data/state"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "dist/src/cli/healthcheck.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/bot/main.js"]

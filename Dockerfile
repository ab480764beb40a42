# Liaison in one image: the server (bundled to dist/server.js by `npm run build`), the built
# widget and inbox, and the SQLite database on a volume. See docs/production.md.

# --- build: all dependencies, the widget and inbox bundles, then only what runs ------------
FROM node:20-slim AS build
# better-sqlite3 compiles when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# --- runtime ---------------------------------------------------------------------------------
FROM node:20-slim
ENV NODE_ENV=production \
    PORT=8787 \
    DATABASE_URL=/data/liaison.sqlite \
    LIAISON_CONFIG=/config/liaison.config.json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The operators' CLI runs from the sources (node --import tsx server/cli/main.ts).
COPY --from=build /app/server ./server
COPY --from=build /app/contract ./contract
COPY --from=build /app/demo ./demo
# The SQLite file, its WAL and the generated secret.key (when SECRET_KEY is unset) live here.
RUN mkdir -p /data /config && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8787
# Liveness only; /readyz (database and migrations) is for the load balancer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8787)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (server/main.ts): requests and deliveries under way
# finish, then it exits 0. Give `docker stop` a --time above a few seconds.
CMD ["node", "--enable-source-maps", "dist/server.js"]

# One image for the API and the worker (the command chooses which).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY domain ./domain
COPY workflows ./workflows
COPY activities ./activities
COPY api ./api
COPY db ./db
COPY platform ./platform
COPY worker ./worker
COPY scripts ./scripts
USER node
CMD ["node", "--import", "tsx", "api/server.ts"]

import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { parseConfig } from '../platform/config.js';

// Dev mode (`npm run dev:web`): the console on Vite's server, the API where `npm start` runs it.
const config = parseConfig(process.env);
const api = `http://${config.API_HOST}:${config.API_PORT}`;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: path.join(import.meta.dirname, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: { port: 5173, strictPort: true, proxy: { '/api': api, '/health': api } },
});

/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

const backend = process.env.BACKEND_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [
    react(),
    // Precompressed copies beside every text file of dist/ (x.js.br, x.js.gz): the Host (and nginx in infra/)
    // serve them by Accept-Encoding, so no request pays for compressing and brotli can use its best level.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      include: /\.(html|css|js|mjs|json|svg|txt|webmanifest)$/,
      exclude: /\.vite\//,
      threshold: 512,
      logLevel: 'silent',
    }),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // #17: react-router's package exports point every condition at its development build (warnings on, extra
      // checks in each hook and navigation); the production build beside it is the same API without them.
      { find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) },
      { find: /^react-router\/dom$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/dom-export.mjs', import.meta.url)) },
    ],
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
      '/swagger': backend,
    },
  },
  build: {
    // The bundle budget script reads the manifest to follow the login route's static imports.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', 'junit'],
    outputFile: { junit: './test-results/vitest-junit.xml' },
    css: false,
    testTimeout: 45000,
    env: { DEBUG_PRINT_LIMIT: '1500' },
    pool: 'threads',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine, the other core idle
    // (the main process only collects results). A worker per core keeps both busy.
    maxWorkers: availableParallelism(),
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Resolve paths from this file, not from the shell's cwd, so Nx and a person at the repo root build the same thing.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // No public/ folder: everything shipped comes through the module graph.
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Never turn assets into data: URLs: the gateway's CSP allows data: for images only.
    assetsInlineLimit: 0,
    // Evergreen browsers support modulepreload; skipping the polyfill keeps the entry chunk lean.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    // For `nx serve web` only: forward the API to a locally running gateway (self-signed certificate).
    proxy: { '/api': { target: 'https://localhost:8443', secure: false } },
  },
});

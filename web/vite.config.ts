import { defineConfig } from 'vite';

// The dashboard is served by `vigie serve` at `/` (or under any prefix behind a proxy):
// relative asset paths and hash routing mean the server needs no SPA fallback.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    // The server sends `Content-Security-Policy: default-src 'self'`, which forbids data: URLs:
    // never inline assets.
    assetsInlineLimit: 0,
    // echarts and the world map are split into their own lazily loaded chunks.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev` forwards the API to a running `vigie serve` (VIGIE_API overrides).
    proxy: { '/api': process.env.VIGIE_API ?? 'http://127.0.0.1:8080' },
  },
});

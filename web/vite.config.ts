// Vite build of the web app (output in dist/, served by `dreamfeed serve --web`)
// and the Vitest set-up for unit tests (happy-dom).
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    // Libraries in one long-cached file that every screen shares.
    rollupOptions: { output: { manualChunks: (id: string) => (id.includes('node_modules') ? 'vendor' : undefined) } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/media': 'http://127.0.0.1:8080' } },
  test: { environment: 'happy-dom', include: ['tests/**/*.test.{ts,tsx}'], setupFiles: ['tests/setup.ts'] },
});

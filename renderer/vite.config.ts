import { defineConfig } from 'vite';

/**
 * The renderer bundle. `base: './'` keeps every asset URL relative, so the same build loads from
 * Electron's `app://` protocol and from the e2e host's loopback http server. There is no React
 * plugin: esbuild's automatic JSX runtime is all the bundle needs (no fast refresh in a
 * security-hardened window anyway).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The strict CSP allows no inline script, and Chromium has native modulepreload.
    modulePreload: { polyfill: false },
    // Source maps would ship the source into the app; errors are reported by code, not stack.
    sourcemap: false,
    target: 'chrome130',
    // One local bundle loaded from disk: the size warning is meant for web pages over the network.
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router ships "use client" for server components; meaningless in this bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { strictPort: true },
});

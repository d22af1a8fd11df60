import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildBasemap } from './build/basemap.ts';

const BASEMAP_ID = 'virtual:basemap';

/** The regional basemap as a module of its own, so only the map screen loads it. */
function basemapPlugin(): Plugin {
  return {
    name: 'tumen-basemap',
    resolveId: (id) => (id === BASEMAP_ID ? `\0${BASEMAP_ID}` : null),
    load(id) {
      if (id !== `\0${BASEMAP_ID}`) return null;
      // JSON.parse of a string literal is faster to start than the same data as a JS literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildBasemap()))});`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [basemapPlugin()],
  esbuild: { jsx: 'automatic' },
  resolve: { alias: { '@domain': fileURLToPath(new URL('../domain', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; they are harmless and only noise.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:7300' } },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One build for all three Electron targets. It needs no Electron binary, so it
// also produces the renderer that browser mode serves.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          // The certificate PDF worker thread, loaded by src-main/pdf/render.ts from out/main/pdf-worker.js.
          'pdf-worker': resolve(__dirname, 'src-main/pdf/pdf-worker.ts'),
        },
        // Native and font-loading modules must stay real files on disk (DESIGN: pdfkit pitfall).
        external: ['better-sqlite3', 'pdfkit'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/electron/preload.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    // Relative asset URLs work under app://fieldbook/ and under browser mode's /s/<token>/ alike.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      minify: true,
      // Loaded from disk (app://) or loopback, never over a network: one bundle is fine. It is about
      // 2 MB with the rich-text editor and date pickers; pdf.js is already split off and lazy.
      chunkSizeWarningLimit: 2500,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});

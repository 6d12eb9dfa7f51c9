import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { CHANNEL_NAMES } from './src-shared/contract';

// Main and preload are bundled for Electron's Node; the renderer is a plain web app that talks
// only to window.paydesk, so the same build runs in Electron and in browser-mode tests.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/main.ts') } },
    },
  },
  preload: {
    // The sandboxed preload may require only `electron`, so the channel names are written in as
    // data instead of importing the zod contract (and zod) into it.
    define: { __PAYDESK_CHANNELS__: JSON.stringify(CHANNEL_NAMES) },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/electron/preload.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    // Relative asset paths: Electron loads the page from a file, tests from a local server.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});

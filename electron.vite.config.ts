import { defineConfig } from 'electron-vite';
import { appVersion, projectPath, rendererShared } from './build/vite/renderer.ts';

const renderer = rendererShared();

export default defineConfig({
  main: {
    build: {
      outDir: projectPath('out/main'),
      // Bundle zod and the rest into out/: the package ships out/ only, without node_modules.
      externalizeDeps: false,
      // package.json is "type": "module", so this is ESM: out/main/index.js, as "main" says.
      rolldownOptions: { input: { index: projectPath('src-main/electron/index.ts') } },
    },
  },
  preload: {
    define: { __APP_VERSION__: JSON.stringify(appVersion()) },
    build: {
      outDir: projectPath('out/preload'),
      // A sandboxed preload can require nothing but 'electron': zod must be inside preload.cjs.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: projectPath('src-main/preload/preload.ts') },
        // Sandboxed preloads cannot be ES modules; .cjs keeps Node from reading it as ESM either.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    build: {
      outDir: projectPath('out/renderer'),
      rolldownOptions: { input: projectPath('src-renderer/index.html') },
    },
  },
});

import { defineConfig } from 'electron-vite';
import { appVersion, projectPath, rendererShared } from './build/vite/renderer.ts';

const renderer = rendererShared();

export default defineConfig({
  main: {
    build: {
      outDir: projectPath('out/main'),
      // package.json is "type": "module", so this is ESM: out/main/index.js, as "main" says.
      rolldownOptions: { input: { index: projectPath('src-main/index.ts') } },
    },
  },
  preload: {
    define: { __APP_VERSION__: JSON.stringify(appVersion()) },
    build: {
      outDir: projectPath('out/preload'),
      rolldownOptions: {
        input: { preload: projectPath('src-main/preload.ts') },
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

import { defineConfig } from 'vite';
import { defaultWorkspace } from './build/vite/default-workspace.ts';
import { projectPath, rendererShared } from './build/vite/renderer.ts';

/**
 * The same renderer as a plain web app, for the browser host: `npm run web` and the Playwright
 * tests, since no Electron binary can run on the build machines.
 */
const shared = rendererShared();

export default defineConfig({
  ...shared,
  plugins: [...shared.plugins, defaultWorkspace(projectPath('data/default-workspace.sqlite'))],
  build: {
    outDir: projectPath('out/web'),
    emptyOutDir: true,
    target: 'es2023',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});

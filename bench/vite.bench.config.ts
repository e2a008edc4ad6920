import { defineConfig } from 'vite';
import { defaultWorkspace } from '../build/vite/default-workspace.ts';
import { projectPath, rendererShared } from '../build/vite/renderer.ts';

/**
 * The web build of the renderer for the browser benchmarks (bench/browser.ts): the same as
 * vite.config.web.ts, except that the "default workspace" it serves is the one named by
 * BENCH_WORKSPACE (the large generated one, say) and it is written to BENCH_OUT.
 */
const shared = rendererShared();
const workspace = process.env.BENCH_WORKSPACE ?? projectPath('data/default-workspace.sqlite');
const outDir = process.env.BENCH_OUT ?? projectPath('bench/out/web-default');

export default defineConfig({
  ...shared,
  plugins: [...shared.plugins, defaultWorkspace(workspace)],
  build: { outDir, emptyOutDir: true, target: 'es2023', reportCompressedSize: false },
  logLevel: 'warn',
});

/** package.json's version, substituted at build time (build/vite/renderer.ts `define`). */
declare const __APP_VERSION__: string;

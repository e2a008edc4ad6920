// How the project starts Debian's Chromium, for the end-to-end tests, the benchmark and the fixture
// scripts alike. As root it needs --no-sandbox; the background-networking, component-update and
// sync switches keep it from reaching for the network this machine does not have (without them it
// opens connections that are refused, many at a time). CHROMIUM_PATH points elsewhere.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Shown in About by the browser host (the Electron host's About comes from main). */
export const LICENCES = [
  'PEEL Workbench: MIT licence.',
  'Bundled report text: PEEL: Police effectiveness 2017 – An inspection of Gwent Police, © Crown copyright (HMICFRS), Open Government Licence v3.0.',
  'Includes React (MIT), AG Grid Community (MIT), sql.js (MIT; SQLite is in the public domain), PDF.js (Apache-2.0) and Zod (MIT).',
].join('\n');

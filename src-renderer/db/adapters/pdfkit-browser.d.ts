/**
 * pdfkit 0.20's standard fonts as modules (its browser build reads no .afm files). @types/pdfkit
 * describes 0.17, which has neither these nor registerStdFonts; the shapes are checked by pdfkit
 * itself when they are registered (export-libraries.ts).
 */
declare module 'pdfkit/standard-fonts/*' {
  const font: unknown;
  export default font;
}

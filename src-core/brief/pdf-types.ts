/**
 * The part of pdfkit's PDFDocument the PDF writer uses, declared structurally: core must not
 * import pdfkit (Node passes `import PDFDocument from 'pdfkit'`, the DB worker passes pdfkit's
 * browser build), and has no Node types for pdfkit's own declarations to lean on.
 */

export interface PdfTextOptions {
  width?: number;
  height?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineBreak?: boolean;
  lineGap?: number;
  paragraphGap?: number;
  continued?: boolean;
  underline?: boolean;
  /** A named destination to jump to (an internal link), or to create at this text. */
  goTo?: string;
  destination?: string;
  indent?: number;
}

export interface PdfOutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): PdfOutlineItem;
}

export interface PdfPage {
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface PdfDoc {
  x: number;
  y: number;
  page: PdfPage;
  outline: PdfOutlineItem;
  registerFont(name: string, src: Uint8Array): this;
  font(name: string): this;
  fontSize(size: number): this;
  fillColor(colour: string): this;
  strokeColor(colour: string): this;
  lineWidth(w: number): this;
  text(text: string, x?: number, y?: number, options?: PdfTextOptions): this;
  text(text: string, options?: PdfTextOptions): this;
  heightOfString(text: string, options?: PdfTextOptions): number;
  widthOfString(text: string, options?: PdfTextOptions): number;
  currentLineHeight(includeGap?: boolean): number;
  rect(x: number, y: number, w: number, h: number): this;
  fill(colour?: string): this;
  stroke(colour?: string): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  image(src: Uint8Array, x: number, y: number, options?: { width?: number; height?: number }): this;
  addPage(): this;
  addNamedDestination(name: string): void;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): unknown;
  on(event: 'data', fn: (chunk: Uint8Array) => void): this;
  on(event: 'end', fn: () => void): this;
  on(event: 'error', fn: (err: unknown) => void): this;
  end(): void;
}

export interface PdfDocOptions {
  size: 'A4';
  margins: { top: number; bottom: number; left: number; right: number };
  bufferPages: true;
  autoFirstPage: boolean;
  displayTitle: boolean;
  lang: string;
  info: { Title: string; Author: string; Subject: string; Creator: string; Keywords: string };
}

/** pdfkit's default export: `new PDFDocument(options)`. */
export type PdfDocConstructor = new (options: PdfDocOptions) => PdfDoc;

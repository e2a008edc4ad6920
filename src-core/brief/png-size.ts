/**
 * A PNG's pixel size from its IHDR chunk, so a chart image keeps its aspect ratio even when the
 * caller does not say what size it drew it at (bytes 16–23 of every PNG: width, height, big-endian).
 */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** The size to lay the chart out at: the caller's CSS size, else the PNG's own, else a 760 × 400 guess. */
export function chartImageSize(png: Uint8Array, given?: { width: number; height: number }): { width: number; height: number } {
  return given ?? pngSize(png) ?? { width: 760, height: 400 };
}

/**
 * The size to place an image at: as wide as allowed, and scaled down further when that would make
 * it taller than a page allows (a chart with many units is tall), keeping its aspect ratio.
 */
export function fitImage(size: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / size.width, maxHeight / size.height);
  return { width: Math.floor(size.width * scale), height: Math.floor(size.height * scale) };
}

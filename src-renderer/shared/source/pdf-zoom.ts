/** 'fit': the page as wide as the panel; else a scale (1: a PDF point is a CSS pixel). */
export type Zoom = 'fit' | number;

const STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** The next zoom step in (1) or out (-1) from the scale the page is drawn at, which "fit" may have put between steps. */
export function zoomStep(scale: number, direction: 1 | -1): number {
  if (direction > 0) return STEPS.find((s) => s > scale + 0.01) ?? (STEPS[STEPS.length - 1] as number);
  return [...STEPS].reverse().find((s) => s < scale - 0.01) ?? (STEPS[0] as number);
}

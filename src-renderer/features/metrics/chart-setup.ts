import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

/** The two series' colours: the force in the app's navy, England and Wales in a slate that still holds 3:1 against white. */
export const FORCE_COLOUR = '#1d3b5a';
export const EW_COLOUR = '#6f8399';

let registered = false;

/**
 * Chart.js, bundled (no CDN) and tree-shaken to the bar chart's parts. It draws on a canvas and
 * sizes it through element.style, which a style-src 'self' CSP allows; it injects no stylesheet.
 */
export function chartJs(): typeof Chart {
  if (!registered) {
    registered = true;
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    // System fonts, as in the rest of the app: nothing is fetched.
    Chart.defaults.font.family =
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif";
    Chart.defaults.font.size = 12;
    Chart.defaults.color = '#3b444e';
  }
  return Chart;
}

/** WCAG 2 contrast ratios of computed colours ("rgb(r, g, b)" or "rgba(r, g, b, a)"). */

type RGB = [number, number, number];

/** A computed colour, composited over `behind` when it is translucent. */
export function parseColour(computed: string, behind?: RGB): RGB {
  const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(computed.trim());
  if (!match) throw new Error(`not a computed rgb() colour: "${computed}"`);
  const [r, g, b] = [1, 2, 3].map((i) => Number(match[i]));
  const alpha = match[4] === undefined ? 1 : Number(match[4]);
  if (alpha < 1 && !behind) throw new Error(`a translucent colour needs what is behind it: "${computed}"`);
  return alpha < 1 ? [r, g, b].map((c, i) => c * alpha + behind![i] * (1 - alpha)) as RGB : [r, g, b];
}

function luminance([r, g, b]: RGB): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: RGB, b: RGB): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

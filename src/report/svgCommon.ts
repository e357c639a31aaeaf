import { escapeControlCharacters } from "../io/escapeControl";

/**
 * Escapes text for HTML and SVG, in element content and in quoted attributes: `& < > " '`
 * become entities, and control characters (which XML 1.0 forbids, so a standalone SVG would
 * not parse) become visible escapes such as `\x1b` (see `escapeControlCharacters`).
 *
 * @example escapeXml(`<a href='x'>&"`) //=> "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
 */
export function escapeXml(text: string): string {
  return escapeControlCharacters(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 === 0 ? 1 : d1 - d0;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [0, max]. */
export function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Opening tag of an accessible chart: role img, labelled by its title and description. */
export function svgOpen(id: string, width: number, height: number, title: string, desc: string): string {
  return `<svg id="${id}" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>`;
}

/** A blue ramp from light (0) to dark (1). */
export function rampColor(t: number): string {
  const clamp = Math.max(0, Math.min(1, t));
  const mix = (a: number, b: number): number => Math.round(a + (b - a) * clamp);
  return `rgb(${mix(239, 8)},${mix(246, 69)},${mix(255, 148)})`;
}

/**
 * A generous estimate of the width of `text` in a sans-serif font of `fontSize` px (0.62 em
 * per character, wider than the average glyph, rounded up to a whole pixel), so labels are
 * given room and never cut off.
 *
 * @example textWidth("Lapsed", 12) //=> 45
 */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(Array.from(text).length * fontSize * 0.62);
}

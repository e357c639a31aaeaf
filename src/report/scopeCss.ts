/**
 * Scopes a flat style sheet (rules `selectors{declarations}`, no at-rules, no nesting) under
 * one selector, so it styles only what is inside that element: `body` and `html` become the
 * scope itself, every other selector of each rule's list gets the scope in front of it.
 *
 * @example
 * scopeCss("body{margin:0}th,td{padding:4px}", ".r") //=> ".r{margin:0}.r th,.r td{padding:4px}"
 */
export function scopeCss(css: string, scope: string): string {
  return css.replace(/([^{}]+)\{([^{}]*)\}/g, (_, selectors: string, declarations: string) => {
    const scoped = selectors.split(",").map((selector) => {
      const trimmed = selector.trim();
      return trimmed === "body" || trimmed === "html" ? scope : `${scope} ${trimmed}`;
    });
    return `${scoped.join(",")}{${declarations}}`;
  });
}

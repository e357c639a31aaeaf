/**
 * retention-metrics/notebook: results that display themselves in a Jupyter notebook (Deno's
 * kernel). `display(result)` returns a value the kernel renders as a table of the result and
 * its chart; see docs/notebooks.md.
 */
export { display, JUPYTER_DISPLAY, VEGA_LITE_MIME } from "./notebook/display";
export type { DisplayOptions, JupyterDisplayable, MimeBundle, ResultDisplay } from "./notebook/display";
export type { DisplayKind } from "./notebook/recognise";

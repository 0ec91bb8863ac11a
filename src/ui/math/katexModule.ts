/**
 * KaTeX and its stylesheet, in one module that is only ever imported dynamically
 * (see loadKatex.ts): neither weighs on the initial bundle.
 */
import katex from "katex";
import "katex/dist/katex.min.css";

export function renderTex(tex: string, displayMode: boolean): string {
  // throwOnError false: a bad formula shows its source in red instead of breaking the panel.
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: "htmlAndMathml", strict: "ignore" });
}

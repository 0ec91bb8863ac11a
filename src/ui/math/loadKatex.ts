/** Lazy access to KaTeX: the first formula on screen starts the download, every later one reuses it. */
export type RenderTex = (tex: string, displayMode: boolean) => string;

let render: RenderTex | null = null;
let loading: Promise<RenderTex> | null = null;

/** The renderer if it has arrived, else null (callers show the source meanwhile). */
export function katexIfLoaded(): RenderTex | null {
  return render;
}

export function loadKatex(): Promise<RenderTex> {
  loading ??= import("./katexModule").then((m) => (render = m.renderTex));
  return loading;
}

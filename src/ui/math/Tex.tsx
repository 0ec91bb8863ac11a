import { useEffect, useMemo, useState } from "react";
import { katexIfLoaded, loadKatex } from "./loadKatex";

interface Props {
  /** LaTeX source (KaTeX's subset). */
  tex: string;
  /** Display mode: a centred block, as for the update rule. */
  display?: boolean;
  className?: string;
}

/**
 * A formula rendered by KaTeX (HTML for the eye, MathML for screen readers). KaTeX is
 * loaded lazily; until it arrives the LaTeX source shows as plain text.
 */
export function Tex({ tex, display = false, className }: Props) {
  const [render, setRender] = useState(katexIfLoaded);
  useEffect(() => {
    if (render) return;
    let live = true;
    loadKatex().then((r) => live && setRender(() => r));
    return () => {
      live = false;
    };
  }, [render]);
  const html = useMemo(() => (render ? render(tex, display) : null), [render, tex, display]);
  const Tag = display ? "div" : "span";
  if (html === null)
    return (
      <Tag className={`tex-source${className ? ` ${className}` : ""}`}>
        <code>{tex}</code>
      </Tag>
    );
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

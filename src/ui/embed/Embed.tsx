import { useStore } from "../../state/store";
import { ContourPlot } from "../plot/ContourPlot";
import { Transport } from "../controls/Transport";
import { HelpOverlay } from "../HelpOverlay";
import "./embed.css";

/** The page is an embed when its query has `embed` (`/?embed#e=…`). */
export function isEmbedView(search: string = location.search): boolean {
  return new URLSearchParams(search).has("embed");
}

/** The same page without `embed` in the query: hash (the experiment) and other parameters kept. */
export function fullAppUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("embed");
  return url.toString();
}

/**
 * The embed view for an iframe in slides or a course page: the plot, the transport and the
 * lesson's caption, and a link to the full app. The race is the page's (the link's), so the
 * hash restores it as on the full page.
 */
export function Embed() {
  const title = useStore((s) => s.experiment.title);
  const caption = useStore((s) => s.experiment.caption);
  const message = useStore((s) => s.message);
  return (
    <div className="embed">
      <header className="embed-head">
        {title && <h1 className="embed-title">{title}</h1>}
        <a
          className="embed-open"
          href={fullAppUrl(location.href)}
          target="_blank"
          rel="noopener"
          // The hash follows edits after the first render: the link takes it as it is at the click.
          onClick={(e) => (e.currentTarget.href = fullAppUrl(location.href))}
        >
          Open in Downhill
        </a>
      </header>
      {message && (
        <p className="embed-message" role="status">
          {message}
        </p>
      )}
      <main className="embed-stage" aria-label="Race track">
        <ContourPlot />
        <Transport />
      </main>
      {caption && <p className="embed-caption">{caption}</p>}
      <HelpOverlay />
    </div>
  );
}

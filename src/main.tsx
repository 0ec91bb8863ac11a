import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import "./ui/styles.css";
import { registerOffline } from "./pwa";
import { startUrlSync } from "./state/urlSync";
import { formulasReady } from "./state/formulas";
import { linkNeedsFormulas } from "./state/shareLink";

// Before the first render: a link's experiment replaces the default race before anything is
// shown; a link holding a typed surface first waits for the formula compiler.
if (linkNeedsFormulas(window.location.hash)) await formulasReady;
startUrlSync();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerOffline();

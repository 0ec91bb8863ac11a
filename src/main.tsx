import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import "./ui/styles.css";
import { registerOffline } from "./pwa";
import { startUrlSync } from "./state/urlSync";

// Before the first render: a link's experiment replaces the default race before anything is shown.
startUrlSync();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerOffline();

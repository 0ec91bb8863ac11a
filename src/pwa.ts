/**
 * Registers the service worker vite-plugin-pwa generates (production builds only; `npm run
 * dev` has none), so after one visit the app loads and runs with no network. A new build
 * takes over on the next load ("autoUpdate").
 */
import { registerSW } from "virtual:pwa-register";

export function registerOffline(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  registerSW({ immediate: true });
}

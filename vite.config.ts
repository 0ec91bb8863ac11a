import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

export default defineConfig({
  plugins: [
    react(),
    // Offline after one visit (lecture halls have bad Wi-Fi): Workbox precaches the whole
    // build, workers and KaTeX's woff2 fonts included; src/pwa.ts registers it.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      // The glob below already takes every file of public/; listing them again would precache them twice.
      includeManifestIcons: false,
      manifest: {
        name: "Downhill — optimizer race track",
        short_name: "Downhill",
        description: "Race optimizers across loss surfaces, exactly as torch.optim runs them.",
        start_url: "./",
        scope: "./",
        display: "standalone",
        background_color: "#1b2a41",
        theme_color: "#1b2a41",
        icons: [
          { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        // woff2 only: every browser that runs the app reads KaTeX's woff2 and never asks for its woff/ttf fallbacks.
        globPatterns: ["**/*.{js,css,html,svg,png,woff2,webmanifest}"],
        navigateFallback: "index.html",
        cleanupOutdatedCaches: true,
        // Take over the page of the first visit at once, so it is ready to go offline without a reload.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 600 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ["src/**/*.test.ts", "tools/**/*.test.ts"],
    environment: "node",
    setupFiles: ["src/testing/setup.ts"],
  },
});

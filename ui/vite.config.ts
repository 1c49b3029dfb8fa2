import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: "127.0.0.1" },
  build: {
    target: "safari15",
    // No inline scripts or styles: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    sourcemap: false,
    // Two pages: the console, and the trusted window (credentials, approvals).
    rollupOptions: { input: { main: "index.html", trusted: "trusted.html" } },
  },
  test: {
    environment: "jsdom",
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
  },
});

/** What browsers and home screens show of an app besides its pages: theme colour and manifest. */
import type { MetadataRoute, Viewport } from "next";

/** The blue of app/icon.svg: the browser's toolbar (where it tints one) and the installed app's. */
export const THEME_COLOR = "#2b4fd8";

/** Each root layout's `viewport`. */
export const appViewport: Viewport = { themeColor: THEME_COLOR };

/**
 * An app's web app manifest (app/manifest.ts): its icons are public/icon-192.png and
 * public/icon-512.png, drawn from app/icon.svg by tooling/scripts/app-icons.mjs.
 */
export function appManifest(app: {
  name: string;
  shortName: string;
  description: string;
}): MetadataRoute.Manifest {
  return {
    name: app.name,
    short_name: app.shortName,
    description: app.description,
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: THEME_COLOR,
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}

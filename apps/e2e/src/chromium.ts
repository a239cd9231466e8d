/**
 * Debian's Chromium, never a downloaded browser (docs/architecture.md "Tests"), with flags that keep it off the
 * network: the launch options of the journeys and of bench/page-weight.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

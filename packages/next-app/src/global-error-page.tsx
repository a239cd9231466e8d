"use client";

/**
 * What shows when an app's root layout itself failed (Next's `global-error`): the app's own shell
 * is gone, so this renders the whole document, in plain words with a way to try again. It stays
 * small and self-contained (inline styles, no stylesheet, no other component): it replaces Next's
 * built-in error page, which every page otherwise loads with its styles.
 */
export function GlobalErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "3rem 1rem" }}>
        <main style={{ maxWidth: "32rem", margin: "0 auto", lineHeight: 1.5 }}>
          <h1 style={{ fontSize: "1.25rem" }}>Something went wrong</h1>
          <p>
            Atlas could not show this page. Nothing you saved is lost. Try again; if it keeps
            happening, reload the page in a minute.
          </p>
          <button type="button" onClick={reset} style={{ font: "inherit", padding: "0.5rem 1rem" }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}

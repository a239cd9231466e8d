import { withBypass } from "@atlas/db/bypass";
import { requireDevSignIn } from "@atlas/next-app/dev-session";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

/** Most recent messages shown; the outbox is a development aid, not an archive. */
const SHOWN = 30;

/**
 * Embedded and test mode only (404 otherwise, like the dev sign-in): the e-mail Atlas would have
 * sent over SMTP (docs/architecture.md "Notifications"), newest first, each rendered in a
 * sandboxed frame with its List-Unsubscribe headers.
 */
export default async function OutboxPage() {
  requireDevSignIn();
  const messages = await withBypass(
    { actor: "dev:outbox", reason: "show the embedded e-mail outbox" },
    (db) =>
      db.emailOutbox.findMany({
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: SHOWN,
      }),
  );
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Outbox</h1>
      {messages.length === 0 ? <p>No e-mail yet.</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="space-y-2 rounded border p-4">
          <h2 className="font-medium">{message.subject}</h2>
          <p className="text-sm">
            To {message.to} · {message.createdAt.toISOString()}
          </p>
          <pre className="overflow-x-auto text-xs">{JSON.stringify(message.headers, null, 2)}</pre>
          <iframe
            title={message.subject}
            sandbox=""
            srcDoc={message.html}
            className="h-96 w-full border"
          />
        </article>
      ))}
    </main>
  );
}

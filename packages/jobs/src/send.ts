/**
 * The one way apps start background work: `send("atlas/…", data)`, typed by the event catalog.
 * Production hands the event to Inngest; embedded and test mode run it in-process.
 */
import { atlasMode } from "@atlas/config";
import { inngest } from "./client.ts";
import { defaultDeps } from "./deps.ts";
import { atlasEvents, type AtlasEventData, type AtlasEventName } from "./events.ts";
import { createLocalRunner, type LocalRunner } from "./local-runner.ts";

let local: LocalRunner | undefined;

function localRunner(): LocalRunner {
  local ??= createLocalRunner(defaultDeps, {
    info: (message, fields) => console.info(`[jobs] ${message}`, fields ?? ""),
    error: (message, fields) => console.error(`[jobs] ${message}`, fields ?? ""),
  });
  return local;
}

export async function send<N extends AtlasEventName>(
  name: N,
  data: AtlasEventData<N>,
): Promise<void> {
  const validated = atlasEvents[name].schema.parse(data) as AtlasEventData<N>;
  if (atlasMode() === "production") {
    // One event's own builder: TypeScript cannot pair a union of builders with N by itself.
    const event = atlasEvents[name] as unknown as {
      create(data: AtlasEventData<N>): Parameters<typeof inngest.send>[0];
    };
    await inngest.send(event.create(validated));
    return;
  }
  localRunner().dispatch(name, validated);
}

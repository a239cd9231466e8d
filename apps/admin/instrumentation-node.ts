import { quietClientAborts } from "@atlas/next-app/client-aborts";
import { loadEnv } from "./env.ts";

// A client that leaves mid-request is not a server error (packages/next-app/src/client-aborts.ts).
quietClientAborts();

// A missing or malformed variable stops the server with one message naming each of them.
try {
  loadEnv(process.env, "start");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

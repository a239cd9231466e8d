import { loadEnv } from "./env.ts";

// A missing or malformed variable stops the server with one message naming each of them.
try {
  loadEnv(process.env, "start");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** The admin URL the seed's commands write with (a role that bypasses row-level security). */
import { AtlasConfigError, read } from "@atlas/config";
import { databaseUrls } from "@atlas/db/env";

/**
 * DATABASE_ADMIN_URL, or in embedded and test mode the embedded server's; otherwise the command
 * (`command`, as its messages name it) stops, saying what to set.
 */
export function adminUrl(command: string): string {
  try {
    return read(process.env, "DATABASE_ADMIN_URL") ?? databaseUrls().adminUrl;
  } catch (error) {
    if (!(error instanceof AtlasConfigError)) throw error;
    console.error(
      `${command}: ${error.message}\nPoint DATABASE_ADMIN_URL at the database as an admin role, e.g.\n` +
        `  DATABASE_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/atlas pnpm ${command}`,
    );
    process.exit(1);
  }
}

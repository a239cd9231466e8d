/**
 * The drift check: the migrations must reproduce both the database (nothing changed by hand)
 * and schema.prisma (no schema change without its migration). Exit 0 when clean, 2 on drift.
 */
import { runPrisma } from "./prisma.ts";

const checks = [
  {
    what: "database vs migrations",
    args: ["--from-migrations", "prisma/migrations", "--to-config-datasource"],
  },
  {
    what: "schema.prisma vs migrations",
    args: ["--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma"],
  },
];

let drifted = false;
for (const check of checks) {
  const output = await runPrisma(["migrate", "diff", ...check.args, "--exit-code"], {
    quiet: true,
  }).then(
    () => null,
    (error: Error) => error.message,
  );
  if (output === null) {
    console.log(`✔ ${check.what}: no difference`);
  } else {
    drifted = true;
    console.log(`✘ ${check.what}: drift\n${output}`);
  }
}
process.exit(drifted ? 2 : 0);

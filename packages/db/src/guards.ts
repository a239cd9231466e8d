import { Prisma } from "../generated/prisma/client.ts";

/** Paths in a where clause whose value is `undefined`, which Prisma would silently drop. */
function undefinedPaths(value: unknown, path: string): string[] {
  if (value === undefined) return [path];
  if (value === null || typeof value !== "object" || value instanceof Date) return [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => undefinedPaths(item, `${path}[${i}]`));
  return Object.entries(value).flatMap(([key, item]) => undefinedPaths(item, `${path}.${key}`));
}

/**
 * `updateMany`/`deleteMany` with `where: { workspaceId: undefined }` would touch every row the
 * connection can see: refuse any undefined value in their filters.
 */
export const rejectUndefinedFilters = Prisma.defineExtension({
  name: "reject-undefined-filters",
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        if (
          operation === "updateMany" ||
          operation === "deleteMany" ||
          operation === "updateManyAndReturn"
        ) {
          const where = (args as { where?: unknown }).where;
          const paths = where === undefined ? ["where"] : undefinedPaths(where, "where");
          if (paths.length > 0) {
            throw new Error(`${model}.${operation} refused: ${paths.join(", ")} is undefined`);
          }
        }
        return query(args);
      },
    },
  },
});

/** People the journeys add for themselves: a brand-new member of the seeded Demo Team. */
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@atlas/db";

/**
 * A user with nothing yet (no time setting: UTC) and a fresh membership of Demo Team, stored
 * through the private database's admin role. `name` must be unique among the dev sign-in's people.
 */
export async function newDemoMember(name: string): Promise<{ userId: string }> {
  const db = createPrismaClient(process.env.E2E_DATABASE_ADMIN_URL!);
  try {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    const user = await db.user.create({
      data: { name, email: `${randomUUID()}@atlas.test` },
    });
    await db.membership.create({
      data: { workspaceId: workspace.id, userId: user.id, role: "member" },
    });
    return { userId: user.id };
  } finally {
    await db.$disconnect();
  }
}

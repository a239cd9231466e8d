/**
 * A join through an invitation link tells `onMemberJoined` (the web app queues the seat sync,
 * docs/domain.md "Seats") after it committed; a refused accept tells nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, PEOPLE, rejectionOf, type Harness } from "./testing/harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h?.close();
});

describe("acceptInvitation", () => {
  it("tells onMemberJoined the workspace once the member joined", async () => {
    const { token } = await h.as("owner").workspace.invite({ email: PEOPLE.priya, role: "member" });
    const joined: string[] = [];
    const onMemberJoined = (workspaceId: string) => joined.push(workspaceId);

    // Someone else holding the link is refused: nobody is told.
    await rejectionOf(
      h.as("sam", null, { onMemberJoined }).workspace.acceptInvitation({ token: token! }),
    );
    expect(joined).toEqual([]);

    await h.as("priya", null, { onMemberJoined }).workspace.acceptInvitation({ token: token! });
    expect(joined).toEqual([h.workspaceIds.demo]);
  });
});

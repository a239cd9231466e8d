import { Card, CardContent, CardDescription, CardHeader } from "@atlas/ui";
import type { Metadata } from "next";
import { AcceptInvitation } from "~/components/members/accept-invitation.tsx";
import { getMe } from "~/lib/data.ts";

export const metadata: Metadata = { title: "Invitation" };

type Props = { params: Promise<{ token: string }> };

/** An invitation link (docs/domain.md "Members and invitations"): the signed-in person joins. */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const me = await getMe();
  return (
    <div className="mx-auto flex max-w-xl flex-col py-8">
      <Card aria-labelledby="invite-title">
        <CardHeader>
          <h1 id="invite-title" className="text-xl font-semibold leading-tight">
            You are invited to a workspace
          </h1>
          <CardDescription>
            Signed in as <strong className="font-semibold">{me.email}</strong>. The invitation works
            for the address it was sent to.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AcceptInvitation token={token} />
        </CardContent>
      </Card>
    </div>
  );
}

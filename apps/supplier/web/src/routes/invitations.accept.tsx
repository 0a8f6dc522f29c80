import { AcceptInvitationPage } from '@kontor/ui';
import { createFileRoute, useRouter } from '@tanstack/react-router';
import { z } from 'zod';

export const Route = createFileRoute('/invitations/accept')({
  validateSearch: z.object({ token: z.string().optional() }),
  component: AcceptInvitation,
});

function AcceptInvitation() {
  const { token } = Route.useSearch();
  const router = useRouter();
  return <AcceptInvitationPage token={token} onSignedIn={() => void router.navigate({ to: '/', replace: true })} />;
}

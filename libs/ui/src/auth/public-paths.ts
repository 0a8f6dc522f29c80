/** Pages reachable without a session (the sign-in family); every other route requires one. */
export const PUBLIC_PATHS = ['/sign-in', '/sign-up', '/invitations/accept', '/forgot-password', '/reset-password', '/verify-email'];

/** Whether a router path (with or without the /app base) is one of the public pages. */
export function isPublicPath(pathname: string): boolean {
  const path = pathname.replace(/^\/app(?=\/|$)/, '') || '/';
  return PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/** A return-to target from the URL, only if it stays inside this app (no open redirect). */
export function safeRedirect(target: unknown, fallback = '/'): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.includes('\\') ? target : fallback;
}

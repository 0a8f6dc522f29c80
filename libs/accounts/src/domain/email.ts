/** E-mail addresses are compared case-insensitively; this is their stored form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

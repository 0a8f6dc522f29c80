import { Actor } from './actor';
import { AccessClaims } from './access-token.service';

/**
 * Turns verified token claims into a current Actor, or null when the user, membership or company
 * is no longer allowed to act (suspended company, removed member). Implemented by accounts.
 */
export interface ActorDirectory {
  resolve(claims: AccessClaims): Promise<Actor | null>;
}

export const ACTOR_DIRECTORY = Symbol('ACTOR_DIRECTORY');

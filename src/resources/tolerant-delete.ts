/**
 * A delete that tolerates an object already gone or one the service wants disabled first (used
 * by the Application and ClientSecret providers, whose objects can be enabled).
 */
import { EiamApiError, isNotFound } from '../client';
import { unlessNotFound } from './provider-kit';

/**
 * True when the service refused a delete because of the object's state (e.g. it must be disabled
 * first). The emulator deletes in any state; the real service's codes for this are not
 * published, so any `OperationDenied*` / `*Status*` / `*Conflict*` code counts.
 */
export function isStateConflict(err: unknown): boolean {
  return err instanceof EiamApiError && /OperationDenied|Status|Conflict/i.test(err.code) && !isNotFound(err);
}

/**
 * Deletes with `remove`; an object already gone is success. If the service refuses because of
 * the object's state, `disable` runs once and the delete is tried again.
 */
export async function deleteTolerantly(
  remove: () => Promise<unknown>,
  disable?: () => Promise<unknown>,
): Promise<void> {
  try {
    await unlessNotFound(remove());
    return;
  } catch (err) {
    if (!disable || !isStateConflict(err)) throw err;
  }
  await unlessNotFound(
    (async () => {
      await disable();
      await remove();
    })(),
  );
}

import { useSyncExternalStore } from 'react';
import { currentJump, type JumpPlace, jumpBack, subscribeJumps } from '../jumps';

/** Where a jump lands: what happened, and the way back to where it started. */
export function JumpBack({ at }: { at: JumpPlace }) {
  const jump = useSyncExternalStore(subscribeJumps, currentJump);
  return (
    <p className="jump-back" role="status" data-testid={`jump-back-${at}`}>
      {jump?.at === at && (
        <>
          {jump.note && <span>{jump.note} </span>}
          <button type="button" className="link-button" onClick={jumpBack}>
            {jump.back}
          </button>
        </>
      )}
    </p>
  );
}

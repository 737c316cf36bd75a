import { useEffect, useRef } from 'react';
import type { RunCommands } from '../../page/commands';
import type { Phase } from '../../page/store';

interface Props {
  phase: Phase;
  canStart: boolean;
  hasRun: boolean;
  /** The device was lost mid-run: Resume goes on from the last checkpoint on a new device. */
  canRecover: boolean;
  onTrain: () => void;
  /** Pause, Resume (after a lost device: recover), Step and Stop. */
  commands: Pick<RunCommands, 'pause' | 'resume' | 'step' | 'stop' | 'recover'>;
}

type Name = 'train' | 'pause' | 'resume' | 'step' | 'stop';

/** The control that makes sense next in each phase: where focus goes when the clicked one disables itself. */
const NEXT: Partial<Record<Phase, Name>> = { ready: 'train', training: 'pause', paused: 'resume' };

/** Train, Pause, Resume, Step and Stop, each enabled only when it means something in this phase. */
export function Controls({ phase, canStart, hasRun, canRecover, onTrain, commands }: Props) {
  const running = phase === 'training' || phase === 'paused';
  const group = useRef<HTMLDivElement>(null);
  const buttons = useRef<Partial<Record<Name, HTMLButtonElement | null>>>({});
  /** Focus was on one of these buttons, and has not been moved anywhere else since. */
  const held = useRef(false);

  // NOTE: a focused button that becomes disabled drops focus to the page body, where a keyboard user
  // would have to start again from the top.
  useEffect(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body || (active as HTMLButtonElement).disabled;
    const next = NEXT[phase];
    const target = next ? buttons.current[next] : null;
    if (held.current && lost && target && !target.disabled) target.focus();
  }, [phase]);

  const button = (name: Name) => (element: HTMLButtonElement | null) => {
    buttons.current[name] = element;
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus tracking only; the buttons are the controls
    <div
      className="controls"
      ref={group}
      onFocus={() => {
        held.current = true;
      }}
      onBlur={(event) => {
        // Focus moved elsewhere on purpose (relatedTarget is null when the button disabled itself).
        if (event.relatedTarget && !group.current?.contains(event.relatedTarget as Node))
          held.current = false;
      }}
    >
      <button
        type="button"
        ref={button('train')}
        className="primary"
        disabled={phase !== 'ready' || !canStart}
        onClick={onTrain}
      >
        {hasRun && phase === 'ready' ? 'Train again' : 'Train'}
      </button>
      <button type="button" ref={button('pause')} disabled={phase !== 'training'} onClick={commands.pause}>
        Pause
      </button>
      <button
        type="button"
        ref={button('resume')}
        className={canRecover ? 'primary' : undefined}
        disabled={phase !== 'paused' && !canRecover}
        onClick={phase === 'lost' ? commands.recover : commands.resume}
      >
        Resume
      </button>
      <button type="button" ref={button('step')} disabled={phase !== 'paused'} onClick={commands.step}>
        Step one batch
      </button>
      <button type="button" ref={button('stop')} disabled={!running} onClick={commands.stop}>
        {phase === 'stopping' ? 'Stopping…' : 'Stop'}
      </button>
    </div>
  );
}

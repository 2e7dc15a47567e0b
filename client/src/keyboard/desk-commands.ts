// Commands between screens that do not hold each other: the shortcuts and the palette ask the open ticket's reply
// box to take focus or text, and the ticket's buttons ask for the resolve dialog, through window events.
import { useEffect, useRef } from 'react';

export type ReplyCommand = { action: 'reply' } | { action: 'note' } | { action: 'insert'; text: string };
export type DeskCommand =
  | ({ type: 'reply-box'; ticketId: string } & ReplyCommand)
  | { type: 'resolve'; ticketId: string; andNext: boolean };

const EVENT = 'desk-command';

export function sendDeskCommand(command: DeskCommand): void {
  window.dispatchEvent(new CustomEvent<DeskCommand>(EVENT, { detail: command }));
}

/** Calls `handle` with every command while the component is mounted (the latest `handle`, no re-subscribing). */
export function useDeskCommands(handle: (command: DeskCommand) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const listener = (event: Event) => latest.current((event as CustomEvent<DeskCommand>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}

/** For the reply box of `ticketId`: the commands addressed to it. */
export function useReplyCommands(ticketId: string, handle: (command: ReplyCommand) => void): void {
  useDeskCommands((command) => {
    if (command.type === 'reply-box' && command.ticketId === ticketId) handle(command);
  });
}

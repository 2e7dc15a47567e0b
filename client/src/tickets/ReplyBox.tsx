// The reply box: Enter sends, Shift+Enter breaks the line, "/" picks a canned response, the Template tab sends an approved template; a draft survives reloads and an expired session.
// It remembers when the draft began (as the newest message it follows), so that a reply crossing another
// agent's can be caught, and tells the presence when the agent types.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { fillPlaceholders } from '../canned-responses/fill';
import { useCannedResponsePicker } from '../canned-responses/useCannedResponsePicker';
import { useMentionPicker } from '../mentions/useMentionPicker';
import { windowLeft } from '../format';
import { useReplyCommands } from '../keyboard/desk-commands';
import type { MessageFieldsFragment } from '../gql/graphql';
import { TemplatePicker } from '../templates/TemplatePicker';
import { loadDraft, loadDraftSince, saveDraft, saveDraftSince } from '../session';
import { formatSize } from './Attachment';
import { uploadAttachment, type UploadedFile } from './upload';

export type ReplyMode = 'reply' | 'note';
/** The box's tabs: a free-form reply, an approved template (what reaches a person after the 24-hour window), a note. */
type Tab = ReplyMode | 'template';

/** A held reply handed back for editing, with its file; `key` tells one hand-back from the next. */
export interface RestoredReply {
  body: string;
  attachment: UploadedFile | null;
  key: number;
}

export function ReplyBox({
  ticketId,
  senderName,
  replyWindowClosesAt,
  isResolved,
  newestMessageAt,
  restore,
  onKeystroke,
  onStopTyping,
  onSend,
  onTemplateSent,
}: {
  ticketId: string;
  /** The person's name, for the {{name}} of canned responses. */
  senderName: string | null;
  replyWindowClosesAt: string | null;
  isResolved: boolean;
  /** When the newest message on screen was written (the server's clock): a draft begun now follows it. */
  newestMessageAt: string | null;
  restore: RestoredReply | null;
  onKeystroke: () => void;
  onStopTyping: () => void;
  onSend: (mode: ReplyMode, body: string, typingSince: string | null, attachment: UploadedFile | null) => void;
  onTemplateSent: (message: MessageFieldsFragment) => void;
}) {
  const [attachment, setAttachment] = useState<UploadedFile | null>(null);
  const attachmentRef = useRef(attachment);
  attachmentRef.current = attachment;
  const [upload, setUpload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const picked = async (file: File | undefined) => {
    if (!file) return;
    setUpload({ busy: true, error: null });
    try {
      setAttachment(await uploadAttachment(file));
      setUpload({ busy: false, error: null });
    } catch (failure) {
      setAttachment(null);
      setUpload({
        busy: false,
        error: `${file.name} was not attached: ${failure instanceof Error ? failure.message : String(failure)}`,
      });
    }
  };
  const [mode, setMode] = useState<Tab>(() =>
    !isResolved && windowLeft(replyWindowClosesAt) === null ? 'template' : 'reply',
  );
  const [text, setText] = useState(() => loadDraft(ticketId));
  const [since, setSince] = useState(() => loadDraftSince(ticketId));
  const [, tick] = useState(0);
  const [caret, setCaret] = useState(0);
  const pendingCaret = useRef<number | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const newest = useRef(newestMessageAt);
  newest.current = newestMessageAt;
  useEffect(() => saveDraft(ticketId, text), [ticketId, text]);
  useEffect(() => saveDraftSince(ticketId, since), [ticketId, since]);
  // After the render that put an inserted canned response in the box, the caret goes to the end of it.
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !field.current) return;
    field.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!restore) return;
    // Back for review: the agent has now seen the thread as it is, so the draft counts from here.
    setText((current) => [restore.body, current].filter((part) => part.trim()).join('\n'));
    if (restore.attachment) {
      const file = restore.attachment;
      // The box holds one file: one already attached stays, and the agent is told which file was not put back.
      setAttachment((current) => current ?? file);
      if (attachmentRef.current)
        setUpload({
          busy: false,
          error: `${file.filename ?? file.kind.toLowerCase()} from your held reply was not attached again: this reply already has a file`,
        });
    }
    setSince(newest.current);
    setMode('reply');
    field.current?.focus();
  }, [restore]);

  const left = windowLeft(replyWindowClosesAt);
  const windowClosed = !isResolved && left === null;
  useEffect(() => {
    // When the window closes (or the ticket opens with it closed), templates are what can still reach the person.
    if (windowClosed) setMode((current) => (current === 'reply' ? 'template' : current));
  }, [windowClosed]);
  const replyBlocked = mode === 'reply' && (isResolved || left === null);
  const change = (next: string) => {
    if (!text && next) setSince(newest.current);
    setText(next);
    if (!next) {
      setSince(null);
      onStopTyping();
    } else if (mode === 'reply') {
      onKeystroke();
    }
  };
  const picker = useCannedResponsePicker({
    text,
    caret,
    senderName,
    onInsert: (result) => {
      pendingCaret.current = result.caret;
      change(result.text);
      setCaret(result.caret);
    },
  });
  const mentionPicker = useMentionPicker({
    text,
    caret,
    enabled: mode === 'note',
    onInsert: (result) => {
      pendingCaret.current = result.caret;
      change(result.text);
      setCaret(result.caret);
    },
  });
  const switchMode = (next: Tab) => {
    setMode(next);
    // Notes are for agents: writing one is not typing a reply to the person.
    if (next === 'note') onStopTyping();
  };
  // The shortcuts (r, n) and the palette (a canned response) act on this box.
  useReplyCommands(ticketId, (command) => {
    if (command.action === 'note') switchMode('note');
    else if (mode === 'template' && !windowClosed) setMode('reply');
    if (command.action === 'insert') {
      const filled = fillPlaceholders(command.text, { name: senderName });
      pendingCaret.current = caret + filled.length;
      change(text.slice(0, caret) + filled + text.slice(caret));
      setCaret(caret + filled.length);
    }
    requestAnimationFrame(() => field.current?.focus());
  });
  const send = () => {
    const body = text.trim();
    const file = mode === 'reply' ? attachment : null;
    if ((!body && !file) || replyBlocked || upload.busy || mode === 'template') return;
    onSend(mode, body, since, file);
    setAttachment(null);
    setText('');
    setSince(null);
    onStopTyping();
    field.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentionPicker.onKeyDown(event) || picker.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <div className={`reply-box mode-${mode}`}>
      <div className="reply-tabs" role="tablist" aria-label="Message kind">
        <button type="button" role="tab" aria-selected={mode === 'reply'} onClick={() => switchMode('reply')}>
          Reply
        </button>
        <button type="button" role="tab" aria-selected={mode === 'template'} onClick={() => switchMode('template')}>
          Template
        </button>
        <button type="button" role="tab" aria-selected={mode === 'note'} onClick={() => switchMode('note')}>
          Internal note
        </button>
        {/* A resolved ticket is not open work: its notice below says how to reply, a countdown would mislead. */}
        {mode === 'reply' && !isResolved && left && <span className="muted window">Reply window closes in {left}</span>}
      </div>
      {mode === 'reply' && isResolved && <p className="notice">This ticket is resolved. Reopen it to reply.</p>}
      {mode === 'reply' && !isResolved && left === null && (
        <p className="notice">
          WhatsApp's 24-hour reply window has closed: the person has not written for a day, so a free-form reply cannot
          reach them. It opens again when they write. You can send an approved template, or add an internal note.
        </p>
      )}
      {mode === 'template' && windowClosed && (
        <p className="notice">
          WhatsApp's 24-hour reply window has closed: send an approved template to reach the person.
        </p>
      )}
      {mode === 'template' && isResolved && (
        <p className="notice">This ticket is resolved. Reopen it to send a template.</p>
      )}
      {mode === 'template' ? (
        <TemplatePicker ticketId={ticketId} senderName={senderName} disabled={isResolved} onSent={onTemplateSent} />
      ) : (
        <>
          {mentionPicker.element ?? picker.element}
          <label className="visually-hidden" htmlFor={`reply-${ticketId}`}>
            {mode === 'reply' ? 'Reply to the customer' : 'Internal note for agents'}
          </label>
          <textarea
            id={`reply-${ticketId}`}
            ref={field}
            rows={3}
            maxLength={4096}
            placeholder={
              mode === 'reply'
                ? 'Write a reply… (Enter sends, Shift+Enter for a new line, / for canned responses)'
                : 'Write a note only agents can see… (@ to mention an agent)'
            }
            value={text}
            disabled={replyBlocked}
            onChange={(event) => {
              change(event.target.value);
              setCaret(event.target.selectionStart);
            }}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            {...(mentionPicker.inputProps ?? picker.inputProps)}
          />
          <div className="reply-actions">
            {mode === 'reply' && (
              <span className="reply-attachment">
                <label className="button-like">
                  📎 Attach file
                  <input
                    type="file"
                    className="visually-hidden"
                    accept="image/jpeg,image/png,audio/*,video/mp4,video/3gpp,application/pdf,text/plain,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
                    disabled={replyBlocked || upload.busy}
                    onChange={(event) => {
                      void picked(event.target.files?.[0]);
                      // Cleared so that picking the same file again is a change too.
                      event.target.value = '';
                    }}
                  />
                </label>
                {upload.busy && <span className="muted">Uploading…</span>}
                {attachment && (
                  <span className="attachment-chip" data-testid="reply-attachment">
                    {attachment.filename ?? attachment.kind.toLowerCase()} · {formatSize(attachment.sizeBytes)}
                    <button type="button" aria-label="Remove the attachment" onClick={() => setAttachment(null)}>
                      ✕
                    </button>
                  </span>
                )}
                {upload.error && (
                  <span role="alert" className="delivery-error">
                    {upload.error}
                  </span>
                )}
              </span>
            )}
            <span className="muted">{text.length > 3500 ? `${4096 - text.length} characters left` : ''}</span>
            <button
              type="button"
              className="primary"
              onClick={send}
              disabled={replyBlocked || upload.busy || (!text.trim() && !(mode === 'reply' && attachment))}
            >
              {mode === 'reply' ? 'Send' : 'Add note'}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

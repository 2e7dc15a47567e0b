// The reply box: Enter sends, Shift+Enter breaks the line, "/" picks a canned response, the Template tab sends an approved template; a draft survives reloads and an expired session.
// It remembers when the draft began (as the newest message it follows), so that a reply crossing another
// agent's can be caught, and tells the presence when the agent types.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fillPlaceholders } from '../canned-responses/fill';
import { useCannedResponsePicker } from '../canned-responses/useCannedResponsePicker';
import { useMentionPicker } from '../mentions/useMentionPicker';
import { useIntl } from 'react-intl';
import { type Translate, windowLeft } from '../format';
import { useT } from '../i18n/I18n';
import { useReplyCommands } from '../keyboard/desk-commands';
import type { MessageFieldsFragment } from '../gql/graphql';
import { TemplatePicker } from '../templates/TemplatePicker';
import { loadDraft, loadDraftSince, saveDraft, saveDraftSince } from '../session';
import { formatSize } from './Attachment';
import { splitText } from './split-text';
import { uploadAttachment, type UploadedFile } from './upload';

export type ReplyMode = 'reply' | 'note';

/** WhatsApp's limit on a text message, in UTF-16 code units (as the server counts). */
const WHATSAPP_LIMIT = 4096;
/** The most messages the server sends one reply as (MAX_REPLY_PARTS). */
const MAX_PARTS = 10;
/** A note stays in the desk; the server keeps up to this many characters (MAX_NOTE_LENGTH). */
const NOTE_LIMIT = 16_384;
/** WhatsApp's limit on a file's caption (MAX_CAPTION_LENGTH). */
const CAPTION_LIMIT = 1024;

/**
 * What the box tells about the text's length, and whether it can be sent: a long reply goes as several WhatsApp
 * messages (the server cuts it the same way), one needing more than MAX_PARTS is refused before it is sent.
 */
function lengthNotice(
  t: Translate,
  mode: Tab,
  body: string,
  withFile: boolean,
): { text: string; parts: number; tooLong: boolean } {
  const quiet = { text: '', parts: 1, tooLong: false };
  // With a file the text is its caption, one message: WhatsApp's caption limit is shorter and is not cut.
  if (mode === 'reply' && withFile && body.length > CAPTION_LIMIT)
    return {
      ...quiet,
      tooLong: true,
      text: t('reply.captionTooLong', { limit: CAPTION_LIMIT, over: body.length - CAPTION_LIMIT }),
    };
  if (mode === 'note') {
    if (body.length > NOTE_LIMIT)
      return {
        ...quiet,
        tooLong: true,
        text: t('reply.noteTooLong', { over: body.length - NOTE_LIMIT, limit: NOTE_LIMIT }),
      };
    return body.length > NOTE_LIMIT - 500
      ? { ...quiet, text: t('reply.charactersLeft', { count: NOTE_LIMIT - body.length }) }
      : quiet;
  }
  if (body.length <= WHATSAPP_LIMIT)
    return body.length > 3500
      ? { ...quiet, text: t('reply.charactersLeft', { count: WHATSAPP_LIMIT - body.length }) }
      : quiet;
  // The cut is only worked out for text that could be sent: a huge paste is refused without it.
  const parts =
    body.length > WHATSAPP_LIMIT * MAX_PARTS
      ? Math.ceil(body.length / WHATSAPP_LIMIT)
      : splitText(body, WHATSAPP_LIMIT).length;
  if (parts > MAX_PARTS)
    return {
      text: t('reply.tooLong', { length: body.length, parts, max: MAX_PARTS }),
      parts,
      tooLong: true,
    };
  return {
    text: t('reply.willSplit', { over: body.length - WHATSAPP_LIMIT, limit: WHATSAPP_LIMIT, parts }),
    parts,
    tooLong: false,
  };
}
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
  const t = useT();
  const { locale } = useIntl();
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
        error: t('reply.notAttached', {
          name: file.name,
          error: failure instanceof Error ? failure.message : String(failure),
        }),
      });
    }
  };
  const [mode, setMode] = useState<Tab>(() =>
    !isResolved && windowLeft(t, replyWindowClosesAt) === null ? 'template' : 'reply',
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
          error: t('reply.heldFileNotAttached', { name: file.filename ?? file.kind.toLowerCase() }),
        });
    }
    setSince(newest.current);
    setMode('reply');
    field.current?.focus();
  }, [restore, t]);

  const left = windowLeft(t, replyWindowClosesAt);
  const windowClosed = !isResolved && left === null;
  useEffect(() => {
    // When the window closes (or the ticket opens with it closed), templates are what can still reach the person.
    if (windowClosed) setMode((current) => (current === 'reply' ? 'template' : current));
  }, [windowClosed]);
  const replyBlocked = mode === 'reply' && (isResolved || left === null);
  const trimmed = text.trim();
  const withFile = attachment !== null;
  const length = useMemo(() => lengthNotice(t, mode, trimmed, withFile), [t, mode, trimmed, withFile]);
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
    if ((!body && !file) || replyBlocked || upload.busy || mode === 'template' || length.tooLong) return;
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
      <div className="reply-tabs" role="tablist" aria-label={t('reply.kind')}>
        <button type="button" role="tab" aria-selected={mode === 'reply'} onClick={() => switchMode('reply')}>
          {t('reply.tabReply')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'template'} onClick={() => switchMode('template')}>
          {t('reply.tabTemplate')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'note'} onClick={() => switchMode('note')}>
          {t('reply.tabNote')}
        </button>
        {/* A resolved ticket is not open work: its notice below says how to reply, a countdown would mislead. */}
        {mode === 'reply' && !isResolved && left && (
          <span className="muted window">{t('reply.windowClosesIn', { left })}</span>
        )}
      </div>
      {mode === 'reply' && isResolved && <p className="notice">{t('reply.resolved')}</p>}
      {mode === 'reply' && !isResolved && left === null && <p className="notice">{t('reply.windowClosed')}</p>}
      {mode === 'template' && windowClosed && <p className="notice">{t('reply.windowClosedTemplate')}</p>}
      {mode === 'template' && isResolved && <p className="notice">{t('reply.resolvedTemplate')}</p>}
      {mode === 'template' ? (
        <TemplatePicker ticketId={ticketId} senderName={senderName} disabled={isResolved} onSent={onTemplateSent} />
      ) : (
        <>
          {mentionPicker.element ?? picker.element}
          <label className="visually-hidden" htmlFor={`reply-${ticketId}`}>
            {mode === 'reply' ? t('reply.replyLabel') : t('reply.noteLabel')}
          </label>
          <textarea
            id={`reply-${ticketId}`}
            ref={field}
            rows={3}
            placeholder={mode === 'reply' ? t('reply.replyPlaceholder') : t('reply.notePlaceholder')}
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
                  {t('reply.attach')}
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
                {upload.busy && <span className="muted">{t('reply.uploading')}</span>}
                {attachment && (
                  <span className="attachment-chip" data-testid="reply-attachment">
                    {attachment.filename ?? attachment.kind.toLowerCase()} · {formatSize(attachment.sizeBytes, locale)}
                    <button type="button" aria-label={t('reply.removeAttachment')} onClick={() => setAttachment(null)}>
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
            <span
              className={`length-notice ${length.tooLong ? 'delivery-error' : length.parts > 1 ? 'over-limit' : 'muted'}`}
              data-testid="length-notice"
              role={length.tooLong ? 'alert' : 'status'}
            >
              {length.text}
            </span>
            <button
              type="button"
              className="primary"
              onClick={send}
              disabled={
                replyBlocked || upload.busy || length.tooLong || (!trimmed && !(mode === 'reply' && attachment))
              }
            >
              {mode === 'note'
                ? t('reply.addNote')
                : length.parts > 1 && !length.tooLong
                  ? t('reply.sendAs', { parts: length.parts })
                  : t('reply.send')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

// Who else has this ticket open (avatars in the header), and who is typing a reply (above the reply box).
import type { Translate } from '../format';
import { useT } from '../i18n/I18n';
import type { Viewer } from './presence';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');

/** A stable colour per agent, so that the same person looks the same on every screen. */
const hueOf = (id: string) => ([...id].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) * 47) % 360;

function names(t: Translate, viewers: Viewer[]): string {
  const [first = '', second, ...rest] = viewers.map((viewer) => viewer.agent.name);
  if (second === undefined) return first;
  if (rest.length === 0) return t('viewers.two', { first, second });
  return t('viewers.many', { first, second, count: rest.length });
}

/** Avatars shown before the rest are counted as "+N": the header keeps room for this many. */
const SHOWN = 3;

export function Viewers({ viewers }: { viewers: Viewer[] }) {
  const t = useT();
  // Rendered empty too: its reserved room keeps the header still when someone arrives.
  if (viewers.length === 0) return <div className="viewers" data-testid="viewers" />;
  const hidden = viewers.length - SHOWN;
  return (
    <div className="viewers" data-testid="viewers">
      <span className="muted">{t('viewers.alsoHere')}</span>
      <ul aria-label={t('viewers.alsoViewing', { names: names(t, viewers) })}>
        {viewers.slice(0, SHOWN).map((viewer) => (
          <li
            key={viewer.agent.id}
            className={`avatar ${viewer.typing ? 'typing' : ''}`}
            style={{ backgroundColor: `hsl(${hueOf(viewer.agent.id)} 55% 42%)` }}
            title={t('viewers.doing', { name: viewer.agent.name, typing: String(viewer.typing) })}
            data-testid="viewer"
          >
            <span aria-hidden="true">{initials(viewer.agent.name)}</span>
            <span className="visually-hidden">{viewer.agent.name}</span>
          </li>
        ))}
        {hidden > 0 && (
          <li className="avatar more-viewers" title={names(t, viewers.slice(SHOWN))}>
            +{hidden}
          </li>
        )}
      </ul>
    </div>
  );
}

export function TypingNotice({ viewers }: { viewers: Viewer[] }) {
  const t = useT();
  const typing = viewers.filter((viewer) => viewer.typing);
  return (
    <p className="typing-notice" data-testid="typing-notice" aria-live="polite">
      {typing.length > 0 && t('viewers.typing', { names: names(t, typing), count: typing.length })}
    </p>
  );
}

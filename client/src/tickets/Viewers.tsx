// Who else has this ticket open (avatars in the header), and who is typing a reply (above the reply box).
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

function names(viewers: Viewer[]): string {
  const all = viewers.map((viewer) => viewer.agent.name);
  if (all.length <= 2) return all.join(' and ');
  return `${all.slice(0, 2).join(', ')} and ${all.length - 2} more`;
}

/** Avatars shown before the rest are counted as "+N": the header keeps room for this many. */
const SHOWN = 3;

export function Viewers({ viewers }: { viewers: Viewer[] }) {
  // Rendered empty too: its reserved room keeps the header still when someone arrives.
  if (viewers.length === 0) return <div className="viewers" data-testid="viewers" />;
  const hidden = viewers.length - SHOWN;
  return (
    <div className="viewers" data-testid="viewers">
      <span className="muted">Also here</span>
      <ul aria-label={`Also viewing: ${names(viewers)}`}>
        {viewers.slice(0, SHOWN).map((viewer) => (
          <li
            key={viewer.agent.id}
            className={`avatar ${viewer.typing ? 'typing' : ''}`}
            style={{ backgroundColor: `hsl(${hueOf(viewer.agent.id)} 55% 42%)` }}
            title={`${viewer.agent.name} is ${viewer.typing ? 'typing a reply' : 'viewing'}`}
            data-testid="viewer"
          >
            <span aria-hidden="true">{initials(viewer.agent.name)}</span>
            <span className="visually-hidden">{viewer.agent.name}</span>
          </li>
        ))}
        {hidden > 0 && (
          <li className="avatar more-viewers" title={names(viewers.slice(SHOWN))}>
            +{hidden}
          </li>
        )}
      </ul>
    </div>
  );
}

export function TypingNotice({ viewers }: { viewers: Viewer[] }) {
  const typing = viewers.filter((viewer) => viewer.typing);
  return (
    <p className="typing-notice" data-testid="typing-notice" aria-live="polite">
      {typing.length > 0 && `${names(typing)} ${typing.length === 1 ? 'is' : 'are'} typing a reply…`}
    </p>
  );
}

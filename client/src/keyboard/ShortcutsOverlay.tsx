// The `?` overlay: every shortcut, rendered from the key map, in the groups an agent looks for.
import { Dialog } from './Dialog';
import { ESCAPE_ROW, SHORTCUTS, type Shortcut } from './keymap';

const GROUPS: Shortcut['group'][] = ['Move around', 'Writing', 'On the open ticket', 'Anywhere'];

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="shortcut-keys">
      {keys.map((name, index) => (
        <span key={name}>
          {index > 0 && <span className="muted"> or </span>}
          <kbd>{name}</kbd>
        </span>
      ))}
    </span>
  );
}

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog labelledBy="shortcuts-title" className="shortcuts-overlay" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" onClick={onClose} aria-label="Close the shortcuts">
          ✕
        </button>
      </div>
      <p className="muted">Single keys work when you are not typing in a field; Ctrl/⌘ ones and Esc work anywhere.</p>
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcuts-${group.replaceAll(' ', '-')}`}>
            <h3 id={`shortcuts-${group.replaceAll(' ', '-')}`}>{group}</h3>
            <dl className="shortcut-list" data-testid="shortcut-list">
              {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <div key={shortcut.id} className="shortcut-row">
                  <dt>{shortcut.label}</dt>
                  <dd>
                    <Keys keys={shortcut.keys} />
                  </dd>
                </div>
              ))}
              {group === 'Anywhere' && (
                <div className="shortcut-row">
                  <dt>{ESCAPE_ROW.label}</dt>
                  <dd>
                    <Keys keys={ESCAPE_ROW.keys} />
                  </dd>
                </div>
              )}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}

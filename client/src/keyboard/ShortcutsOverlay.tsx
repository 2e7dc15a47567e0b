// The `?` overlay: every shortcut, rendered from the key map, in the groups an agent looks for.
import type { MessageId } from '../i18n/en';
import { useT } from '../i18n/I18n';
import { Dialog } from './Dialog';
import { ESCAPE_ROW, SHORTCUTS, type Shortcut } from './keymap';

const GROUPS: Shortcut['group'][] = ['Move around', 'Writing', 'On the open ticket', 'Anywhere'];
const GROUP_NAMES: Record<Shortcut['group'], MessageId> = {
  'Move around': 'keys.groupMove',
  Writing: 'keys.groupWriting',
  'On the open ticket': 'keys.groupTicket',
  Anywhere: 'keys.groupAnywhere',
};

function Keys({ keys }: { keys: string[] }) {
  const t = useT();
  return (
    <span className="shortcut-keys">
      {keys.map((name, index) => (
        <span key={name}>
          {index > 0 && <span className="muted"> {t('keys.or')} </span>}
          <kbd>{name}</kbd>
        </span>
      ))}
    </span>
  );
}

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog labelledBy="shortcuts-title" className="shortcuts-overlay" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="shortcuts-title">{t('keys.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('keys.close')}>
          ✕
        </button>
      </div>
      <p className="muted">{t('keys.lead')}</p>
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcuts-${group.replaceAll(' ', '-')}`}>
            <h3 id={`shortcuts-${group.replaceAll(' ', '-')}`}>{t(GROUP_NAMES[group])}</h3>
            <dl className="shortcut-list" data-testid="shortcut-list">
              {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <div key={shortcut.id} className="shortcut-row">
                  <dt>{t(shortcut.label)}</dt>
                  <dd>
                    <Keys keys={shortcut.keys} />
                  </dd>
                </div>
              ))}
              {group === 'Anywhere' && (
                <div className="shortcut-row">
                  <dt>{t(ESCAPE_ROW.label)}</dt>
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

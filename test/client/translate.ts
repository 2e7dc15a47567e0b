// The dashboard's translate function outside React, for tests of helpers that take `t`.
import { createIntl } from 'react-intl';
import type { Translate } from '../../client/src/format';
import { en } from '../../client/src/i18n/en';
import { es } from '../../client/src/i18n/es';

export function translator(locale: 'en' | 'es' | string = 'en'): Translate {
  const intl = createIntl({ locale, messages: locale.startsWith('es') ? es : en, defaultLocale: 'en' });
  return (id, values) => intl.formatMessage({ id }, values as Record<string, string>);
}

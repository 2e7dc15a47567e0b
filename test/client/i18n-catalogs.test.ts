// The dashboard's message catalogs (issue 16, languages): every language has every message (the compiler checks
// the ids), each message is valid ICU MessageFormat, and a translation uses exactly the placeholders, plural
// cases and markup tags of the English, so that no figure or link silently disappears in another language.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en';
import { enBot } from '../../client/src/i18n/en.bot';
import { enDesk } from '../../client/src/i18n/en.desk';
import { enTickets } from '../../client/src/i18n/en.tickets';
import { es } from '../../client/src/i18n/es';
import { formattingLocale, pickLanguage } from '../../client/src/i18n/locale';

/** The placeholders, plural/select arguments and tags a message uses, sorted. */
function shapeOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date)
      into.add(`{${element.value}}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(`{${element.value}, ${element.type === TYPE.plural ? 'plural' : 'select'}}`);
      for (const option of Object.values(element.options)) shapeOf(option.value, into);
    }
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      shapeOf(element.children, into);
    }
  }
  return into;
}

const shape = (message: string) => [...shapeOf(parse(message))].sort();

describe('message catalogs', () => {
  it('parses every message in every language', () => {
    for (const [language, catalog] of Object.entries({ en, es }))
      for (const [id, message] of Object.entries(catalog))
        expect(() => parse(message), `${language} ${id}`).not.toThrow();
  });

  it('defines each id in one file only: an area’s message is never overridden by another’s', () => {
    // en.ts spreads the areas' catalogs and then adds the shared ids: the same id in two places would silently keep
    // one text for both uses (it once turned the list's "SLA at risk" pill into a settings label).
    const areas = { enTickets, enDesk, enBot };
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, catalog] of Object.entries(areas))
      for (const id of Object.keys(catalog)) {
        if (seen.has(id)) twice.push(`${id} in ${seen.get(id)} and ${area}`);
        seen.set(id, area);
        if (en[id as keyof typeof en] !== catalog[id as keyof typeof catalog]) twice.push(`${id} in ${area} and en.ts`);
      }
    expect(twice).toEqual([]);
  });

  it('has exactly the same message ids in every language', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('gives each Spanish message the placeholders and tags of its English one', () => {
    const differing = Object.keys(en).filter(
      (id) => shape(en[id as keyof typeof en]).join() !== shape(es[id as keyof typeof es]).join(),
    );
    expect(differing).toEqual([]);
  });

  it('leaves no message untranslated by accident (the same text as English)', () => {
    // Words the same in both languages are listed here on purpose.
    const sameOnPurpose = new Set<string>([
      'reports.p90Detail',
      'reports.percent',
      'labels.tickets',
      'palette.contactDetail',
      'header.tickets',
      'contacts.tickets',
      'contact.ticketsTitle',
      'views.sla',
      // The tickets area: units, names and punctuation that Spanish writes the same way.
      'age.minutes',
      'age.hoursMinutes',
      'list.label',
      'list.count',
      'list.previewAgent',
      'thread.bot',
      'thread.statusWithError',
      'kinds.total',
      'attachment.withCaption',
      'attachment.video',
      'attachment.sticker',
      'bulk.failed',
      'bulk.clearKey',
    ]);
    const same = Object.keys(en).filter(
      (id) => en[id as keyof typeof en] === es[id as keyof typeof es] && !sameOnPurpose.has(id),
    );
    expect(same).toEqual([]);
  });

  it('picks the first browser language it has, else English, and keeps the browser region for dates', () => {
    expect(pickLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(pickLanguage(['fr-FR', 'EN-gb'])).toBe('en');
    expect(pickLanguage(['si-LK'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
    expect(formattingLocale('es', ['en-GB', 'es-AR'])).toBe('es-AR');
    expect(formattingLocale('en', ['es-AR'])).toBe('en');
  });
});

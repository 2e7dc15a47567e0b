// Settings › Business hours (admins): the time zone, opening intervals per weekday, and holidays.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formatTimestamp } from '../format';
import { type Keyed, withoutRowKey, withRowKey } from '../row-keys';
import { SaveRow } from './SaveRow';
import { SET_BUSINESS_HOURS } from './desk-settings.documents';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/I18n';

/** Monday (1) to Sunday (7), named in the agent's language: 5 January 1970 was a Monday. */
const weekdayNames = (locale: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((day) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + day)),
  );

interface Interval {
  weekday: number;
  start: string;
  end: string;
}
interface Holiday {
  date: string;
  name: string;
}
export interface HoursValue {
  timeZone: string | null;
  intervals: Interval[];
  holidays: { date: string; name?: string | null }[];
  openNow: boolean;
  nextOpeningAt?: string | null;
}

export function BusinessHoursSettings({ hours }: { hours: HoursValue }) {
  const t = useT();
  const { locale } = useIntl();
  const [timeZone, setTimeZone] = useState(hours.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [intervals, setIntervals] = useState<Keyed<Interval>[]>(
    hours.intervals.map(({ weekday, start, end }) => withRowKey({ weekday, start, end })),
  );
  const [holidays, setHolidays] = useState<Keyed<Holiday>[]>(
    hours.holidays.map(({ date, name }) => withRowKey({ date, name: name ?? '' })),
  );
  const [saved, setSaved] = useState(false);
  const [save, { loading, error, data }] = useMutation(SET_BUSINESS_HOURS);
  const current = data?.setBusinessHours ?? hours;
  const change = <T extends { rowKey: string }>(list: T[], set: (next: T[]) => void, row: T, patch: Partial<T>) =>
    set(list.map((item) => (item.rowKey === row.rowKey ? { ...item, ...patch } : item)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = {
      timeZone,
      intervals: intervals.map(withoutRowKey),
      holidays: holidays.map(({ date, name }) => ({ date, name: name.trim() || null })),
    };
    const result = await save({ variables: { input } }).catch(() => null);
    if (result?.data) setSaved(true);
  };
  return (
    <section aria-labelledby="hours-title">
      <h2 id="hours-title">{t('hours.title')}</h2>
      <p className="muted">
        {current.intervals.length === 0
          ? t('hours.alwaysOpen')
          : current.openNow
            ? t('hours.openNow')
            : current.nextOpeningAt
              ? t('hours.closedUntil', { when: formatTimestamp(current.nextOpeningAt, locale) })
              : t('hours.closedYear')}{' '}
        {t('hours.lead')}
      </p>
      <form onSubmit={submit} aria-label={t('hours.title')} className="stacked-form">
        <label>
          {t('hours.timeZone')}
          <input
            required
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            placeholder={t('hours.timeZonePlaceholder')}
          />
        </label>
        <table>
          <thead>
            <tr>
              <th>{t('hours.day')}</th>
              <th>{t('hours.from')}</th>
              <th>{t('hours.to')}</th>
              <th>
                <span className="visually-hidden">{t('agents.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {intervals.map((interval) => (
              <tr key={interval.rowKey}>
                <td>
                  <select
                    aria-label={t('hours.day')}
                    value={interval.weekday}
                    onChange={(event) =>
                      change(intervals, setIntervals, interval, { weekday: Number(event.target.value) })
                    }
                  >
                    {weekdayNames(locale).map((day, i) => (
                      <option key={day} value={i + 1}>
                        {day}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={t('hours.from')}
                    type="time"
                    required
                    value={interval.start}
                    onChange={(event) => change(intervals, setIntervals, interval, { start: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('hours.to')}
                    pattern="([01]\d|2[0-3]):[0-5]\d|24:00"
                    required
                    value={interval.end}
                    onChange={(event) => change(intervals, setIntervals, interval, { end: event.target.value })}
                    placeholder={t('hours.endPlaceholder')}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => setIntervals(intervals.filter((item) => item.rowKey !== interval.rowKey))}
                  >
                    {t('hours.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() => setIntervals([...intervals, withRowKey({ weekday: 1, start: '09:00', end: '17:00' })])}
        >
          {t('hours.addHours')}
        </button>
        <h3>{t('hours.holidays')}</h3>
        <table>
          <tbody>
            {holidays.map((holiday) => (
              <tr key={holiday.rowKey}>
                <td>
                  <input
                    aria-label={t('hours.holidayDate')}
                    type="date"
                    required
                    value={holiday.date}
                    onChange={(event) => change(holidays, setHolidays, holiday, { date: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('hours.holidayName')}
                    value={holiday.name}
                    onChange={(event) => change(holidays, setHolidays, holiday, { name: event.target.value })}
                    placeholder={t('hours.holidayNamePlaceholder')}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => setHolidays(holidays.filter((item) => item.rowKey !== holiday.rowKey))}
                  >
                    {t('hours.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => setHolidays([...holidays, withRowKey({ date: '', name: '' })])}>
          {t('hours.addHoliday')}
        </button>
        <SaveRow label={t('hours.save')} busy={loading} saved={saved} error={error} />
      </form>
    </section>
  );
}

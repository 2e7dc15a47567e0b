// Settings › Business hours (admins): the time zone, opening intervals per weekday, and holidays.
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formatTimestamp } from '../format';
import { type Keyed, withoutRowKey, withRowKey } from '../row-keys';
import { SaveRow } from './SaveRow';
import { SET_BUSINESS_HOURS } from './desk-settings.documents';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

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
      <h2 id="hours-title">Business hours</h2>
      <p className="muted">
        {current.intervals.length === 0
          ? 'No hours set: the desk is always open.'
          : current.openNow
            ? 'Open now.'
            : `Closed now; opens ${current.nextOpeningAt ? formatTimestamp(current.nextOpeningAt) : 'not within a year'}.`}{' '}
        Outside these hours the bot tells people when agents are back, and SLA clocks wait.
      </p>
      <form onSubmit={submit} aria-label="Business hours" className="stacked-form">
        <label>
          Time zone
          <input
            required
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            placeholder="e.g. Europe/London"
          />
        </label>
        <table>
          <thead>
            <tr>
              <th>Day</th>
              <th>From</th>
              <th>To</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {intervals.map((interval) => (
              <tr key={interval.rowKey}>
                <td>
                  <select
                    aria-label="Day"
                    value={interval.weekday}
                    onChange={(event) =>
                      change(intervals, setIntervals, interval, { weekday: Number(event.target.value) })
                    }
                  >
                    {WEEKDAYS.map((day, i) => (
                      <option key={day} value={i + 1}>
                        {day}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label="From"
                    type="time"
                    required
                    value={interval.start}
                    onChange={(event) => change(intervals, setIntervals, interval, { start: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label="To"
                    pattern="([01]\d|2[0-3]):[0-5]\d|24:00"
                    required
                    value={interval.end}
                    onChange={(event) => change(intervals, setIntervals, interval, { end: event.target.value })}
                    placeholder="HH:MM or 24:00"
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => setIntervals(intervals.filter((item) => item.rowKey !== interval.rowKey))}
                  >
                    Remove
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
          Add hours
        </button>
        <h3>Holidays</h3>
        <table>
          <tbody>
            {holidays.map((holiday) => (
              <tr key={holiday.rowKey}>
                <td>
                  <input
                    aria-label="Holiday date"
                    type="date"
                    required
                    value={holiday.date}
                    onChange={(event) => change(holidays, setHolidays, holiday, { date: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label="Holiday name"
                    value={holiday.name}
                    onChange={(event) => change(holidays, setHolidays, holiday, { name: event.target.value })}
                    placeholder="Name (optional)"
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => setHolidays(holidays.filter((item) => item.rowKey !== holiday.rowKey))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => setHolidays([...holidays, withRowKey({ date: '', name: '' })])}>
          Add holiday
        </button>
        <SaveRow label="Save hours" busy={loading} saved={saved} error={error} />
      </form>
    </section>
  );
}

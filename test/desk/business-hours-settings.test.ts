// Admins set the desk's opening hours through GraphQL; outside them the bot tells a person when agents are back.
import { describe, expect, it } from 'vitest';
import {
  databases,
  eventually,
  inboundMessage,
  inboundText,
  postWebhook,
  uniquePhone,
  useServerWithCloudApi,
} from '../helpers/harness.js';

const HOURS_FIELDS = 'timeZone intervals { weekday start end } holidays { date name } openNow nextOpeningAt';
const HOURS = `{ businessHours { ${HOURS_FIELDS} } }`;
const SET_HOURS = `mutation($input: BusinessHoursInput!) { setBusinessHours(input: $input) { ${HOURS_FIELDS} } }`;
const AUDIT = '{ auditLog { action actorLabel before after } }';
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A weekday (ISO, in UTC) two days from today: the desk open only then is closed now. */
function dayAfterTomorrow(): { weekday: number; date: Date } {
  const date = new Date(Date.now() + 2 * 86_400_000);
  return { weekday: ((date.getUTCDay() + 6) % 7) + 1, date };
}

describe.each(databases)('business hours on %s', (kind) => {
  const world = useServerWithCloudApi(kind);
  const textsTo = (phone: string) =>
    world.standIn.messagesTo(phone).map((request) => request.body.text?.body ?? request.body.interactive?.body?.text);
  const say = async (phone: string, text: string, sentAt?: Date) =>
    expect((await postWebhook(world.server, inboundText(phone, text, { sentAt }).body)).status).toBe(200);
  const chooseChatSupport = async (phone: string) => {
    const choice = inboundMessage(phone, {
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: 'chat_support', title: '💬 Chat Support' } },
    });
    expect((await postWebhook(world.server, choice.body)).status).toBe(200);
  };

  it('with no hours set the desk is always open, and the bot says nothing about hours', async () => {
    expect((await world.server.ok(HOURS)).businessHours).toMatchObject({
      timeZone: null,
      intervals: [],
      holidays: [],
      openNow: true,
    });
    const phone = uniquePhone();
    await say(phone, 'hi');
    await chooseChatSupport(phone);
    await say(phone, 'My login fails');
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(textsTo(phone).some((text) => text?.includes('back'))).toBe(false);
  });

  it('bad hours are refused with BAD_USER_INPUT and change nothing', async () => {
    const refuse = async (input: Record<string, unknown>, message: RegExp) => {
      const result = await world.server.gql(SET_HOURS, { input }, world.server.adminToken);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    };
    await refuse({ timeZone: 'Mars/Olympus_Mons', intervals: [] }, /not an IANA time zone/);
    await refuse(
      { timeZone: 'Europe/London', intervals: [{ weekday: 1, start: '17:00', end: '09:00' }] },
      /must end after it starts/,
    );
    await refuse(
      {
        timeZone: 'Europe/London',
        intervals: [
          { weekday: 1, start: '09:00', end: '13:00' },
          { weekday: 1, start: '12:00', end: '17:00' },
        ],
      },
      /overlap on Monday/,
    );
    await refuse(
      { timeZone: 'Europe/London', intervals: [{ weekday: 8, start: '09:00', end: '17:00' }] },
      /weekday is 1/,
    );
    await refuse(
      { timeZone: 'Europe/London', intervals: [{ weekday: 1, start: '9am', end: '17:00' }] },
      /not a start time/,
    );
    await refuse({ timeZone: 'Europe/London', intervals: [], holidays: [{ date: '2026-02-30' }] }, /not a date/);
    expect((await world.server.ok(HOURS)).businessHours).toMatchObject({ timeZone: null, intervals: [] });
  });

  it('only a signed-in admin may set hours; agents and API tokens may read them', async () => {
    const agent = await world.server.createAgent('Ada Agent');
    const input = { timeZone: 'Europe/London', intervals: [{ weekday: 1, start: '09:00', end: '17:00' }] };
    expect((await world.server.gql(SET_HOURS, { input }, agent.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await world.server.gql(SET_HOURS, { input }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await world.server.ok(HOURS, {}, agent.token)).businessHours.intervals).toEqual([]);
  });

  it('an admin sets hours with several intervals a day and named holidays; they are kept, sorted, and audited', async () => {
    const input = {
      timeZone: 'Europe/London',
      intervals: [
        { weekday: 2, start: '13:00', end: '17:30' },
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 5, start: '22:00', end: '24:00' },
      ],
      holidays: [
        { date: '2026-12-26', name: 'Boxing Day' },
        { date: '2026-12-25', name: 'Christmas Day' },
      ],
    };
    const set = (await world.server.ok(SET_HOURS, { input })).setBusinessHours;
    expect(set).toMatchObject({
      timeZone: 'Europe/London',
      intervals: [input.intervals[1], input.intervals[0], input.intervals[2]],
      holidays: [
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2026-12-26', name: 'Boxing Day' },
      ],
    });
    expect((await world.server.ok(HOURS)).businessHours).toEqual(set);
    const [entry] = (await world.server.ok(AUDIT)).auditLog;
    expect(entry).toMatchObject({
      action: 'desk.business-hours',
      actorLabel: expect.stringContaining('admin'),
      before: { timeZone: null },
      after: { timeZone: 'Europe/London' },
    });
  });

  it('outside hours, a new ticket gets the bot’s "back on …" message once; the next message within 4 hours does not repeat it', async () => {
    const open = dayAfterTomorrow();
    const hours = (
      await world.server.ok(SET_HOURS, {
        input: { timeZone: 'UTC', intervals: [{ weekday: open.weekday, start: '09:00', end: '17:00' }] },
      })
    ).setBusinessHours;
    expect(hours.openNow).toBe(false);
    const expectedOpening = `${open.date.toISOString().slice(0, 10)}T09:00:00.000Z`;
    expect(hours.nextOpeningAt).toBe(expectedOpening);

    const phone = uniquePhone();
    await say(phone, 'hi');
    await chooseChatSupport(phone);
    await say(phone, 'The exam portal is down');
    const notice = `🌙 We are closed right now. Our agents are back ${WEEKDAYS[open.weekday - 1]} at 09:00 (UTC); your message is saved and they will answer you then.`;
    await world.standIn.waitFor(() => textsTo(phone).includes(notice));
    expect(textsTo(phone).filter((text) => text === notice)).toHaveLength(1);
    // The notice is in the thread too, from the bot.
    const thread = await world.server.ok(
      'query($p: String) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { messages(first: 10) { edges { node { senderType body } } } } } } }',
      { p: phone },
    );
    expect(thread.tickets.edges[0].node.messages.edges.map((edge: any) => edge.node)).toContainEqual({
      senderType: 'BOT',
      body: notice,
    });

    await say(phone, 'Anyone there?');
    await eventually(async () =>
      (await world.server.ok(THREAD_COUNT, { p: phone })).tickets.edges[0].node.messageCount === 4 ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(textsTo(phone).filter((text) => text === notice)).toHaveLength(1);

    // Back to always open for the tests that follow.
    await world.server.ok(SET_HOURS, { input: { timeZone: 'UTC', intervals: [] } });
    expect((await world.server.ok(HOURS)).businessHours.openNow).toBe(true);
  });
});

const THREAD_COUNT =
  'query($p: String) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { messageCount } } } }';

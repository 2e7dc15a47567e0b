import { Migration } from '@mikro-orm/migrations';

// The FTS5 part is written by hand: the schema diff knows no FTS5 tables or triggers (src/db/orm.ts tells it to
// leave them alone). A search looks the ticket's issue and name up in an FTS5 trigram table, as it looks messages
// up in support_messages_fts, instead of a LIKE over every ticket; triggers keep it in step inside the writing
// transaction. A number is looked up by its start (phone_number's index) and its end (phone_number_reversed's, see
// Ticket): trigrams of digits are shared by most numbers of a desk, so a trigram lookup of one reads them all.
// The list's newest-first orders get an index of their own, for a search's first look at the newest tickets.
// SQLite has no reverse(): the backfill lends it one for the statement.
/** What the backfill uses of better-sqlite3's connection. */
interface SqliteFunctions {
  function(name: string, options: { deterministic: boolean }, body: (text: unknown) => unknown): void;
}

export class Migration20261203081748 extends Migration {
  override name = 'Migration20261203081748';

  override async up(): Promise<void> {
    await this.execute(`alter table \`support_tickets\` add column \`phone_number_reversed\` text null;`);
    const sqlite = (await this.getEntityManager().getConnection().getNativeClient()) as SqliteFunctions;
    sqlite.function('support_reverse_text', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? [...text].reverse().join('') : null,
    );
    await this.execute(
      `update \`support_tickets\` set \`phone_number_reversed\` = support_reverse_text(\`phone_number\`);`,
    );
    this.addSql(
      `create index \`support_tickets_phone_number_reversed_index\` on \`support_tickets\` (\`phone_number_reversed\`);`,
    );
    this.addSql(`create index \`support_tickets_last_message_at_index\` on \`support_tickets\` (\`last_message_at\`);`);
    this.addSql(`create index \`support_tickets_updated_at_index\` on \`support_tickets\` (\`updated_at\`);`);
    this.addSql(
      `create virtual table \`support_tickets_fts\` using fts5(\`issue_description\`, \`sender_name\`, content = 'support_tickets', content_rowid = 'id', tokenize = 'trigram');`,
    );
    this.addSql(
      `create trigger \`support_tickets_fts_insert\` after insert on \`support_tickets\` begin insert into \`support_tickets_fts\` (rowid, \`issue_description\`, \`sender_name\`) values (new.\`id\`, new.\`issue_description\`, new.\`sender_name\`); end;`,
    );
    this.addSql(
      `create trigger \`support_tickets_fts_delete\` after delete on \`support_tickets\` begin insert into \`support_tickets_fts\` (\`support_tickets_fts\`, rowid, \`issue_description\`, \`sender_name\`) values ('delete', old.\`id\`, old.\`issue_description\`, old.\`sender_name\`); end;`,
    );
    this.addSql(
      `create trigger \`support_tickets_fts_update\` after update of \`issue_description\`, \`sender_name\` on \`support_tickets\` begin insert into \`support_tickets_fts\` (\`support_tickets_fts\`, rowid, \`issue_description\`, \`sender_name\`) values ('delete', old.\`id\`, old.\`issue_description\`, old.\`sender_name\`); insert into \`support_tickets_fts\` (rowid, \`issue_description\`, \`sender_name\`) values (new.\`id\`, new.\`issue_description\`, new.\`sender_name\`); end;`,
    );
    // The tickets already there.
    this.addSql(`insert into \`support_tickets_fts\` (\`support_tickets_fts\`) values ('rebuild');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists \`support_tickets_fts_update\`;`);
    this.addSql(`drop trigger if exists \`support_tickets_fts_delete\`;`);
    this.addSql(`drop trigger if exists \`support_tickets_fts_insert\`;`);
    this.addSql(`drop table if exists \`support_tickets_fts\`;`);
    this.addSql(`drop index \`support_tickets_last_message_at_index\`;`);
    this.addSql(`drop index \`support_tickets_updated_at_index\`;`);
    this.addSql(`drop index \`support_tickets_phone_number_reversed_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`phone_number_reversed\`;`);
  }
}

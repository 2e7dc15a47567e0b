import { Migration } from '@mikro-orm/migrations';

// Written by hand: the schema diff knows no FTS5 tables or triggers (src/db/orm.ts tells it to leave them alone).
// Thread search looks messages up in an FTS5 table with the trigram tokenizer (any substring of three characters or
// more, in any script), kept in step with support_messages by triggers inside the writing transaction.
export class Migration20261203035830 extends Migration {
  override name = 'Migration20261203035830';

  override up(): void | Promise<void> {
    this.addSql(
      `create virtual table \`support_messages_fts\` using fts5(\`message\`, content = 'support_messages', content_rowid = 'id', tokenize = 'trigram');`,
    );
    this.addSql(
      `create trigger \`support_messages_fts_insert\` after insert on \`support_messages\` begin insert into \`support_messages_fts\` (rowid, \`message\`) values (new.\`id\`, new.\`message\`); end;`,
    );
    this.addSql(
      `create trigger \`support_messages_fts_delete\` after delete on \`support_messages\` begin insert into \`support_messages_fts\` (\`support_messages_fts\`, rowid, \`message\`) values ('delete', old.\`id\`, old.\`message\`); end;`,
    );
    this.addSql(
      `create trigger \`support_messages_fts_update\` after update of \`message\` on \`support_messages\` begin insert into \`support_messages_fts\` (\`support_messages_fts\`, rowid, \`message\`) values ('delete', old.\`id\`, old.\`message\`); insert into \`support_messages_fts\` (rowid, \`message\`) values (new.\`id\`, new.\`message\`); end;`,
    );
    // The messages already there.
    this.addSql(`insert into \`support_messages_fts\` (\`support_messages_fts\`) values ('rebuild');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists \`support_messages_fts_update\`;`);
    this.addSql(`drop trigger if exists \`support_messages_fts_delete\`;`);
    this.addSql(`drop trigger if exists \`support_messages_fts_insert\`;`);
    this.addSql(`drop table if exists \`support_messages_fts\`;`);
  }
}

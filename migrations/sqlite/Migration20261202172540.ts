import { Migration } from '@mikro-orm/migrations';

export class Migration20261202172540 extends Migration {
  override name = 'Migration20261202172540';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`saved_views\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`shared\` integer not null default false, \`owner_id\` integer not null, \`filters\` json not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`saved_views_owner_id_foreign\` foreign key (\`owner_id\`) references \`admins\` (\`id\`) on delete cascade);`,
    );
    this.addSql(`create index \`saved_views_owner_id_index\` on \`saved_views\` (\`owner_id\`);`);
    this.addSql(`create index \`saved_views_owner_id_shared_index\` on \`saved_views\` (\`owner_id\`, \`shared\`);`);

    this.addSql(
      `create table \`support_mentions\` (\`id\` integer not null primary key autoincrement, \`message_id\` integer not null, \`ticket_id\` integer not null, \`agent_id\` integer not null, \`author_id\` integer null, \`created_at\` datetime not null, \`read_at\` datetime null, constraint \`support_mentions_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete cascade, constraint \`support_mentions_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade, constraint \`support_mentions_agent_id_foreign\` foreign key (\`agent_id\`) references \`admins\` (\`id\`) on delete cascade, constraint \`support_mentions_author_id_foreign\` foreign key (\`author_id\`) references \`admins\` (\`id\`) on delete set null);`,
    );
    this.addSql(`create index \`support_mentions_message_id_index\` on \`support_mentions\` (\`message_id\`);`);
    this.addSql(`create index \`support_mentions_ticket_id_index\` on \`support_mentions\` (\`ticket_id\`);`);
    this.addSql(`create index \`support_mentions_agent_id_index\` on \`support_mentions\` (\`agent_id\`);`);
    this.addSql(`create index \`support_mentions_author_id_index\` on \`support_mentions\` (\`author_id\`);`);
    this.addSql(
      `create index \`support_mentions_agent_id_read_at_index\` on \`support_mentions\` (\`agent_id\`, \`read_at\`);`,
    );
    this.addSql(
      `create unique index \`support_mentions_message_id_agent_id_unique\` on \`support_mentions\` (\`message_id\`, \`agent_id\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`saved_views\`;`);
    this.addSql(`drop table if exists \`support_mentions\`;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261202172551 extends Migration {
  override name = 'Migration20261202172551';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`saved_views\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(40) not null, \`shared\` tinyint(1) not null default false, \`owner_id\` int unsigned not null, \`filters\` json not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`saved_views\` add index \`saved_views_owner_id_index\` (\`owner_id\`);`);
    this.addSql(
      `alter table \`saved_views\` add index \`saved_views_owner_id_shared_index\` (\`owner_id\`, \`shared\`);`,
    );

    this.addSql(
      `create table \`support_mentions\` (\`id\` int unsigned not null auto_increment primary key, \`message_id\` int unsigned not null, \`ticket_id\` int unsigned not null, \`agent_id\` int unsigned not null, \`author_id\` int unsigned null, \`created_at\` datetime(3) not null, \`read_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`support_mentions\` add index \`support_mentions_message_id_index\` (\`message_id\`);`);
    this.addSql(`alter table \`support_mentions\` add index \`support_mentions_ticket_id_index\` (\`ticket_id\`);`);
    this.addSql(`alter table \`support_mentions\` add index \`support_mentions_agent_id_index\` (\`agent_id\`);`);
    this.addSql(`alter table \`support_mentions\` add index \`support_mentions_author_id_index\` (\`author_id\`);`);
    this.addSql(
      `alter table \`support_mentions\` add index \`support_mentions_agent_id_read_at_index\` (\`agent_id\`, \`read_at\`);`,
    );
    this.addSql(
      `alter table \`support_mentions\` add unique \`support_mentions_message_id_agent_id_unique\` (\`message_id\`, \`agent_id\`);`,
    );

    this.addSql(
      `alter table \`saved_views\` add constraint \`saved_views_owner_id_foreign\` foreign key (\`owner_id\`) references \`admins\` (\`id\`) on delete cascade;`,
    );

    this.addSql(
      `alter table \`support_mentions\` add constraint \`support_mentions_message_id_foreign\` foreign key (\`message_id\`) references \`support_messages\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`support_mentions\` add constraint \`support_mentions_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`support_mentions\` add constraint \`support_mentions_agent_id_foreign\` foreign key (\`agent_id\`) references \`admins\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`support_mentions\` add constraint \`support_mentions_author_id_foreign\` foreign key (\`author_id\`) references \`admins\` (\`id\`) on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`saved_views\`;`);
    this.addSql(`drop table if exists \`support_mentions\`;`);
  }
}

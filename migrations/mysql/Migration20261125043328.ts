import { Migration } from '@mikro-orm/migrations';

export class Migration20261125043328 extends Migration {
  override name = 'Migration20261125043328';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`message_templates\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(512) not null, \`language_code\` varchar(16) not null, \`body\` text not null, \`parameter_count\` int not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`message_templates\` add unique \`message_templates_name_language_code_unique\` (\`name\`, \`language_code\`);`,
    );

    this.addSql(
      `create table \`ticket_satisfaction\` (\`id\` int unsigned not null auto_increment primary key, \`ticket_id\` int unsigned not null, \`phone_number\` varchar(32) not null, \`rating\` enum('GOOD','OKAY','BAD') not null, \`comment\` text null, \`rated_at\` datetime(3) not null, \`comment_until\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`ticket_satisfaction\` add unique \`ticket_satisfaction_ticket_id_unique\` (\`ticket_id\`);`,
    );
    this.addSql(
      `alter table \`ticket_satisfaction\` add index \`ticket_satisfaction_phone_number_comment_until_index\` (\`phone_number\`, \`comment_until\`);`,
    );
    this.addSql(`alter table \`ticket_satisfaction\` add index \`ticket_satisfaction_rated_at_index\` (\`rated_at\`);`);

    this.addSql(`alter table \`support_messages\` add \`template_name\` varchar(512) null;`);

    this.addSql(
      `alter table \`ticket_satisfaction\` add constraint \`ticket_satisfaction_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`message_templates\`;`);
    this.addSql(`drop table if exists \`ticket_satisfaction\`;`);

    this.addSql(`alter table \`support_messages\` drop column \`template_name\`;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261125033206 extends Migration {
  override name = 'Migration20261125033206';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`canned_responses\` (\`id\` int unsigned not null auto_increment primary key, \`shortcode\` varchar(32) not null, \`title\` varchar(80) not null, \`body\` text not null, \`author_id\` int unsigned null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`canned_responses\` add unique \`canned_responses_shortcode_unique\` (\`shortcode\`);`);
    this.addSql(`alter table \`canned_responses\` add index \`canned_responses_author_id_index\` (\`author_id\`);`);

    this.addSql(
      `create table \`labels\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(40) not null, \`name_key\` varchar(160) not null, \`color\` varchar(7) not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`labels\` add unique \`labels_name_key_unique\` (\`name_key\`);`);

    this.addSql(
      `create table \`support_ticket_labels\` (\`id\` int unsigned not null auto_increment primary key, \`ticket_id\` int unsigned not null, \`label_id\` int unsigned not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`support_ticket_labels\` add index \`support_ticket_labels_ticket_id_index\` (\`ticket_id\`);`,
    );
    this.addSql(
      `alter table \`support_ticket_labels\` add index \`support_ticket_labels_label_id_index\` (\`label_id\`);`,
    );
    this.addSql(
      `alter table \`support_ticket_labels\` add unique \`support_ticket_labels_ticket_id_label_id_unique\` (\`ticket_id\`, \`label_id\`);`,
    );

    this.addSql(
      `alter table \`canned_responses\` add constraint \`canned_responses_author_id_foreign\` foreign key (\`author_id\`) references \`admins\` (\`id\`) on delete set null;`,
    );

    this.addSql(
      `alter table \`support_ticket_labels\` add constraint \`support_ticket_labels_ticket_id_foreign\` foreign key (\`ticket_id\`) references \`support_tickets\` (\`id\`) on delete cascade;`,
    );
    this.addSql(
      `alter table \`support_ticket_labels\` add constraint \`support_ticket_labels_label_id_foreign\` foreign key (\`label_id\`) references \`labels\` (\`id\`) on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`support_ticket_labels\` drop foreign key \`support_ticket_labels_label_id_foreign\`;`);

    this.addSql(`drop table if exists \`canned_responses\`;`);
    this.addSql(`drop table if exists \`labels\`;`);
    this.addSql(`drop table if exists \`support_ticket_labels\`;`);
  }
}
